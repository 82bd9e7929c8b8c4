import type { BoardAreaLists, ListEntry } from '../../../api/activities';
import type { ActivityFormState } from './form-state';

/** What every section of the activity form gets: the values, the setters and the messages. */
export type FormApi = {
  state: ActivityFormState;
  /** Changes the form; `path` is the field that changed (marks it touched, so its message shows). */
  change: (path: string, update: (state: ActivityFormState) => ActivityFormState) => void;
  set: <K extends keyof ActivityFormState>(key: K, value: ActivityFormState[K]) => void;
  /** The message to show under the field at `path`, if any. */
  error: (path: string) => string | undefined;
  /** Every message at `path` or below it, joined (lists and maps). */
  errorUnder: (path: string) => string | undefined;
  isNew: boolean;
  jointAccreditation: boolean;
  boardLists: Record<string, BoardAreaLists>;
  blueprintSections: ListEntry[] | undefined;
};
