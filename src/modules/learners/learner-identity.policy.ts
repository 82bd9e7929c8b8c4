import { codeList } from '../../reference/codes';
import { normalizeIdentifier } from './learner-identity.normalize';
import type { BoardIdentityPolicy, IdentityPolicy } from './learner-identity.types';

// Which identity policy a destination uses. The stored board setting `identityPolicy` decides
// (learners.md §6); these defaults only seed it. codes/boards.tsv has no policy column, so the
// exceptions of the §6 table are kept here: every state board uses STATE, certifying boards STRICT,
// ABP falls back to birth month/day when the names differ.
const CERTIFYING_POLICY_EXCEPTIONS: Readonly<Record<string, BoardIdentityPolicy>> = {
  ABP: 'ID_NAMES_OR_DOB',
};

/** The initial `identityPolicy` of a board in codes/boards.tsv; undefined for an unknown code. */
export function defaultIdentityPolicy(boardCode: string): IdentityPolicy | undefined {
  const board = codeList('boards').find((b) => b.code === boardCode);
  if (!board) return undefined;
  if (board.kind === 'state') return 'STATE';
  return CERTIFYING_POLICY_EXCEPTIONS[board.code] ?? 'STRICT';
}

/**
 * The policy a board destination actually applies to one row. §6 gives ABS "STRICT with ID, NAME_DOB
 * without": a board ID is the key of STRICT and ID_NAMES_OR_DOB, so without one the only key left is
 * name + birth month/day. Boards that require an ID never get here without one (stage 1 refuses the
 * row with LRN-BOARD-ID-REQUIRED).
 */
export function effectiveBoardPolicy(
  configured: BoardIdentityPolicy,
  boardId: string | null,
): BoardIdentityPolicy {
  const hasId = boardId !== null && normalizeIdentifier(boardId).length > 0;
  return hasId ? configured : 'NAME_DOB';
}
