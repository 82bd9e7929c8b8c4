import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { useProviders } from '../../api/providers';
import { SelectField } from '../../components/form/fields';
import { FIELD_HELP } from '../../help/field-help';

type Option = { value: string; label: string };

/**
 * The provider an archive import is for, searched on the server by name or number among the providers
 * the importer oversees. The value is the provider number, which is what the upload sends as providerId.
 */
export function ArchiveProviderPicker({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string | null;
  onChange: (providerNumber: string | null) => void;
  error?: string | undefined;
}) {
  // The chosen option stays listed while a new search runs, so the field never blanks out.
  const [selected, setSelected] = useState<Option | null>(null);
  const [searchText, setSearchText] = useState('');
  const [debounced] = useDebouncedValue(searchText.trim(), 300);
  // Once chosen, the search box shows the option's label: that is not a search for more providers.
  const providers = useProviders({ q: debounced === selected?.label ? '' : debounced });
  const options = new Map<string, string>();
  if (selected) options.set(selected.value, selected.label);
  for (const p of providers.data?.pages.flatMap((page) => page.items) ?? []) {
    options.set(p.providerNumber, `${p.name} (${p.providerNumber})`);
  }
  return (
    <SelectField
      id={id}
      label="Provider"
      help={FIELD_HELP['uploads.provider']}
      placeholder="Search by name or provider number"
      required
      data={[...options].map(([v, label]) => ({ value: v, label }))}
      value={value}
      onChange={(v, option) => {
        setSelected(v && option ? { value: v, label: option.label } : null);
        onChange(v);
      }}
      searchValue={searchText}
      onSearchChange={setSearchText}
      searchable
      // The list would cover the field's error when the form sends focus here; typing, a click or the
      // down arrow opens it.
      openOnFocus={false}
      clearable
      nothingFoundMessage={
        providers.isError
          ? `The providers could not be loaded: ${errorMessage(providers.error)}`
          : providers.isFetching
            ? 'Searching…'
            : 'No provider found'
      }
      error={error}
      errorProps={{ role: 'alert' }}
      maw={480}
    />
  );
}
