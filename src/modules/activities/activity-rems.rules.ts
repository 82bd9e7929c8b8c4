import { codeList } from '../../reference/codes';
import type { ActivityInput } from './activity.schema';
import {
  type Attestation,
  codeSet,
  codeSetOf,
  type Findings,
  mergeAttestation,
  type Requirement,
  type RuleContext,
  readCode,
  readCodeList,
  readCount,
  readCountMap,
  readText,
  sumOf,
} from './activity-fields.rules';

// FDA Opioid Analgesic REMS and MIPS details (activities.md §1.6, §4.7; C11 and C12 of §3.1).

export type RemsRecord = {
  type: string | null;
  blueprintSections: string[];
  rpcId: string | null;
  prescribersLastYear: number | null;
  byProfession: Record<string, number>;
  deaIndividual: number | null;
  deaInstitutional: number | null;
  byPracticeType: Record<string, number>;
};

export type MipsRecord = {
  improvementActivity: boolean | null;
  participationDefinition: string | null;
} & Attestation;

/** The supporter name that makes an RPC ID necessary (C11); offered by the supporter picker. */
export const RPC_SUPPORTER = 'REMS Program Companies (RPC)';

const REMS_TYPES = codeSet(['COMPLIANT', 'RELATED']);
const PRACTICE_TYPES = codeSet(['PRIMARY_CARE', 'PAIN_SPECIALIST', 'NON_PAIN_SPECIALIST']);

// REMS professions are accepted by code or by name (formats.md §2.8).
const remsProfessions = () =>
  codeSet(
    codeList('rems-professions').map((r) => r.code),
    codeList('rems-professions').map((r) => [r.name, r.code] as const),
  );

/** `learners` = physician + other learners when both are known: no REMS breakdown may exceed it. */
export function readRems(
  f: Findings,
  raw: ActivityInput['rems'],
  ctx: RuleContext,
  learners: number | undefined,
): RemsRecord | null {
  if (raw === null || raw === undefined) return null;
  const count = (key: 'prescribersLastYear' | 'deaIndividual' | 'deaInstitutional', label: string) =>
    readCount(f, `rems.${key}`, raw[key], label);
  const rems = {
    type: readCode(f, 'rems.type', raw.type, { label: 'REMS type', set: REMS_TYPES }),
    blueprintSections: readCodeList(f, 'rems.blueprintSections', raw.blueprintSections, {
      label: 'REMS Blueprint section',
      set: codeSetOf(ctx.remsBlueprintSections),
    }),
    rpcId: readText(f, 'rems.rpcId', raw.rpcId, { label: 'RPC ID', max: 30 }),
    prescribersLastYear: count('prescribersLastYear', 'REMS prescribers in the last 12 months'),
    byProfession: readCountMap(f, 'rems.byProfession', raw.byProfession, {
      label: 'REMS profession',
      set: remsProfessions(),
    }),
    deaIndividual: count('deaIndividual', 'REMS DEA individual registrations'),
    deaInstitutional: count('deaInstitutional', 'REMS DEA institutional registrations'),
    byPracticeType: readCountMap(f, 'rems.byPracticeType', raw.byPracticeType, {
      label: 'REMS practice type',
      set: PRACTICE_TYPES,
    }),
  };
  if (learners !== undefined) checkRemsSums(f, rems, learners);
  return {
    type: rems.type ?? null,
    blueprintSections: rems.blueprintSections ?? [],
    rpcId: rems.rpcId,
    prescribersLastYear: rems.prescribersLastYear ?? null,
    byProfession: rems.byProfession ?? {},
    deaIndividual: rems.deaIndividual ?? null,
    deaInstitutional: rems.deaInstitutional ?? null,
    byPracticeType: rems.byPracticeType ?? {},
  };
}

type RemsReadings = {
  prescribersLastYear: number | null | undefined;
  byProfession: Record<string, number> | undefined;
  deaIndividual: number | null | undefined;
  deaInstitutional: number | null | undefined;
  byPracticeType: Record<string, number> | undefined;
};

/** Each breakdown counts a subset of the participants, so none may exceed the learners (ACT-COUNT-SUM). */
function checkRemsSums(f: Findings, rems: RemsReadings, learners: number): void {
  const dea =
    typeof rems.deaIndividual === 'number' || typeof rems.deaInstitutional === 'number'
      ? (rems.deaIndividual ?? 0) + (rems.deaInstitutional ?? 0)
      : undefined;
  const breakdowns: [path: string, label: string, value: number | undefined][] = [
    ['rems.byProfession', 'Participants by profession', rems.byProfession && sumOf(rems.byProfession)],
    [
      'rems.byPracticeType',
      'Participants by practice type',
      rems.byPracticeType && sumOf(rems.byPracticeType),
    ],
    ['rems.deaIndividual', 'DEA individual plus institutional registrations', dea],
    ['rems.prescribersLastYear', 'Prescribers in the last 12 months', rems.prescribersLastYear ?? undefined],
  ];
  for (const [path, label, value] of breakdowns) {
    if (value !== undefined && value > learners) {
      f.error(
        path,
        'ACT-COUNT-SUM',
        `${label} (${value}) may not exceed physician plus other learners (${learners}); correct the breakdown or the learner counts`,
        value,
      );
    }
  }
}

export function readMips(
  f: Findings,
  raw: ActivityInput['mips'],
  ctx: RuleContext,
  previous: MipsRecord | null | undefined,
): MipsRecord | null {
  if (raw === null || raw === undefined) return null;
  return {
    improvementActivity: raw.improvementActivity ?? null,
    participationDefinition: readText(f, 'mips.participationDefinition', raw.participationDefinition, {
      label: 'MIPS participation definition',
      max: 2000,
    }),
    ...mergeAttestation(raw.attested, previous, ctx),
  };
}

// ---------------------------------------------------------------------------------------------
// C11 and C12

type RemsActivity = {
  commercialSupporters: readonly { name: string | null }[];
  physicianLearnerCount: number | null;
  otherLearnerCount: number | null;
};

/** C11, for a REMS activity. */
export function remsRequirements(rems: RemsRecord, activity: RemsActivity): Requirement[] {
  const missing: Requirement[] = [];
  const need = (field: string, message: string) => missing.push({ requirement: 'C11', field, message });
  if (rems.type === null) need('rems.type', 'Give the REMS type (COMPLIANT or RELATED)');
  if (rems.type === 'RELATED' && rems.blueprintSections.length === 0) {
    need('rems.blueprintSections', 'Give the Blueprint sections a REMS-related activity covers');
  }
  const rpc = RPC_SUPPORTER.toLowerCase();
  if (rems.rpcId === null && activity.commercialSupporters.some((s) => s.name?.toLowerCase() === rpc)) {
    need('rems.rpcId', `Give the RPC ID (the supporter ${RPC_SUPPORTER} requires it)`);
  }
  // A breakdown of nobody is complete even when empty.
  const nobody = (activity.physicianLearnerCount ?? 0) + (activity.otherLearnerCount ?? 0) === 0;
  const given = (map: Record<string, number>) => Object.keys(map).length > 0 || nobody;
  if (rems.prescribersLastYear === null) {
    need(
      'rems.prescribersLastYear',
      'Give how many participants prescribed opioid analgesics in the last 12 months',
    );
  }
  if (!given(rems.byProfession)) need('rems.byProfession', 'Give the REMS participants by profession');
  if (rems.deaIndividual === null) {
    need('rems.deaIndividual', 'Give how many participants hold an individual DEA registration');
  }
  if (rems.deaInstitutional === null) {
    need('rems.deaInstitutional', 'Give how many participants hold an institutional DEA registration');
  }
  if (!given(rems.byPracticeType)) need('rems.byPracticeType', 'Give the REMS participants by practice type');
  return missing;
}

/** C12, for an activity that claims to meet the MIPS Improvement Activity expectations. */
export function mipsRequirements(mips: MipsRecord): Requirement[] {
  if (mips.improvementActivity !== true) return [];
  const missing: Requirement[] = [];
  if (mips.participationDefinition === null) {
    missing.push({
      requirement: 'C12',
      field: 'mips.participationDefinition',
      message: 'Describe how meaningful MIPS participation is defined and documented',
    });
  }
  if (mips.attestedAt === null) {
    missing.push({
      requirement: 'C12',
      field: 'mips.attestedAt',
      message: 'Confirm the MIPS attestation of the five criteria',
    });
  }
  return missing;
}
