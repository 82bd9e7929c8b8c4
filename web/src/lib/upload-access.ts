import type { Session } from './session';

type Access = Pick<Session, 'organization' | 'can'>;

/**
 * Which upload form the acting organisation gets, mirroring upload.service.ts: a provider's editors
 * upload its own files; accreditor and operator administrators import archives for providers they
 * oversee. Null: no uploads at all.
 */
export function uploadMode({ organization, can }: Access): 'provider' | 'archive' | null {
  if (!organization) return null;
  if (organization.kind === 'PROVIDER') return can('activities.edit') ? 'provider' : null;
  return can('archive.import') ? 'archive' : null;
}

/**
 * Where a report row's activity link may lead. Only a provider's editors change its activities, and not
 * those an archive import loaded: their years are locked. Accreditor staff may read their providers'
 * activities, so they get the read-only page. Others (an operator importing an archive) have no activity
 * pages in the app, so no link rather than a dead end.
 */
export function activityLinkKind({ organization, can }: Access, archive: boolean): 'edit' | 'view' | null {
  if (organization?.kind === 'PROVIDER' && can('activities.edit') && !archive) return 'edit';
  if (can('activities.view') || can('providers.view')) return 'view';
  return null;
}
