import {
  Autocomplete,
  type AutocompleteProps,
  Checkbox,
  type CheckboxProps,
  Group,
  Input,
  MultiSelect,
  type MultiSelectProps,
  PasswordInput,
  type PasswordInputProps,
  Select,
  type SelectProps,
  TagsInput,
  type TagsInputProps,
  TextInput,
  type TextInputProps,
} from '@mantine/core';
import { type ComponentType, useId } from 'react';
import { FieldHelp } from './FieldHelp';

type WithHelp = { label: string; help: string };

type LabelledProps = { id?: string; required?: boolean; label?: React.ReactNode };

// The "?" sits beside the <label>, not inside it: a button inside a label would be invalid HTML and
// would become part of the input's accessible name.
function withHelp<P extends LabelledProps>(Component: ComponentType<P>) {
  return function FieldWithHelp({ label, help, id, ...rest }: Omit<P, 'label'> & WithHelp) {
    const generatedId = useId();
    const inputId = id ?? generatedId;
    const props = { ...rest, id: inputId } as unknown as P;
    return (
      <div>
        <Group gap={4} wrap="nowrap" mb={4} align="center">
          <Input.Label htmlFor={inputId} required={rest.required}>
            {label}
          </Input.Label>
          <FieldHelp label={label} help={help} />
        </Group>
        <Component {...props} />
      </div>
    );
  };
}

export const TextField = withHelp<TextInputProps>(TextInput);
export const AutocompleteField = withHelp<AutocompleteProps>(Autocomplete);
export const PasswordField = withHelp<PasswordInputProps>(PasswordInput);
export const SelectField = withHelp<SelectProps>(Select);
export const MultiSelectField = withHelp<MultiSelectProps>(MultiSelect);
export const TagsField = withHelp<TagsInputProps>(TagsInput);

/** A calendar date; the browser's own picker, value 'YYYY-MM-DD'. */
export function DateField(props: Omit<TextInputProps, 'label' | 'type'> & WithHelp) {
  return <TextField {...props} type="date" />;
}

export function CheckboxField({ help, label, ...rest }: Omit<CheckboxProps, 'label'> & WithHelp) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Checkbox label={label} {...rest} />
      <FieldHelp label={label} help={help} />
    </Group>
  );
}
