import { writeAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/connect';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors';
import { codeList } from '../../reference/codes';
import { type Actor, auditContext, requireActor } from '../identity/actor';

// Board-maintained lists (decisions.md §18): practice areas and content areas per certifying board,
// REMS Blueprint sections (operator). Board administrators maintain their own; the operator any.
export const BOARD_LISTS = { 'practice-areas': 'PRACTICE_AREA', 'content-areas': 'CONTENT_AREA' } as const;
export type BoardListPath = keyof typeof BOARD_LISTS;
export const REMS_OWNER = 'FDA';

export type BoardListsService = ReturnType<typeof createBoardListsService>;

export function createBoardListsService({ db }: { db: Db }) {
  const certifying = () => codeList('boards').filter((b) => b.kind === 'certifying');

  function assertBoard(code: string) {
    const board = certifying().find((b) => b.code.toUpperCase() === code.toUpperCase());
    if (!board) throw notFound('certifying board');
    return board.code;
  }

  function authorizeMaintain(actor: Actor | null, owner: string) {
    const a = requireActor(actor);
    if (a.organization?.kind === 'OPERATOR' && a.permissions.includes('board.settings')) return a;
    if (
      a.organization?.kind === 'BOARD' &&
      a.organization.code === owner &&
      a.permissions.includes('board.settings')
    )
      return a;
    throw forbidden('Only the board’s administrators or the operator maintain this list.');
  }

  const items = (owner: string, list: string) =>
    db
      .selectFrom('referenceListItems')
      .select(['code', 'name', 'active'])
      .where('ownerCode', '=', owner)
      .where('list', '=', list as 'PRACTICE_AREA')
      .orderBy('code')
      .execute();

  return {
    async list(boardCode: string, path: BoardListPath) {
      const owner = assertBoard(boardCode);
      return { board: owner, items: await items(owner, BOARD_LISTS[path]) };
    },

    async remsBlueprintSections() {
      return { items: await items(REMS_OWNER, 'REMS_BLUEPRINT') };
    },

    /** Active entries of every list with their names, in one query (upload templates list them). */
    async activeEntries() {
      return db
        .selectFrom('referenceListItems')
        .select(['ownerCode', 'list', 'code', 'name'])
        .where('active', '=', true)
        .orderBy('ownerCode')
        .orderBy('list')
        .orderBy('code')
        .execute();
    },

    /** Active codes of every list the activity rules need, in one query. */
    async activeLists() {
      const rows = await db
        .selectFrom('referenceListItems')
        .select(['ownerCode', 'list', 'code'])
        .where('active', '=', true)
        .execute();
      const boardLists: Record<string, { practiceAreas: string[]; contentAreas: string[] }> = {};
      const blueprint: string[] = [];
      for (const r of rows) {
        if (r.list === 'REMS_BLUEPRINT') blueprint.push(r.code);
        else {
          boardLists[r.ownerCode] ??= { practiceAreas: [], contentAreas: [] };
          (r.list === 'PRACTICE_AREA'
            ? boardLists[r.ownerCode]!.practiceAreas
            : boardLists[r.ownerCode]!.contentAreas
          ).push(r.code);
        }
      }
      return { boardLists, remsBlueprintSections: blueprint };
    },

    async add(
      actor: Actor | null,
      boardCode: string,
      path: BoardListPath,
      item: { code: string; name: string },
    ) {
      const owner = assertBoard(boardCode);
      const a = authorizeMaintain(actor, owner);
      const code = item.code.trim().toUpperCase();
      if (!/^[A-Z0-9_.-]{1,40}$/.test(code)) {
        throw invalid([
          {
            path: 'code',
            code: 'VAL-FORMAT',
            message: 'must be 1–40 letters, digits, dots, dashes or underscores',
            value: item.code,
          },
        ]);
      }
      await db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('referenceListItems')
          .select(['id', 'active'])
          .where('ownerCode', '=', owner)
          .where('list', '=', BOARD_LISTS[path])
          .where('code', '=', code)
          .executeTakeFirst();
        if (existing?.active) throw conflict(`${code} is already in the list.`);
        if (existing)
          await trx
            .updateTable('referenceListItems')
            .set({ active: true, name: item.name })
            .where('id', '=', existing.id)
            .execute();
        else
          await trx
            .insertInto('referenceListItems')
            .values({ ownerCode: owner, list: BOARD_LISTS[path], code, name: item.name })
            .execute();
        await writeAudit(trx, auditContext(a), [
          {
            subjectOrganizationId: a.organization?.id ?? null,
            entityType: 'boardList',
            entityId: `${owner}/${path}/${code}`,
            action: 'CREATE',
            after: { code, name: item.name },
          },
        ]);
      });
      return this.list(owner, path);
    },

    /** Deactivates (never deletes): activities registered with the code keep it. */
    async deactivate(actor: Actor | null, boardCode: string, path: BoardListPath, code: string) {
      const owner = assertBoard(boardCode);
      const a = authorizeMaintain(actor, owner);
      await db.transaction().execute(async (trx) => {
        const res = await trx
          .updateTable('referenceListItems')
          .set({ active: false })
          .where('ownerCode', '=', owner)
          .where('list', '=', BOARD_LISTS[path])
          .where('code', '=', code.toUpperCase())
          .where('active', '=', true)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) === 0) throw notFound('list entry');
        await writeAudit(trx, auditContext(a), [
          {
            subjectOrganizationId: a.organization?.id ?? null,
            entityType: 'boardList',
            entityId: `${owner}/${path}/${code}`,
            action: 'DEACTIVATE',
          },
        ]);
      });
    },
  };
}
