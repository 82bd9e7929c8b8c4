import { describe, expect, it } from 'vitest';
import type { Instance, Me } from '../api/types';
import { helpTopicFor, navAreas } from './areas';
import type { Session } from './session';

function session(kind: Me['organizations'][number]['kind'] | null, permissions: string[]): Session {
  const organization = kind
    ? { id: 1, kind, code: null, name: 'Org', roles: [], permissions: permissions as never }
    : null;
  const me: Me = {
    user: { id: 'u', email: 'a@example.org', name: 'A', kind: kind ? 'STAFF' : 'PHYSICIAN' },
    organizations: organization ? [organization] : [],
    currentOrganizationId: organization?.id ?? null,
    permissions: permissions as never,
    csrfToken: 't',
  };
  return { me, organization, can: (p) => permissions.includes(p) };
}

const demo: Instance = { demo: true, fixedToday: null, version: '0', mailMode: 'outbox' };
const production: Instance = { ...demo, demo: false };
const links = (areas: ReturnType<typeof navAreas>) => areas.flatMap((a) => ('to' in a ? [a.to] : []));

describe('navAreas', () => {
  it('gives a Primary Contact the provider areas they may use', () => {
    const areas = navAreas(
      session('PROVIDER', ['org.view', 'api.manage', 'audit.view', 'activities.view']),
      production,
    );
    expect(links(areas)).toEqual([
      '/',
      '/organization',
      '/people',
      '/activities',
      '/api-keys',
      '/audit',
      '/help',
    ]);
    expect(areas.some((a) => a.key === 'activities' && 'comingSoon' in a)).toBe(false);
  });

  it('offers Providers to accreditor staff only', () => {
    const accreditor = links(navAreas(session('ACCREDITOR', ['org.view', 'providers.view']), production));
    expect(accreditor).toContain('/providers');
    expect(accreditor).toContain('/activities');
    expect(links(navAreas(session('PROVIDER', ['org.view']), production))).not.toContain('/providers');
  });

  it('offers Uploads to administrators who import archives', () => {
    const admin = links(
      navAreas(session('ACCREDITOR', ['org.view', 'providers.view', 'archive.import']), production),
    );
    expect(admin).toContain('/uploads');
    expect(links(navAreas(session('ACCREDITOR', ['providers.view']), production))).not.toContain('/uploads');
    expect(links(navAreas(session('OPERATOR', ['archive.import']), production))).toContain('/uploads');
  });

  it('offers the outbox to operators, and to everyone on a demo instance', () => {
    expect(links(navAreas(session('OPERATOR', ['outbox.view']), production))).toContain('/outbox');
    expect(links(navAreas(session('BOARD', ['org.view']), production))).not.toContain('/outbox');
    expect(links(navAreas(session('BOARD', ['org.view']), demo))).toContain('/outbox');
  });

  it('shows a physician the Passport as coming soon', () => {
    const areas = navAreas(session(null, []), production);
    expect(links(areas)).toEqual(['/', '/help']);
    expect(areas.some((a) => a.key === 'passport' && 'comingSoon' in a)).toBe(true);
  });
});

describe('helpTopicFor', () => {
  it('maps each area to its help page', () => {
    expect(helpTopicFor('/reset-password')).toBe('sign-in');
    expect(helpTopicFor('/providers/12')).toBe('providers');
    expect(helpTopicFor('/activities/10000001/edit')).toBe('activities');
    expect(helpTopicFor('/api-keys')).toBe('api-keys');
    expect(helpTopicFor('/')).toBeUndefined();
  });
});
