import type { FileInspection, FormatAdapter, OpenFile, SourceRecord } from '../upload.types';
import { FileLevelError } from './issues';
import { memsElementToRecord, oversizedRecord } from './xml-activity';
import { MAX_ELEMENT_CHARS, readMemsElements, type XmlEncoding } from './xml-reader';

// OP-ACT-XML-1 (formats.md §6): MEMS-based XML, one activity per MedicalEducationMetrics element, row =
// the element's 1-based position. `inspect` is the streamed pre-pass of §8.2 over the whole file
// (encoding, well-formedness, no DTD, root, at least one activity); `records` reads the file again and
// maps each element on its own.

export const XML_LAYOUT = 'OP-ACT-XML-1';

export function createXmlActivitiesAdapter(options: { maxElementChars?: number } = {}): FormatAdapter {
  const maxElementChars = options.maxElementChars ?? MAX_ELEMENT_CHARS;
  return {
    async inspect(open: OpenFile): Promise<FileInspection> {
      let encoding: XmlEncoding = 'utf-8';
      let count = 0;
      try {
        for await (const _ of readMemsElements(open, {
          collect: false,
          maxElementChars,
          onEncoding: (e) => {
            encoding = e;
          },
        }))
          count++;
      } catch (err) {
        if (err instanceof FileLevelError) return { error: { code: err.code, message: err.message } };
        throw err;
      }
      if (count === 0)
        return {
          error: {
            code: 'FILE-EMPTY',
            message: 'The file holds no activities: ACCMEActivities has no MedicalEducationMetrics element.',
          },
        };
      return { layout: XML_LAYOUT, encoding, warnings: [] };
    },

    async *records(open: OpenFile): AsyncIterable<SourceRecord> {
      for await (const { index, element, oversized } of readMemsElements(open, { maxElementChars })) {
        if (oversized || !element) yield oversizedRecord(index, maxElementChars);
        else yield memsElementToRecord(index, element);
      }
    },
  };
}

export const xmlActivitiesAdapter = createXmlActivitiesAdapter();
