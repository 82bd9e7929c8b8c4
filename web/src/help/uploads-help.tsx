import { Code, List, Table } from '@mantine/core';
import { H, Items, P } from './typography';

// Follows spec/formats.md §1–§4 (layouts) and §8 (processing rules) and docs/api.md "Uploads"; change it
// when those change.

const LAYOUTS: [id: string, name: string, what: string][] = [
  [
    'PARS-D',
    'PARS Template D',
    'Tab-delimited text without a header, first field “Template D”. Reporting years 2015–2021.',
  ],
  [
    'PARS-C',
    'PARS Template C',
    'Tab-delimited text, 58 fixed columns, first field “Template C”. Reporting years 2013–2014.',
  ],
  [
    'PARS-B',
    'PARS Template B',
    'Tab-delimited text, 42 fixed columns, first field “Template B”. Reporting years 2011–2013.',
  ],
  [
    'PARS-2010',
    'Pre-2011 PARS layout',
    'Tab-delimited text, 35 fixed columns plus supporter groups, first field the reporting year (2005–2010).',
  ],
  [
    'OP-ACT-1',
    'OpenPARS activity sheet',
    'An Excel workbook (.xlsx; the sheet named Activities, else the first), CSV or TSV with a header row of field names (providerActivityId, title, startDate, …) in any order. For activities reported in 2022 or later. Download the template from the Uploads page: it has a note on every column and drop-down lists of the codes.',
  ],
  [
    'OP-ACT-XML-1',
    'MEMS-based XML',
    'An ACCMEActivities document with one MedicalEducationMetrics element per activity (MedBiquitous MEMS v1), OpenPARS fields in XtensibleInfo. Documents with a DTD or entity declarations are refused.',
  ],
  [
    'OP-ACT-JSON-1',
    'JSON',
    '{"activities": […]} or a bare array; each element is shaped like the API body for one activity, with an optional action (UPSERT or DELETE) and parsActivityId.',
  ],
];

const OUTCOME_ROWS: [outcome: string, meaning: string][] = [
  ['Added', 'A new activity was saved at the status its data allows.'],
  ['Updated', 'An existing activity was changed and is at its target status.'],
  ['Unchanged', 'The row matched the stored activity exactly: nothing was written.'],
  [
    'Saved with a lower status',
    'The activity was added or updated but lacks something needed for the status it aims at; the report lists each missing requirement.',
  ],
  ['Deleted', 'The row asked for the activity to be deleted (action DELETE), and it was.'],
  [
    'Rejected',
    'Nothing from this row was saved. The report gives every reason: the rule code, the column, the value and a message saying how to fix it.',
  ],
];

export function UploadsHelp() {
  return (
    <>
      <P>
        An upload adds, updates or deletes many activities at once from a file. You need the permission to
        report activities, or, to load a provider's archive, the archive import permission (below). The file
        is checked row by row: a bad row never blocks the good ones. The page of an upload shows its progress
        as it runs, then a count for each outcome and a report of every row, which you can also download as
        CSV (one line per message).
      </P>

      <H>Archive imports</H>
      <P>
        Accreditor administrators (for their own providers; the ACCME for all) and operator administrators
        load a provider's past data — legacy PARS files of earlier years — from the same Uploads page, titled
        “Import a provider's archive” for them. Choose the provider (by name or 7-digit provider number), then
        the file.
      </P>
      <Items>
        <List.Item>
          The activities are saved to that provider. The upload is listed both for you and for the provider,
          marked “Archive import”.
        </List.Item>
        <List.Item>
          Years closed to the provider do not stop an archive import, and every reporting year it loads is
          locked at once: the provider's own changes to activities of those years, in the form or by upload,
          are then refused (<Code>ACT-YEAR-CLOSED</Code>). A dry run locks nothing.
        </List.Item>
        <List.Item>
          In the report of an archive import, a row links to its activity's page rather than to the edit form,
          since the year is locked.
        </List.Item>
      </Items>

      <H>Accepted layouts</H>
      <P>
        You do not choose a layout: OpenPARS recognises it from the file's content (an Excel workbook, XML,
        JSON, or the first line of a text file). Text can be UTF-8 (with or without a byte-order mark), UTF-16
        (Excel “Unicode Text”) or Windows-1252.
      </P>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" fz="sm" mb="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Layout</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>What it looks like</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {LAYOUTS.map(([id, name, what]) => (
              <Table.Tr key={id}>
                <Table.Td>
                  <Code>{id}</Code>
                </Table.Td>
                <Table.Td>{name}</Table.Td>
                <Table.Td>{what}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Items>
        <List.Item>
          The legacy PARS templates have no header row; a header line left at the top is skipped with the
          warning <Code>FMT-HEADER-SKIPPED</Code>. They use the rule sets of their years, and their key
          includes the reporting year.
        </List.Item>
        <List.Item>
          In an OpenPARS sheet the header must name <Code>providerActivityId</Code> or{' '}
          <Code>parsActivityId</Code>. Unknown columns are ignored with a warning; read-only fields such as{' '}
          <Code>status</Code> are ignored silently, so an export can be edited and uploaded again. A column
          left out keeps the stored value; an empty cell clears it. The delimiter is a tab if the header has
          one, otherwise a comma (or a semicolon when there is no comma).
        </List.Item>
        <List.Item>
          Rows are matched to stored activities by Provider Activity ID (ignoring case and surrounding
          spaces), or by PARS Activity ID. A row without a match adds a new activity. A key used twice in one
          file is rejected the second time (<Code>FMT-DUPLICATE-KEY-IN-FILE</Code>).
        </List.Item>
        <List.Item>
          Dates are <Code>M/D/YYYY</Code>, or <Code>YYYY-MM-DD</Code> in OpenPARS sheets; day-first dates are
          never guessed. Yes/No fields take Yes, No, Y, N, true or false.
        </List.Item>
      </Items>

      <H>When a whole file is rejected</H>
      <P>
        Only when it cannot be read (<Code>FILE-UNREADABLE</Code>), its layout is not recognised (
        <Code>FILE-UNKNOWN-LAYOUT</Code>) or it holds no data rows (<Code>FILE-EMPTY</Code>). The whole file
        is checked for these before any row is applied, so nothing is saved from a rejected file.
      </P>

      <H>Outcomes of a row</H>
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing="xs" fz="sm" mb="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Outcome</Table.Th>
              <Table.Th>Meaning</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {OUTCOME_ROWS.map(([outcome, meaning]) => (
              <Table.Tr key={outcome}>
                <Table.Td fw={600}>{outcome}</Table.Td>
                <Table.Td>{meaning}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <P>
        Warnings (a value normalised, a column ignored) can accompany any outcome and never stop a row. When a
        rejected row or one saved with a lower status names an activity that exists, the report links to it
        (“Fix this activity”) so you can correct it on its form — or fix the file and upload it again.
      </P>

      <H>Duplicate files</H>
      <P>
        If a file is byte for byte the same as one your organisation already uploaded and completed (not as a
        dry run), the upload stops and waits: the page names the earlier upload and asks you to confirm or
        cancel. Processing the same file again changes nothing, except that activities edited since then are
        set back to the file's values — which is what the confirmation is for.
      </P>

      <H>Dry runs</H>
      <P>
        Tick “Dry run (check only, save nothing)” to check a file first. Every row goes through the same
        checks as a real upload and the report shows the outcomes as they would be, but nothing is saved and
        nobody is notified. A dry run never counts as an earlier file for the duplicate check.
      </P>

      <H>Order and timing</H>
      <P>
        Uploads run in the background, one at a time per organisation, in the order they arrive; you may leave
        the page and come back from the list of recent uploads. Rows are applied in file order, so a row sees
        the effect of every row above it.
      </P>
    </>
  );
}
