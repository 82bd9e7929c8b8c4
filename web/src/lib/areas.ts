import type { Instance } from '../api/types';
import type { Session } from './session';

export type AppPath =
  | '/'
  | '/organization'
  | '/people'
  | '/providers'
  | '/activities'
  | '/uploads'
  | '/api-keys'
  | '/audit'
  | '/outbox'
  | '/help';

export type NavArea =
  | { key: string; label: string; to: AppPath }
  | { key: string; label: string; comingSoon: true; description: string };

const built = (key: string, label: string, to: AppPath): NavArea => ({ key, label, to });
const soon = (key: string, label: string, description: string): NavArea => ({
  key,
  label,
  comingSoon: true,
  description,
});

/**
 * The areas of the navigation for the acting organisation and the user's permissions. Areas that later
 * work builds are listed as "coming soon" so people can see where the product is going, but never link
 * to an empty page.
 */
export function navAreas(session: Session, instance: Instance | undefined): NavArea[] {
  const { can, organization, me } = session;
  const areas: NavArea[] = [built('home', 'Home', '/')];

  if (me.user.kind === 'PHYSICIAN' && !organization) {
    areas.push(soon('passport', 'CME Passport', 'Your credit across providers, with shareable transcripts'));
  }

  if (organization) {
    if (can('org.view')) {
      areas.push(
        built('organization', 'Organisation', '/organization'),
        built('people', 'People', '/people'),
      );
    }
    switch (organization.kind) {
      case 'PROVIDER':
        if (can('activities.view')) areas.push(built('activities', 'Activities', '/activities'));
        if (can('learners.view'))
          areas.push(soon('learners', 'Learners', 'Report learner completions and credit'));
        if (can('activities.edit')) {
          areas.push(built('uploads', 'Uploads', '/uploads'));
        } else if (can('learners.report')) {
          areas.push(soon('uploads', 'Uploads', 'Batch files of activities and learners'));
        }
        if (can('annual.edit') || can('annual.submit')) {
          areas.push(soon('annual', 'Annual report', 'Program Summary and yearly submission'));
        }
        if (can('accreditation.edit')) {
          areas.push(soon('accreditation', 'Accreditation', 'Self-study and performance in practice'));
        }
        if (can('billing.view')) areas.push(soon('billing', 'Billing', 'Invoices and payments'));
        break;
      case 'ACCREDITOR':
        if (can('providers.view')) {
          areas.push(
            built('providers', 'Providers', '/providers'),
            built('activities', 'Activities', '/activities'),
          );
          // Administrators import their providers' archives (formats.md §3.7).
          if (can('archive.import')) areas.push(built('uploads', 'Uploads', '/uploads'));
          areas.push(
            soon('annual-reports', 'Annual reports', 'Submissions, deadlines and lateness'),
            soon('accreditation-reviews', 'Accreditation', 'Reviews, decisions and terms'),
            soon('data-report', 'Data Report', 'System-wide figures for each year'),
          );
        } else if (can('reviews.assigned')) {
          areas.push(soon('reviews', 'My reviews', 'Review packages assigned to you'));
        }
        break;
      case 'BOARD':
        if (can('board.feed'))
          areas.push(soon('board-feed', 'Board feed', 'Credit reported for your diplomates'));
        if (can('board.settings')) areas.push(soon('rosters', 'Rosters', 'Roster files and matching'));
        break;
      case 'OPERATOR':
        if (can('archive.import')) areas.push(built('uploads', 'Uploads', '/uploads'));
        if (can('codes.manage'))
          areas.push(soon('code-lists', 'Code lists', 'Activity types, boards and other lists'));
        if (can('board.settings')) areas.push(soon('boards', 'Boards', 'Board onboarding and settings'));
        if (can('registry.merge'))
          areas.push(soon('registry', 'Physician registry', 'Merge duplicate records'));
        break;
    }
    if (can('support.request') || can('support.answer')) {
      areas.push(soon('support', 'Support', 'Questions to your accreditor or the operator'));
    }
    if (can('api.manage')) areas.push(built('api-keys', 'API keys', '/api-keys'));
    if (can('audit.view')) areas.push(built('audit', 'Audit trail', '/audit'));
  }

  if (can('outbox.view') || instance?.demo) areas.push(built('outbox', 'Outbox', '/outbox'));
  areas.push(built('help', 'Help', '/help'));
  return areas;
}

export const HELP_TOPICS = [
  'sign-in',
  'organization',
  'people',
  'providers',
  'activities',
  'uploads',
  'api-keys',
  'audit',
  'outbox',
] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

/** The help page for the page at `pathname`, or undefined for the help index. */
export function helpTopicFor(pathname: string): HelpTopic | undefined {
  const first = pathname.split('/')[1] ?? '';
  const byPath: Record<string, HelpTopic> = {
    login: 'sign-in',
    'forgot-password': 'sign-in',
    'reset-password': 'sign-in',
    invitation: 'sign-in',
    organization: 'organization',
    people: 'people',
    providers: 'providers',
    activities: 'activities',
    uploads: 'uploads',
    'api-keys': 'api-keys',
    audit: 'audit',
    outbox: 'outbox',
  };
  return byPath[first];
}
