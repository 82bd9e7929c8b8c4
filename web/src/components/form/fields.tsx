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
  Radio,
  Select,
  type SelectProps,
  TagsInput,
  type TagsInputProps,
  Text,
  Textarea,
  type TextareaProps,
  TextInput,
  type TextInputProps,
  VisuallyHidden,
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
export const TextareaField = withHelp<TextareaProps>(Textarea);

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

export type ChoiceOption = { value: string; label: string };

type ChoiceFieldProps = WithHelp & {
  /** The id of the first option, so that "go to this field" links can focus it. */
  id?: string;
  value: string;
  onChange: (value: string) => void;
  options: ChoiceOption[];
  error?: React.ReactNode;
  required?: boolean;
  disabled?: boolean;
};

/**
 * One choice among a few (Yes / No), as radio buttons in a fieldset: the legend names the group, the
 * "?" sits beside its visible copy, arrow keys move between the options.
 */
export function ChoiceField({
  label,
  help,
  id,
  value,
  onChange,
  options,
  error,
  required,
  disabled,
}: ChoiceFieldProps) {
  const generatedId = useId();
  const groupId = id ?? generatedId;
  const errorId = `${groupId}-error`;
  return (
    <fieldset className="choice-field" aria-describedby={error ? errorId : undefined} disabled={disabled}>
      {/* The legend names the group for assistive technology; the visible copy sits on one line with
          its "?" (a button inside a legend would become part of the group's name). */}
      <VisuallyHidden component="legend">{label}</VisuallyHidden>
      <Group gap={4} wrap="nowrap" align="center">
        <Input.Label component="div" required={required} aria-hidden>
          {label}
        </Input.Label>
        <FieldHelp label={label} help={help} />
      </Group>
      <Group gap="lg" mt={6}>
        {options.map((option, i) => (
          <Radio
            key={option.value}
            id={i === 0 ? groupId : `${groupId}-${i}`}
            name={groupId}
            value={option.value}
            label={option.label}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
            error={Boolean(error)}
          />
        ))}
      </Group>
      {error && (
        <Text id={errorId} size="xs" c="var(--mantine-color-error)" mt={4}>
          {error}
        </Text>
      )}
    </fieldset>
  );
}
