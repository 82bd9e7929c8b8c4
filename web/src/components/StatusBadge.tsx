import { Badge } from '@mantine/core';
import type { AccreditationStatus } from '../api/types';
import { ACTIVITY_STATUS_COLORS, activityStatusLabel } from '../lib/activity-labels';
import { ACCREDITATION_STATUS_COLORS, accreditationStatusLabel } from '../lib/labels';

export function AccreditationStatusBadge({ status }: { status: AccreditationStatus | string }) {
  const color = ACCREDITATION_STATUS_COLORS[status as AccreditationStatus] ?? 'gray';
  return <Badge color={color}>{accreditationStatusLabel(status)}</Badge>;
}

export function ActivityStatusBadge({ status, size }: { status: string; size?: 'sm' | 'md' | 'lg' }) {
  const color = ACTIVITY_STATUS_COLORS[status as keyof typeof ACTIVITY_STATUS_COLORS] ?? 'gray';
  return (
    // Never shrink: a cut "Ready to c…" reads as another status.
    <Badge color={color} size={size} style={{ flexShrink: 0, overflow: 'visible' }}>
      {activityStatusLabel(status)}
    </Badge>
  );
}
