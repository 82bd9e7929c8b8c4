import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { type AuditContext, type AuditEntry, changedOnly, writeAudit } from '../../platform/audit/audit';
import { type BulkColumn, type BulkInsert, insertFromJson } from '../../platform/db/bulk';
import type { Db } from '../../platform/db/connect';
import type { LegacyLayoutId } from '../uploads/formats/layout-detect';
import { groupColumns, headingOf, LAYOUT_OF_RULE_SET } from '../uploads/formats/legacy-columns';
import {
  evaluateLegacyStatus,
  type LegacyActivityInput,
  type LegacyFields,
} from '../uploads/formats/legacy-templates';
import * as repo from './activity.repository';
import {
  type ActivityRecord,
  activityChanges,
  evaluateStatus,
  normalizeActivity,
  type Requirement,
  type RuleContext,
  type RuleMessage,
  reportingYearOf,
} from './activity.rules';
import type { ActivityInput } from './activity.schema';
import { mergeSheetRow, recordToInput, type SheetScope } from './activity.wire';

// The one write path for activities (formats.md §8.3): a batch of commands from the API, the web form
// or an upload is resolved in order in memory against the records its keys touch, then written as
// net changes with set-based SQL and one audit INSERT. Per-record API calls are batches of one.

export type ActivityCommand =
  | {
      action: 'UPSERT';
      input: ActivityInput;
      /** identifies the record; a different providerActivityId in the input renames it */
      parsActivityId?: number | null;
      /** CREATE refuses an existing key; UPSERT updates it; REPLACE needs an existing record */
      mode: 'CREATE' | 'UPSERT' | 'REPLACE';
      /** uploads: a new activity needs providerActivityId (ACT-KEY-MISSING) */
      requireProviderKey?: boolean;
      /**
       * sheets (formats.md §4.1): the input holds only the file's columns; fields it leaves out keep
       * the stored values of an existing record
       */
      mergeWithStored?: SheetScope;
      repeatGroupId?: string | null;
      expectedVersion?: number;
    }
  | {
      /**
       * A row of a legacy PARS template (formats.md §3), mapped by `mapLegacyRow`. Its fields run
       * through `normalizeActivity` under the row's legacy rule set (no date span/range limits,
       * credits with at most 2 decimals, §3.6). Its key is (provider, reportingYear,
       * providerActivityId) among legacy records only; its status comes from `evaluateLegacyStatus`
       * (§3.7).
       */
      action: 'UPSERT_LEGACY';
      input: LegacyActivityInput;
    }
  | {
      action: 'DELETE';
      parsActivityId?: number | null;
      providerActivityId?: string | null;
      expectedVersion?: number;
    };

export type CommandOutcome =
  | 'ADDED'
  | 'UPDATED'
  | 'UNCHANGED'
  | 'SAVED_WITH_LOWER_STATUS'
  | 'DELETED'
  | 'REJECTED';

type Entry = {
  id: number | null;
  ruleSet: string;
  providerKey: string | null;
  record: ActivityRecord;
  status: string;
  targetStatus: string;
  missing: Requirement[];
  version: number;
  repeatGroupId: string | null;
  reportingYear: number;
  isNew: boolean;
  dirty: boolean;
  deleted: boolean;
  original: ActivityRecord | null;
  originalStatus: string | null;
  createdAt: Date | null;
};

export type CommandResult = {
  outcome: CommandOutcome;
  change: 'ADDED' | 'UPDATED' | null;
  parsActivityId: number | null;
  key: string | null;
  status: string | null;
  targetStatus: string | null;
  missing: Requirement[];
  errors: RuleMessage[];
  warnings: RuleMessage[];
  changedFields: string[];
  versionConflict?: boolean;
  entry?: Entry;
};

const lowerKey = (k: string | null | undefined) => (k ? k.trim().toLowerCase() : null);
const reject = (
  errors: RuleMessage[],
  warnings: RuleMessage[] = [],
  key: string | null = null,
): CommandResult => ({
  outcome: 'REJECTED',
  change: null,
  parsActivityId: null,
  key,
  status: null,
  targetStatus: null,
  missing: [],
  errors,
  warnings,
  changedFields: [],
});

export type BatchOptions = {
  db: Db;
  /** how new rows are written (COPY on a held PostgreSQL connection); default one INSERT … SELECT */
  insert?: BulkInsert;
  providerId: number;
  ctx: RuleContext;
  audit: AuditContext;
  actorUserId: string | null;
  /** resolve and report only; nothing is written to live tables */
  dryRun?: boolean;
  /**
   * with dryRun, an upload's dry run (formats.md §8.8): earlier batches' effects are read from, and
   * this batch's written to, the upload's scratch rows, so a row sees every earlier row of the file
   */
  scratchUploadId?: string;
  /**
   * archive import (formats.md §3.7): reporting-year locks do not apply, and every year this batch
   * saves a record in is locked at once
   */
  archive?: boolean;
};

const ACTIVITY_INSERT_COLUMNS: readonly BulkColumn[] = [
  ['pars_activity_id', 'bigint'],
  ['rule_set', 'text'],
  ['provider_id', 'bigint'],
  ['provider_activity_id', 'text'],
  ['reporting_year', 'int'],
  ['title', 'text'],
  ['format', 'text'],
  ['delivery_method', 'text'],
  ['start_date', 'date'],
  ['end_date', 'date'],
  ['status', 'text'],
  ['requested_status', 'text'],
  ['target_status', 'text'],
  ['missing_requirements', 'text[]'],
  ['credits_designated', 'numeric'],
  ['list_in_passport', 'boolean'],
  ['moc_boards', 'text[]'],
  ['is_rems', 'boolean'],
  ['is_mips', 'boolean'],
  ['repeat_group_id', 'uuid'],
  ['data', 'jsonb'],
  ['created_by', 'uuid'],
  ['updated_by', 'uuid'],
  ['deleted_at', 'timestamptz'],
  ['deleted_by', 'uuid'],
];

export async function applyActivityBatch(
  options: BatchOptions,
  commands: ActivityCommand[],
): Promise<CommandResult[]> {
  const { db, providerId, ctx } = options;
  const ids = new Set<number>();
  const keys = new Set<string>();
  const legacyIds = new Set<number>();
  const legacyKeys = new Set<string>();
  for (const c of commands) {
    if (c.action === 'UPSERT_LEGACY') {
      if (c.input.parsActivityId) legacyIds.add(c.input.parsActivityId);
      const k = lowerKey(c.input.providerActivityId);
      if (k) legacyKeys.add(k);
      continue;
    }
    if (c.parsActivityId) ids.add(c.parsActivityId);
    const k = lowerKey(c.action === 'UPSERT' ? c.input.providerActivityId : c.providerActivityId);
    if (k) keys.add(k);
  }
  const scratch = options.dryRun ? options.scratchUploadId : undefined;
  const stored = await repo.prefetchByKeys(db, providerId, [...ids], [...keys], 'CURRENT', scratch);
  const storedLegacy = await repo.prefetchByKeys(
    db,
    providerId,
    [...legacyIds],
    [...legacyKeys],
    'LEGACY',
    scratch,
  );
  const byId = new Map<number, Entry>();
  const byKey = new Map<string, Entry>();
  // legacy records: their own maps, keyed by reporting year too (formats.md §3.7)
  const legacyById = new Map<number, Entry>();
  const legacyByKey = new Map<string, Entry>();
  const legacyKeyOf = (year: number, key: string) => `${year}\u0000${key.trim().toLowerCase()}`;
  const legacyIndex = { keyOf: legacyKeyOf, map: legacyByKey };
  const currentIndex = { keyOf: (_year: number, key: string) => key.trim().toLowerCase(), map: byKey };

  /**
   * The outcome of a record that passed its rules, for either rule set: UNCHANGED, UPDATED or ADDED
   * (SAVED_WITH_LOWER_STATUS when below its target), keeping the batch's key index current.
   */
  const settle = (
    entry: Entry | undefined,
    saved: {
      record: ActivityRecord;
      evaluation: { status: string; targetStatus: string; missing: Requirement[] };
      warnings: RuleMessage[];
      year: number;
      ruleSet: string;
      repeatGroupId: string | null;
    },
    keys: { keyOf: (year: number, key: string) => string; map: Map<string, Entry> },
  ): CommandResult => {
    const { record, evaluation, warnings, year } = saved;
    const lower = evaluation.missing.length > 0;
    const outcome = {
      status: evaluation.status,
      targetStatus: evaluation.targetStatus,
      missing: evaluation.missing,
      errors: [],
      warnings,
    };
    if (entry) {
      const changedFields = activityChanges(entry.record, record);
      if (changedFields.length === 0 && entry.status === evaluation.status) {
        return {
          ...outcome,
          outcome: 'UNCHANGED',
          change: null,
          parsActivityId: entry.id,
          key: entry.providerKey,
          status: entry.status,
          changedFields: [],
          entry,
        };
      }
      if (entry.providerKey) keys.map.delete(keys.keyOf(entry.reportingYear, entry.providerKey));
      Object.assign(entry, {
        record,
        status: evaluation.status,
        targetStatus: evaluation.targetStatus,
        missing: evaluation.missing,
        providerKey: record.providerActivityId,
        reportingYear: year,
        ruleSet: saved.ruleSet,
        dirty: true,
      });
      if (record.providerActivityId) keys.map.set(keys.keyOf(year, record.providerActivityId), entry);
      return {
        ...outcome,
        outcome: lower ? 'SAVED_WITH_LOWER_STATUS' : 'UPDATED',
        change: 'UPDATED',
        parsActivityId: entry.id,
        key: entry.providerKey,
        changedFields,
        entry,
      };
    }
    const created: Entry = {
      id: null,
      ruleSet: saved.ruleSet,
      providerKey: record.providerActivityId,
      record,
      status: evaluation.status,
      targetStatus: evaluation.targetStatus,
      missing: evaluation.missing,
      version: 1,
      repeatGroupId: saved.repeatGroupId,
      reportingYear: year,
      isNew: true,
      dirty: true,
      deleted: false,
      original: null,
      originalStatus: null,
      createdAt: null,
    };
    if (record.providerActivityId) keys.map.set(keys.keyOf(year, record.providerActivityId), created);
    return {
      ...outcome,
      outcome: lower ? 'SAVED_WITH_LOWER_STATUS' : 'ADDED',
      change: 'ADDED',
      parsActivityId: null,
      key: created.providerKey,
      changedFields: [],
      entry: created,
    };
  };
  const toEntry = (s: repo.StoredActivity): Entry => {
    // `data` also keeps the last evaluation's missing requirements; the record is the rest
    const { missing: storedMissing, ...data } = s.data as ActivityRecord & { missing?: Requirement[] };
    const record = data as ActivityRecord;
    return {
      id: s.parsActivityId,
      ruleSet: s.ruleSet,
      providerKey: s.providerActivityId,
      record,
      status: s.status,
      targetStatus: s.targetStatus,
      missing: storedMissing ?? [],
      version: s.version,
      repeatGroupId: s.repeatGroupId,
      reportingYear: s.reportingYear,
      isNew: false,
      dirty: false,
      deleted: false,
      original: record,
      originalStatus: s.status,
      createdAt: s.createdAt,
    };
  };
  for (const s of stored) {
    const entry = toEntry(s);
    byId.set(s.parsActivityId, entry);
    if (s.providerActivityId) byKey.set(s.providerActivityId.toLowerCase(), entry);
  }
  for (const s of storedLegacy) {
    const entry = toEntry(s);
    legacyById.set(s.parsActivityId, entry);
    if (s.providerActivityId) legacyByKey.set(legacyKeyOf(s.reportingYear, s.providerActivityId), entry);
  }
  const years = new Set<number>([...stored, ...storedLegacy].map((s) => s.reportingYear));
  for (const c of commands) if (c.action === 'UPSERT_LEGACY') years.add(c.input.reportingYear);
  const results: CommandResult[] = [];
  // Years are checked after normalisation; collect them first so the lock query runs once.
  const normalised = commands.map((c) => {
    if (c.action !== 'UPSERT') return null;
    const previous = c.parsActivityId
      ? (byId.get(c.parsActivityId)?.record ?? null)
      : (byKey.get(lowerKey(c.input.providerActivityId) ?? '')?.record ?? null);
    const input =
      c.mergeWithStored && previous
        ? mergeSheetRow(recordToInput(previous), c.input, c.mergeWithStored)
        : c.input;
    return normalizeActivity(input, ctx, previous);
  });
  for (const n of normalised) if (n?.record) years.add(reportingYearOf(n.record));
  const locked = options.archive ? new Set<number>() : await repo.lockedYears(db, providerId, [...years]);
  const yearClosed = (year: number, path = 'endDate'): RuleMessage => ({
    path,
    code: 'ACT-YEAR-CLOSED',
    message: `Reporting year ${year} is closed for this provider (annual report submitted or locked); ask your accreditor for a change request to edit it.`,
    value: year,
  });

  const applyLegacy = (input: LegacyActivityInput) => {
    const year = input.reportingYear;
    const givenKey = lowerKey(input.providerActivityId);
    const keyText = input.providerActivityId ?? (input.parsActivityId ? String(input.parsActivityId) : null);
    let entry: Entry | undefined;
    if (input.parsActivityId) {
      const found = legacyById.get(input.parsActivityId);
      if (!found || found.deleted || found.reportingYear !== year) {
        results.push(
          reject(
            [
              {
                path: 'parsActivityId',
                code: 'ACT-PARS-ID-UNKNOWN',
                message: `No legacy activity of this provider for reporting year ${year} has ACCME Activity ID ${input.parsActivityId}; leave the ACCME Activity ID empty to add a new activity under the Provider Activity ID.`,
                value: input.parsActivityId,
              },
            ],
            [],
            keyText,
          ),
        );
        return;
      }
      entry = found;
    } else if (givenKey) {
      const found = legacyByKey.get(legacyKeyOf(year, givenKey));
      entry = found && !found.deleted ? found : undefined;
    }
    if (!entry && !givenKey) {
      results.push(
        reject(
          [
            {
              path: 'providerActivityId',
              code: 'ACT-KEY-MISSING',
              message: 'A new activity needs a Provider Activity ID.',
            },
          ],
          [],
          keyText,
        ),
      );
      return;
    }
    if (entry && givenKey && lowerKey(entry.providerKey) !== givenKey) {
      const other = legacyByKey.get(legacyKeyOf(year, givenKey));
      if (other && other !== entry && !other.deleted) {
        results.push(
          reject(
            [
              {
                path: 'providerActivityId',
                code: 'ACT-PROVIDER-ID-TAKEN',
                message: `Another legacy activity of reporting year ${year} (PARS ID ${other.id ?? 'new'}) already uses this Provider Activity ID.`,
                value: input.providerActivityId,
              },
            ],
            [],
            keyText,
          ),
        );
        return;
      }
    }
    if (locked.has(year) || (entry && locked.has(entry.reportingYear))) {
      results.push(reject([yearClosed(year, 'reportingYear')], [], keyText));
      return;
    }
    const checked = normalizeLegacy(input, ctx, entry?.providerKey ?? null);
    if (!checked.record) {
      results.push(reject(checked.errors, checked.warnings, keyText));
      return;
    }
    const { record, warnings } = checked;
    const evaluation = evaluateLegacyStatus(input, input.ruleSet);
    results.push(
      settle(
        entry,
        { record, evaluation, warnings, year, ruleSet: input.ruleSet, repeatGroupId: null },
        legacyIndex,
      ),
    );
  };

  commands.forEach((command, index) => {
    if (command.action === 'UPSERT_LEGACY') {
      applyLegacy(command.input);
      return;
    }
    if (command.action === 'DELETE') {
      const entry = command.parsActivityId
        ? byId.get(command.parsActivityId)
        : byKey.get(lowerKey(command.providerActivityId) ?? '');
      const keyText =
        command.providerActivityId ?? (command.parsActivityId ? String(command.parsActivityId) : null);
      if (!entry || entry.deleted) {
        results.push(
          reject(
            [
              {
                path: command.parsActivityId ? 'parsActivityId' : 'providerActivityId',
                code: 'ACT-DELETE-NOT-FOUND',
                message: 'No live activity of this provider has this key; nothing was deleted.',
                value: keyText,
              },
            ],
            [],
            keyText,
          ),
        );
        return;
      }
      if (command.expectedVersion !== undefined && command.expectedVersion !== entry.version) {
        results.push({ ...reject([]), versionConflict: true });
        return;
      }
      if (locked.has(entry.reportingYear)) {
        results.push(reject([yearClosed(entry.reportingYear)], [], keyText));
        return;
      }
      entry.deleted = true;
      entry.dirty = true;
      results.push({
        outcome: 'DELETED',
        change: null,
        parsActivityId: entry.id,
        key: entry.providerKey,
        status: entry.status,
        targetStatus: null,
        missing: [],
        errors: [],
        warnings: [],
        changedFields: [],
        entry,
      });
      return;
    }

    const { record, errors, warnings } = normalised[index]!;
    const givenKey = lowerKey(command.input.providerActivityId);
    let entry: Entry | undefined;
    if (command.parsActivityId) {
      entry = byId.get(command.parsActivityId);
      if (!entry || entry.deleted) {
        results.push(
          reject(
            [
              {
                path: 'parsActivityId',
                code: 'ACT-PARS-ID-UNKNOWN',
                message: 'No activity of this provider has this PARS Activity ID.',
                value: command.parsActivityId,
              },
              ...errors,
            ],
            warnings,
          ),
        );
        return;
      }
    } else if (givenKey) {
      const found = byKey.get(givenKey);
      entry = found && !found.deleted ? found : undefined;
      if (entry && command.mode === 'CREATE') {
        results.push(
          reject(
            [
              {
                path: 'providerActivityId',
                code: 'ACT-PROVIDER-ID-TAKEN',
                message: `Another activity (PARS ID ${entry.id ?? 'new'}) already uses this Provider Activity ID; use a different ID or update that activity.`,
                value: command.input.providerActivityId,
              },
              ...errors,
            ],
            warnings,
            command.input.providerActivityId ?? null,
          ),
        );
        return;
      }
    }
    if (!entry && command.mode === 'REPLACE') {
      results.push(
        reject([
          {
            path: 'parsActivityId',
            code: 'ACT-PARS-ID-UNKNOWN',
            message: 'No activity of this provider has this PARS Activity ID.',
            value: command.parsActivityId ?? null,
          },
        ]),
      );
      return;
    }
    if (!entry && command.requireProviderKey && !givenKey) {
      errors.unshift({
        path: 'providerActivityId',
        code: 'ACT-KEY-MISSING',
        message:
          'A new activity needs a Provider Activity ID (or give the PARS Activity ID of an existing one).',
      });
    }
    if (entry && givenKey && lowerKey(entry.providerKey) !== givenKey) {
      const other = byKey.get(givenKey);
      if (other && other !== entry && !other.deleted) {
        errors.push({
          path: 'providerActivityId',
          code: 'ACT-PROVIDER-ID-TAKEN',
          message: `Another activity (PARS ID ${other.id ?? 'new'}) already uses this Provider Activity ID.`,
          value: command.input.providerActivityId,
        });
      }
    }
    if (!record || errors.length) {
      results.push(
        reject(errors, warnings, command.input.providerActivityId ?? (entry?.id ? String(entry.id) : null)),
      );
      return;
    }
    if (entry && command.expectedVersion !== undefined && command.expectedVersion !== entry.version) {
      results.push({ ...reject([]), versionConflict: true });
      return;
    }
    const year = reportingYearOf(record);
    if (locked.has(year) || (entry && locked.has(entry.reportingYear))) {
      results.push(
        reject(
          [yearClosed(locked.has(year) ? year : entry!.reportingYear)],
          warnings,
          record.providerActivityId,
        ),
      );
      return;
    }
    const evaluation = evaluateStatus(record, ctx);
    results.push(
      settle(
        entry,
        {
          record,
          evaluation,
          warnings,
          year,
          ruleSet: 'CURRENT',
          repeatGroupId: command.repeatGroupId ?? null,
        },
        currentIndex,
      ),
    );
  });

  const dirty = [...new Set(results.map((r) => r.entry).filter((e): e is Entry => !!e?.dirty))];
  const inserts = dirty.filter((e) => e.isNew);
  if (options.dryRun) {
    if (scratch && dirty.length) await writeDryRunEffects(db, scratch, providerId, dirty, inserts);
    // a dry run's new records have no PARS ID (their scratch IDs are negative): it is given when they
    // are really saved
    for (const r of results) {
      if (r.entry && r.parsActivityId === null) r.parsActivityId = r.entry.id;
      if (r.parsActivityId !== null && r.parsActivityId < 0) r.parsActivityId = null;
    }
    return results;
  }
  if (inserts.length) {
    // Identities are drawn up front so results can name the new PARS IDs without relying on RETURNING order.
    const { rows } = await sql<{
      id: number;
    }>`SELECT nextval(pg_get_serial_sequence('activities', 'pars_activity_id')) AS id FROM generate_series(1, ${inserts.length})`.execute(
      db,
    );
    inserts.forEach((e, i) => {
      e.id = Number(rows[i]!.id);
    });
  }
  for (const r of results) if (r.entry && r.parsActivityId === null) r.parsActivityId = r.entry.id;
  if (dirty.length === 0) return results;

  const now = new Date();
  const row = (e: Entry) => ({
    pars_activity_id: e.id,
    rule_set: e.ruleSet,
    provider_activity_id: e.record.providerActivityId,
    reporting_year: e.reportingYear,
    title: e.record.title,
    format: e.record.format,
    delivery_method: e.record.deliveryMethod,
    start_date: e.record.startDate,
    end_date: e.record.endDate,
    status: e.status,
    requested_status: e.record.requestedStatus,
    target_status: e.targetStatus,
    missing_requirements: e.missing.map((m) => m.requirement),
    credits_designated: e.record.creditsDesignated,
    list_in_passport: e.record.listInPassport,
    moc_boards: e.record.mocRegistrations.map((m) => m.board),
    is_rems: e.record.rems !== null,
    is_mips: e.record.mips?.improvementActivity === true,
    repeat_group_id: e.repeatGroupId,
    data: { ...e.record, missing: e.missing },
    deleted: e.deleted,
  });
  const columnsSql = sql`x(pars_activity_id bigint, rule_set text, provider_activity_id text, reporting_year int, title text, format text, delivery_method text, start_date date, end_date date, status text, requested_status text, target_status text, missing_requirements text[], credits_designated numeric, list_in_passport boolean, moc_boards text[], is_rems boolean, is_mips boolean, repeat_group_id uuid, data jsonb, deleted boolean)`;
  const actor = options.actorUserId;
  const insert = options.insert ?? insertFromJson;
  await insert(
    db,
    'activities',
    ACTIVITY_INSERT_COLUMNS,
    inserts.map((e) => {
      const r = row(e);
      return [
        r.pars_activity_id,
        r.rule_set,
        providerId,
        r.provider_activity_id,
        r.reporting_year,
        r.title,
        r.format,
        r.delivery_method,
        r.start_date,
        r.end_date,
        r.status,
        r.requested_status,
        r.target_status,
        r.missing_requirements,
        r.credits_designated,
        r.list_in_passport,
        r.moc_boards,
        r.is_rems,
        r.is_mips,
        r.repeat_group_id,
        r.data,
        actor,
        actor,
        r.deleted ? now : null,
        r.deleted ? actor : null,
      ];
    }),
  );
  const updates = dirty.filter((e) => !e.isNew);
  if (updates.length) {
    await sql`
      UPDATE activities a SET
        provider_activity_id = x.provider_activity_id, reporting_year = x.reporting_year, title = x.title, format = x.format,
        delivery_method = x.delivery_method, start_date = x.start_date, end_date = x.end_date, status = x.status,
        requested_status = x.requested_status, target_status = x.target_status, missing_requirements = x.missing_requirements,
        credits_designated = x.credits_designated, list_in_passport = x.list_in_passport, moc_boards = x.moc_boards,
        is_rems = x.is_rems, is_mips = x.is_mips, data = x.data, version = a.version + 1, updated_at = ${now}::timestamptz, updated_by = ${actor}::uuid,
        deleted_at = CASE WHEN x.deleted THEN ${now}::timestamptz END, deleted_by = CASE WHEN x.deleted THEN ${actor}::uuid END
      FROM jsonb_to_recordset(${JSON.stringify(updates.map(row))}::jsonb) AS ${columnsSql}
      WHERE a.pars_activity_id = x.pars_activity_id AND a.provider_id = ${providerId}`.execute(db);
  }
  const audits: AuditEntry[] = [];
  for (const e of dirty) {
    if (e.isNew) {
      audits.push({
        subjectOrganizationId: providerId,
        entityType: 'activity',
        entityId: e.id!,
        action: 'CREATE',
        after: { ...e.record, status: e.status },
      });
      if (e.deleted)
        audits.push({
          subjectOrganizationId: providerId,
          entityType: 'activity',
          entityId: e.id!,
          action: 'DELETE',
        });
    } else if (e.deleted) {
      audits.push({
        subjectOrganizationId: providerId,
        entityType: 'activity',
        entityId: e.id!,
        action: 'DELETE',
        before: { status: e.status, providerActivityId: e.providerKey },
      });
    } else {
      const before: Record<string, unknown> = {
        ...(e.original as Record<string, unknown>),
        status: e.originalStatus,
      };
      delete before.missing;
      const diff = changedOnly(before, { ...e.record, status: e.status } as Record<string, unknown>);
      audits.push({
        subjectOrganizationId: providerId,
        entityType: 'activity',
        entityId: e.id!,
        action: 'UPDATE',
        ...diff,
      });
    }
  }
  await writeAudit(db, options.audit, audits, insert);
  if (options.archive)
    await repo.lockYears(db, providerId, [...new Set(dirty.map((e) => e.reportingYear))], 'ARCHIVE_IMPORT');
  return results;
}

export const newRepeatGroupId = () => randomUUID();

/** A dry run's net changes go to its scratch rows; its new records get temporary negative IDs. */
async function writeDryRunEffects(
  db: Db,
  uploadId: string,
  providerId: number,
  dirty: Entry[],
  inserts: Entry[],
): Promise<void> {
  let next = (await repo.lowestScratchId(db, uploadId)) - 1;
  for (const e of inserts) e.id = next--;
  await repo.writeScratch(
    db,
    uploadId,
    dirty.map((e) => ({
      parsActivityId: e.id!,
      providerId,
      providerActivityId: e.record.providerActivityId,
      ruleSet: e.ruleSet,
      reportingYear: e.reportingYear,
      status: e.status,
      targetStatus: e.targetStatus,
      version: e.version + (e.isNew ? 0 : 1),
      repeatGroupId: e.repeatGroupId,
      data: { ...e.record, missing: e.missing },
      deleted: e.deleted,
    })),
  );
}

type LegacyCheck =
  | { record: ActivityRecord & { legacy: LegacyFields }; errors: RuleMessage[]; warnings: RuleMessage[] }
  | { record: null; errors: RuleMessage[]; warnings: RuleMessage[] };

/**
 * The stored record of a legacy row: its ActivityInput fields run through the shared content rules
 * under the row's legacy rule set (formats.md §3.6: no date span or range limits, credits with at
 * most 2 decimals; every other check as for CURRENT), with the `legacy` object kept and
 * `listInPassport` false. Messages carry the template heading of their field as `columnName`.
 */
function normalizeLegacy(
  input: LegacyActivityInput,
  ctx: RuleContext,
  storedKey: string | null,
): LegacyCheck {
  const { ruleSet, reportingYear: _year, parsActivityId: _id, legacy, ...fields } = input;
  const result = normalizeActivity(
    {
      ...fields,
      providerActivityId: input.providerActivityId ?? storedKey,
      endDate: input.endDate ?? input.startDate,
      listInPassport: false,
    },
    { ...ctx, ruleSet },
  );
  const layout = LAYOUT_OF_RULE_SET[ruleSet];
  const named = (m: RuleMessage): RuleMessage & { columnName: string } => ({
    ...m,
    columnName: legacyHeadingOf(layout, m.path),
  });
  const errors = result.errors.map(named);
  const warnings = result.warnings.map(named);
  if (!result.record) return { record: null, errors, warnings };
  return { record: { ...result.record, listInPassport: false, legacy }, errors, warnings };
}

/** Supporter fields without a column of their own: in-kind types are answered in the in-kind columns. */
const SUPPORTER_COLUMN_FIELD: Readonly<Record<string, string>> = {
  inKindTypes: 'durableEquipment',
  inKindOther: 'other',
};

/** The template heading of a canonical field path; supporter fields name their group's columns. */
function legacyHeadingOf(layout: LegacyLayoutId, path: string): string {
  const supporter = /^commercialSupporters\.(\d+)\.(\w+)/.exec(path);
  if (supporter) {
    const field = SUPPORTER_COLUMN_FIELD[supporter[2]!] ?? supporter[2];
    const column = groupColumns(Number(supporter[1])).find((c) => c.field === field);
    return column?.heading ?? path;
  }
  const field = path.startsWith('jointProviders.') ? 'jointProviders' : path;
  const heading = headingOf(layout, field);
  if (heading !== field) return heading;
  // endDate is derived from the Activity Date (formats.md §3.6)
  return path === 'endDate' ? headingOf(layout, 'startDate') : path;
}
