import type { AuditContext } from '../../platform/audit/audit';
import type { AuditChannel, OrganizationKind } from '../../platform/db/database';
import { forbidden, unauthenticated } from '../../platform/errors';
import type { Permission } from './permissions.rules';

export type ActingOrganization = { id: number; kind: OrganizationKind; code: string | null; name: string };

/** Who is calling: a signed-in user (session) or an API key, acting for one organisation. */
export type Actor = {
  userId: string | null;
  apiKeyId: string | null;
  sessionId: string | null;
  userKind: 'STAFF' | 'PHYSICIAN' | null;
  organization: ActingOrganization | null;
  roles: string[];
  permissions: Permission[];
  channel: AuditChannel;
  requestId: string | null;
};

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}

export function requirePermission(
  actor: Actor | null,
  permission: Permission,
): Actor & { organization: ActingOrganization } {
  const a = requireActor(actor);
  if (!a.organization || !a.permissions.includes(permission)) throw forbidden();
  return a as Actor & { organization: ActingOrganization };
}

export function auditContext(actor: Actor | null, channel?: AuditChannel): AuditContext {
  return {
    channel: channel ?? actor?.channel ?? 'SYSTEM',
    requestId: actor?.requestId ?? null,
    actorUserId: actor?.userId ?? null,
    actorApiKeyId: actor?.apiKeyId ?? null,
    actorOrganizationId: actor?.organization?.id ?? null,
  };
}

export const systemActor = (channel: AuditChannel = 'SYSTEM'): Actor => ({
  userId: null,
  apiKeyId: null,
  sessionId: null,
  userKind: null,
  organization: null,
  roles: [],
  permissions: [],
  channel,
  requestId: null,
});
