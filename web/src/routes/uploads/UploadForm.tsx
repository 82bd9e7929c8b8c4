import { Anchor, Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useId, useState } from 'react';
import { templateUrl, useStartUpload } from '../../api/uploads';
import { FormAlert } from '../../components/form/FormAlert';
import { fieldErrors } from '../../lib/field-errors';
import { ArchiveProviderPicker } from './ArchiveProviderPicker';
import { FileDropArea } from './FileDropArea';

/**
 * The upload form. A provider sends its own files; an archive importer (accreditor or operator
 * administrator) also names the provider the file is for, and the server checks they oversee it.
 */
export function UploadForm({ archive }: { archive: boolean }) {
  const navigate = useNavigate();
  const start = useStartUpload();
  const [file, setFile] = useState<File | null>(null);
  const [providerNumber, setProviderNumber] = useState<string | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [missingFile, setMissingFile] = useState(false);
  const [missingProvider, setMissingProvider] = useState(false);
  const providerFieldId = useId();

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setMissingFile(false);
    start.reset();
  };

  const chooseProvider = (chosen: string | null) => {
    setProviderNumber(chosen);
    setMissingProvider(false);
    start.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const noProvider = archive && !providerNumber;
    setMissingProvider(noProvider);
    setMissingFile(!file);
    // Keyboard and screen-reader users land on the field to fix; the file's own alert speaks for it.
    if (noProvider) document.getElementById(providerFieldId)?.focus();
    if (!file || noProvider) return;
    start.mutate(
      { file, dryRun, ...(archive && providerNumber ? { archiveFor: providerNumber } : {}) },
      { onSuccess: (upload) => navigate({ to: '/uploads/$id', params: { id: upload.uploadId } }) },
    );
  };

  const serverProviderError = fieldErrors(start.error).providerId;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={720}>
        <Title order={2} size="h4">
          {archive ? 'Upload an archive file' : 'Upload a file of activities'}
        </Title>
        {/* Above the fields, as in every form: a refused provider is then "marked below". */}
        <FormAlert
          error={start.error}
          fields={archive ? ['providerId'] : []}
          title="The file was not accepted"
        />
        {archive ? (
          <ArchiveProviderPicker
            id={providerFieldId}
            value={providerNumber}
            onChange={chooseProvider}
            error={
              missingProvider ? 'Choose the provider whose archive this file holds.' : serverProviderError
            }
          />
        ) : (
          <TemplateLinks />
        )}
        <FileDropArea
          file={file}
          onChoose={choose}
          missing={missingFile}
          hint={
            archive
              ? 'Choose a file, or drag it here and drop it. Legacy PARS files (Template D, C, B or the pre-2011 layout, tab-delimited) are expected; activity sheets, MEMS-based XML and JSON are accepted too.'
              : 'Choose a file, or drag it here and drop it. Tab-delimited PARS templates, activity sheets as Excel (.xlsx), CSV or TSV, MEMS-based XML and JSON are accepted.'
          }
        />
        <Checkbox
          label="Dry run (check only, save nothing)"
          description={
            archive
              ? 'Every row is checked and the report shows what would happen, but nothing is saved and no year is locked.'
              : 'Every row is checked and the report shows what would happen, but nothing is saved.'
          }
          checked={dryRun}
          onChange={(event) => setDryRun(event.currentTarget.checked)}
        />
        <Group>
          <Button type="submit" loading={start.isPending}>
            {archive ? 'Import' : 'Upload'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// Templates are for a provider's current reporting; the server offers them to provider editors only.
function TemplateLinks() {
  return (
    <Stack gap={4}>
      <Text size="sm">
        Start from the template: its first row names every column OpenPARS reads, and in the Excel version
        each column heading has a note and code columns offer a list to choose from.
      </Text>
      <Group gap="lg">
        <Anchor href={templateUrl('activities', 'xlsx')} download size="sm">
          Download template (Excel, .xlsx)
        </Anchor>
        <Anchor href={templateUrl('activities', 'csv')} download size="sm">
          Download template (CSV)
        </Anchor>
      </Group>
    </Stack>
  );
}
