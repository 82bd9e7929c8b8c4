import { createContext, type ReactNode, useContext } from 'react';
import type { Permission } from '../../../src/modules/identity/permissions.rules';
import type { Me, MembershipSummary } from '../api/types';

export type Session = {
  me: Me;
  /** The acting organisation (decisions.md §1); null for physicians and people without one. */
  organization: MembershipSummary | null;
  can: (permission: Permission) => boolean;
};

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  const organization =
    me.organizations.find((o) => String(o.id) === String(me.currentOrganizationId)) ??
    (me.organizations.length === 1 ? (me.organizations[0] ?? null) : null);
  const permissions = new Set<string>(me.permissions ?? organization?.permissions ?? []);
  const session: Session = { me, organization, can: (p) => permissions.has(p) };
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The signed-in session; only pages inside the signed-in frame call this. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the signed-in frame');
  return session;
}

/** The session when signed in, else null (pages open to everyone). */
export function useOptionalSession(): Session | null {
  return useContext(SessionContext);
}
