import { Badge } from '@mantine/core';
import type { Outcome, UploadState } from '../../api/uploads';

export const UPLOAD_STATE_LABELS: Record<UploadState, string> = {
  RECEIVED: 'Waiting to start',
  AWAITING_CONFIRMATION: 'Awaiting confirmation',
  PROCESSING: 'Processing',
  COMPLETED: 'Completed',
  REJECTED: 'File rejected',
  CANCELLED: 'Cancelled',
};

const STATE_COLORS: Record<UploadState, string> = {
  RECEIVED: 'gray',
  AWAITING_CONFIRMATION: 'yellow',
  PROCESSING: 'blue',
  COMPLETED: 'green',
  REJECTED: 'red',
  CANCELLED: 'gray',
};

export function UploadStateBadge({ state }: { state: UploadState }) {
  return <Badge color={STATE_COLORS[state]}>{UPLOAD_STATE_LABELS[state] ?? state}</Badge>;
}

export const OUTCOME_LABELS: Record<Outcome, string> = {
  ADDED: 'Added',
  UPDATED: 'Updated',
  UNCHANGED: 'Unchanged',
  SAVED_WITH_LOWER_STATUS: 'Saved with a lower status',
  DELETED: 'Deleted',
  REJECTED: 'Rejected',
};

export const OUTCOME_COLORS: Record<Outcome, string> = {
  ADDED: 'green',
  UPDATED: 'blue',
  UNCHANGED: 'gray',
  SAVED_WITH_LOWER_STATUS: 'yellow',
  DELETED: 'grape',
  REJECTED: 'red',
};
