import { describe, expect, it } from 'vitest';
import { type DestinationCheck, rowIdentityOutcome } from './learner-identity.outcome';
import type { DestinationMatch } from './learner-identity.types';

// learners.md §5 "Outcome for the row"; codes of formats.md §9.

const match = (physicianId: string): DestinationMatch => ({
  result: 'MATCH',
  entryId: `e-${physicianId}`,
  physicianId,
});
const notFound: DestinationMatch = {
  result: 'NO_MATCH',
  reasons: [{ code: 'IDN-NOT-FOUND', fields: ['boardId'], message: 'No one with this board ID…' }],
};
const ambiguous: DestinationMatch = {
  result: 'AMBIGUOUS',
  reasons: [{ code: 'IDN-AMBIGUOUS', fields: ['boardId'], message: 'More than one…' }],
};
const deferred = { result: 'DEFERRED' } as const;

/** `SAVED p-1 [LRN-IDENTITY-PARTIAL] ABIM:VALIDATED ST-CA:REJECTED(IDN-NOT-FOUND)` */
function summary(checks: DestinationCheck[]): string {
  const o = rowIdentityOutcome(checks);
  const dests = o.destinations
    .map(
      (d) =>
        `${d.destination}:${d.status}${d.status === 'REJECTED' ? `(${d.reasons.map((r) => r.code).join(',')})` : ''}`,
    )
    .join(' ');
  if (o.outcome === 'REJECTED') return `REJECTED ${o.error.code} ${dests}`;
  return `SAVED ${o.physicianId ?? '-'} [${o.warnings.map((w) => w.code).join(',')}] ${dests}`;
}

describe('row outcome of stage 2', () => {
  it.each<[string, DestinationCheck[], string]>([
    [
      'confirmed everywhere',
      [
        { destination: 'ABIM', check: match('p-1') },
        { destination: 'ST-CA', check: match('p-1') },
      ],
      'SAVED p-1 [] ABIM:VALIDATED ST-CA:VALIDATED',
    ],
    [
      'the only destination fails',
      [{ destination: 'ABIM', check: notFound }],
      'REJECTED LRN-IDENTITY ABIM:REJECTED(IDN-NOT-FOUND)',
    ],
    [
      'every destination fails',
      [
        { destination: 'ABIM', check: notFound },
        { destination: 'ST-CA', check: ambiguous },
      ],
      'REJECTED LRN-IDENTITY ABIM:REJECTED(IDN-NOT-FOUND) ST-CA:REJECTED(IDN-AMBIGUOUS)',
    ],
    [
      'some fail',
      [
        { destination: 'ABIM', check: match('p-1') },
        { destination: 'ST-CA', check: notFound },
      ],
      'SAVED p-1 [LRN-IDENTITY-PARTIAL] ABIM:VALIDATED ST-CA:REJECTED(IDN-NOT-FOUND)',
    ],
    [
      'passing destinations name different physicians',
      [
        { destination: 'ABIM', check: match('p-1') },
        { destination: 'ST-CA', check: match('p-2') },
      ],
      'REJECTED LRN-IDENTITY ABIM:REJECTED(IDN-AMBIGUOUS) ST-CA:REJECTED(IDN-AMBIGUOUS)',
    ],
    [
      'different physicians: a destination that failed keeps its reason too',
      [
        { destination: 'ABIM', check: match('p-1') },
        { destination: 'ST-CA', check: match('p-2') },
        { destination: 'ST-NV', check: notFound },
      ],
      'REJECTED LRN-IDENTITY ABIM:REJECTED(IDN-AMBIGUOUS) ST-CA:REJECTED(IDN-AMBIGUOUS) ST-NV:REJECTED(IDN-NOT-FOUND,IDN-AMBIGUOUS)',
    ],
    [
      'an API-mode destination awaiting its answer has not failed',
      [
        { destination: 'ABP', check: deferred },
        { destination: 'ST-CA', check: notFound },
      ],
      'SAVED - [LRN-IDENTITY-PARTIAL,LRN-IDENTITY-DEFERRED] ABP:RECEIVED ST-CA:REJECTED(IDN-NOT-FOUND)',
    ],
    [
      'only API-mode destinations',
      [{ destination: 'ABP', check: deferred }],
      'SAVED - [LRN-IDENTITY-DEFERRED] ABP:RECEIVED',
    ],
    [
      'confirmed and deferred',
      [
        { destination: 'ABIM', check: match('p-1') },
        { destination: 'ABP', check: deferred },
      ],
      'SAVED p-1 [LRN-IDENTITY-DEFERRED] ABIM:VALIDATED ABP:RECEIVED',
    ],
    ['nothing checked in stage 2 (VIEW states, REMS only)', [], 'SAVED - [] '],
  ])('%s', (_, checks, expected) => {
    expect(summary(checks)).toBe(expected);
  });

  it('explains itself in plain English, naming the destinations', () => {
    const partial = rowIdentityOutcome([
      { destination: 'ABIM', check: match('p-1') },
      { destination: 'ST-CA', check: notFound },
      { destination: 'ST-NV', check: notFound },
      { destination: 'ST-OR', check: notFound },
    ]);
    expect(partial.outcome === 'SAVED' && partial.warnings[0]!.message).toBe(
      'The learner could not be identified on ST-CA, ST-NV and ST-OR; the record was saved but will not go there. See the reason given for each.',
    );
    const rejected = rowIdentityOutcome([{ destination: 'ABIM', check: notFound }]);
    expect(rejected.outcome === 'REJECTED' && rejected.error.message).toMatch(
      /^The learner could not be identified on ABIM; nothing was saved/,
    );
  });
});
