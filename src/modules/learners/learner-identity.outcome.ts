import { ambiguousAcrossDestinationsReason } from './learner-identity.reasons';
import type { DestinationMatch, IdentityReason } from './learner-identity.types';

// The row-level outcome of stage 2 (learners.md §5 "Outcome for the row"), from the per-destination
// answers. VIEW-mode states and RPC destinations are not checked in stage 2 and are not passed here.

/** An `API`-mode destination: the board answers after intake, and dry runs and identity checks never call it. */
export type DeferredCheck = { result: 'DEFERRED' };

export type DestinationCheck = { destination: string; check: DestinationMatch | DeferredCheck };

/** The destination's life-cycle status after stage 2 (learners.md §13). */
export type DestinationIdentityOutcome =
  | { destination: string; status: 'VALIDATED'; entryId: string; physicianId: string }
  /** Awaiting the board's answer: neither passed nor failed. */
  | { destination: string; status: 'RECEIVED'; warning: RowMessage }
  | { destination: string; status: 'REJECTED'; reasons: IdentityReason[] };

export type RowMessage = { code: string; message: string };

export type RowIdentityOutcome =
  /** Nothing is saved. */
  | { outcome: 'REJECTED'; error: RowMessage; destinations: DestinationIdentityOutcome[] }
  | {
      outcome: 'SAVED';
      /** Null when no destination confirmed the learner (only API-mode answers pending, or none checked). */
      physicianId: string | null;
      warnings: RowMessage[];
      destinations: DestinationIdentityOutcome[];
    };

export function rowIdentityOutcome(checks: readonly DestinationCheck[]): RowIdentityOutcome {
  const destinations = checks.map(destinationOutcome);
  const validated = destinations.filter((d) => d.status === 'VALIDATED');
  const rejected = destinations.filter((d) => d.status === 'REJECTED');
  const deferred = destinations.filter((d) => d.status === 'RECEIVED');

  // A destination awaiting its board's answer has not failed, so it keeps the row alive.
  if (rejected.length > 0 && validated.length === 0 && deferred.length === 0)
    return {
      outcome: 'REJECTED',
      error: {
        code: 'LRN-IDENTITY',
        message: `The learner could not be identified on ${listDestinations(rejected)}; nothing was saved. See the reason given for each.`,
      },
      destinations,
    };

  const physicians = new Set(validated.map((d) => d.physicianId));
  if (physicians.size > 1) return ambiguousAcrossDestinations(destinations);

  const warnings: RowMessage[] = [];
  if (rejected.length > 0)
    warnings.push({
      code: 'LRN-IDENTITY-PARTIAL',
      message: `The learner could not be identified on ${listDestinations(rejected)}; the record was saved but will not go there. See the reason given for each.`,
    });
  for (const d of deferred) if (d.status === 'RECEIVED') warnings.push(d.warning);
  return { outcome: 'SAVED', physicianId: validated[0]?.physicianId ?? null, warnings, destinations };
}

function destinationOutcome({ destination, check }: DestinationCheck): DestinationIdentityOutcome {
  switch (check.result) {
    case 'MATCH':
      return { destination, status: 'VALIDATED', entryId: check.entryId, physicianId: check.physicianId };
    case 'DEFERRED':
      return {
        destination,
        status: 'RECEIVED',
        warning: {
          code: 'LRN-IDENTITY-DEFERRED',
          message: `${destination} confirms identity through its own service after the record is saved; its answer is not part of this result.`,
        },
      };
    case 'NO_MATCH':
    case 'AMBIGUOUS':
      return { destination, status: 'REJECTED', reasons: check.reasons };
  }
}

/**
 * §5: when the destinations that pass name different physicians, every destination is rejected with
 * IDN-AMBIGUOUS. A destination that had already failed keeps its own reasons too, so the provider
 * still learns what was wrong there.
 */
function ambiguousAcrossDestinations(destinations: DestinationIdentityOutcome[]): RowIdentityOutcome {
  const ambiguous = ambiguousAcrossDestinationsReason();
  return {
    outcome: 'REJECTED',
    error: {
      code: 'LRN-IDENTITY',
      message:
        'The identifiers on this row lead to different people on different rosters; nothing was saved. Check that each identifier belongs to this learner.',
    },
    destinations: destinations.map((d) => ({
      destination: d.destination,
      status: 'REJECTED',
      reasons: d.status === 'REJECTED' ? [...d.reasons, ambiguous] : [ambiguous],
    })),
  };
}

function listDestinations(destinations: readonly { destination: string }[]): string {
  const names = destinations.map((d) => d.destination);
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
