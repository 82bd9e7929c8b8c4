import { describe, expect, it } from 'vitest';
import { openBytes } from '../../../testing/open-bytes';
import { chooseAdapter } from './choose-adapter';
import { xmlActivitiesAdapter } from './xml.adapter';
import { readMemsElements } from './xml-reader';

// The streamed pre-pass of OP-ACT-XML-1 files (formats.md §6, §8.2): encodings, well-formedness, the DTD
// refusal, the root element and emptiness; and that elements come out one by one whatever the chunking.

const MEMS = 'http://ns.medbiq.org/metrics/v1/';
const activity = (title: string) =>
  `<MedicalEducationMetrics xmlns="${MEMS}"><ActivityDescription><lom xmlns="http://ltsc.ieee.org/xsd/LOM"><general><title><string>${title}</string></title></general></lom></ActivityDescription></MedicalEducationMetrics>`;
const doc = (body: string, decl = '<?xml version="1.0" encoding="UTF-8"?>') =>
  `${decl}\n<ACCMEActivities>\n${body}\n</ACCMEActivities>\n`;

const inspect = (content: string | Uint8Array) => xmlActivitiesAdapter.inspect(openBytes(content));

describe('OP-ACT-XML-1 pre-pass: accepted files', () => {
  it('counts activities of a UTF-8 file with or without a byte-order mark', async () => {
    expect(await inspect(doc(activity('A') + activity('B')))).toEqual({
      layout: 'OP-ACT-XML-1',
      encoding: 'utf-8',
      warnings: [],
    });
    expect(await inspect(`\uFEFF${doc(activity('A'))}`)).toMatchObject({ layout: 'OP-ACT-XML-1' });
  });

  it('reads UTF-16 recognised by its byte-order mark, little- and big-endian', async () => {
    const text = doc(activity('Łukasiewicz'), '<?xml version="1.0" encoding="UTF-16"?>');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(await inspect(le)).toMatchObject({ layout: 'OP-ACT-XML-1', encoding: 'utf-16le' });
    const be = Buffer.from(le);
    be.swap16();
    expect(await inspect(be)).toMatchObject({ encoding: 'utf-16be' });
    const titles: string[] = [];
    for await (const e of readMemsElements(openBytes(le, 3)))
      titles.push(e.element?.children[0]?.children[0]?.children[0]?.children[0]?.children[0]?.text ?? '');
    expect(titles).toEqual(['Łukasiewicz']);
  });

  it('accepts a root in any namespace and activities without a namespace', async () => {
    const body = '<MedicalEducationMetrics><ReportDescription/></MedicalEducationMetrics>';
    expect(await inspect(`<a:ACCMEActivities xmlns:a="urn:x">${body}</a:ACCMEActivities>`)).toMatchObject({
      layout: 'OP-ACT-XML-1',
    });
  });

  it('yields elements in order, numbered by position, however the bytes are chunked', async () => {
    const content = doc(`${activity('Zoë ✓')}<Note>not an activity</Note>${activity('Second')}`);
    const seen: { index: number; title: string | undefined }[] = [];
    for await (const e of readMemsElements(openBytes(content, 5)))
      seen.push({
        index: e.index,
        title: e.element?.children[0]?.children[0]?.children[0]?.children[0]?.children[0]?.text,
      });
    expect(seen).toEqual([
      { index: 1, title: 'Zoë ✓' },
      { index: 2, title: 'Second' },
    ]);
  });

  it('marks an element over the size limit instead of keeping it, and reads on', async () => {
    const big = activity('x'.repeat(5000));
    const out = [];
    for await (const e of readMemsElements(openBytes(doc(big + activity('small'))), {
      maxElementChars: 1000,
    }))
      out.push({ index: e.index, oversized: e.oversized, kept: e.element !== null });
    expect(out).toEqual([
      { index: 1, oversized: true, kept: false },
      { index: 2, oversized: false, kept: true },
    ]);
  });
});

describe('OP-ACT-XML-1 pre-pass: refused files', () => {
  it('refuses a DOCTYPE, even an empty one', async () => {
    const result = await inspect(
      `<?xml version="1.0"?>\n<!DOCTYPE ACCMEActivities>\n${doc(activity('A'), '')}`,
    );
    expect(result).toEqual({
      error: {
        code: 'FILE-UNREADABLE',
        message: expect.stringContaining('DTD or entity declarations is refused'),
      },
    });
  });

  it('refuses entity declarations, and a billion-laughs file at once without expanding anything', async () => {
    const laughs = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [',
      ' <!ENTITY lol "lol">',
      ...Array.from(
        { length: 9 },
        (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
      ),
      ']>',
      '<ACCMEActivities><MedicalEducationMetrics><title>&lol9;</title></MedicalEducationMetrics></ACCMEActivities>',
    ].join('\n');
    const started = performance.now();
    const result = await inspect(laughs);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result).toMatchObject({ error: { code: 'FILE-UNREADABLE' } });
    expect('error' in result && result.error.message).toMatch(
      /DTD or entity declarations.*declares entities/,
    );
  });

  it('refuses an undefined entity reference as not well-formed', async () => {
    const result = await inspect(doc(activity('Fish &chips; and more')));
    expect(result).toMatchObject({
      error: {
        code: 'FILE-UNREADABLE',
        message: expect.stringMatching(/not well-formed XML: undefined entity.*line 3/),
      },
    });
  });

  it('names the line and column of the first well-formedness error', async () => {
    const result = await inspect(
      '<ACCMEActivities>\n<MedicalEducationMetrics>\n  <Title>x</Titel>\n</ACCMEActivities>',
    );
    expect(result).toMatchObject({ error: { code: 'FILE-UNREADABLE' } });
    expect('error' in result && result.error.message).toMatch(
      /^The file is not well-formed XML: .*\(line 3, column \d+\)\.$/,
    );
  });

  it('refuses a file cut off in the middle', async () => {
    const cut = doc(activity('A')).slice(0, 80);
    expect(await inspect(cut)).toMatchObject({ error: { code: 'FILE-UNREADABLE' } });
  });

  it('refuses an encoding other than UTF-8 or UTF-16, and bytes that are not UTF-8', async () => {
    const latin = await inspect(doc(activity('A'), '<?xml version="1.0" encoding="ISO-8859-1"?>'));
    expect(latin).toMatchObject({
      error: { code: 'FILE-UNREADABLE', message: expect.stringContaining('encoding "ISO-8859-1"') },
    });
    const bytes = Buffer.concat([Buffer.from(doc('').slice(0, 60)), Buffer.from([0xe9, 0x20, 0xff])]);
    expect(await inspect(bytes)).toMatchObject({
      error: { code: 'FILE-UNREADABLE', message: expect.stringContaining('not valid UTF-8') },
    });
    const claims16 = await inspect(doc(activity('A'), '<?xml version="1.0" encoding="UTF-16"?>'));
    expect(claims16).toMatchObject({
      error: { code: 'FILE-UNREADABLE', message: expect.stringContaining('UTF-16') },
    });
  });

  it('gives FILE-UNKNOWN-LAYOUT for another root, a bare MedicalEducationMetrics or a foreign namespace', async () => {
    expect(await inspect('<Activities><MedicalEducationMetrics/></Activities>')).toMatchObject({
      error: { code: 'FILE-UNKNOWN-LAYOUT', message: expect.stringContaining('<Activities>') },
    });
    expect(await inspect(activity('A'))).toMatchObject({
      error: {
        code: 'FILE-UNKNOWN-LAYOUT',
        message: expect.stringContaining('a bare MedicalEducationMetrics'),
      },
    });
    const v2 = '<ACCMEActivities><MedicalEducationMetrics xmlns="urn:other"/></ACCMEActivities>';
    expect(await inspect(v2)).toMatchObject({
      error: { code: 'FILE-UNKNOWN-LAYOUT', message: expect.stringContaining('urn:other') },
    });
  });

  it('gives FILE-EMPTY for an ACCMEActivities without activities', async () => {
    expect(await inspect(doc('<!-- nothing yet -->'))).toEqual({
      error: { code: 'FILE-EMPTY', message: expect.stringContaining('no MedicalEducationMetrics') },
    });
    expect(await inspect('<ACCMEActivities/>')).toMatchObject({ error: { code: 'FILE-EMPTY' } });
  });
});

describe('choosing the XML adapter', () => {
  it('picks XML by a first significant "<", after a byte-order mark and white space, in UTF-8 or UTF-16', async () => {
    const text = doc(activity('A'));
    for (const content of [
      text,
      `\uFEFF \r\n\t${text}`,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      Buffer.from(text, 'utf16le'),
    ]) {
      const choice = await chooseAdapter(openBytes(content));
      expect('adapter' in choice && choice.adapter).toBe(xmlActivitiesAdapter);
    }
  });
});
