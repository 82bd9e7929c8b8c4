import { Badge } from '@mantine/core';
import type { AccreditationStatus } from '../api/types';
import { ACCREDITATION_STATUS_COLORS, accreditationStatusLabel } from '../lib/labels';

export function AccreditationStatusBadge({ status }: { status: AccreditationStatus | string }) {
  const color = ACCREDITATION_STATUS_COLORS[status as AccreditationStatus] ?? 'gray';
  return <Badge color={color}>{accreditationStatusLabel(status)}</Badge>;
}
