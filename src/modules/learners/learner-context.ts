import type { ActivityStatus } from '../activities/activity.schema';
import type { BoardSettings } from './learner-board.rules';
import type { StateSettings } from './learner-state.rules';

// What the stage-1 rules need to know beyond the row. The caller (service, upload batch) looks the
// activity and the settings up once per batch; the rules themselves do no I/O.

export type LearnerMocRegistration = {
  board: string;
  creditTypes: { code: string; amount: number }[];
  attested: boolean;
  /** Last completion date the board takes for this activity; null = the activity's end date. */
  claimDate: string | null;
};

/** The activity a row names, as stored. */
export type LearnerActivity = {
  parsActivityId: number;
  status: ActivityStatus;
  startDate: string;
  endDate: string;
  creditsDesignated: number | null;
  format: string;
  /** Present = a REMS activity (activities.md §1.6). */
  rems: { rpcId: string | null } | null;
  mips: { improvementActivity: boolean | null } | null;
  mocRegistrations: LearnerMocRegistration[];
};

export type LearnerRuleContext = {
  /** YYYY-MM-DD in America/Chicago, or OPENPARS_TODAY (decisions.md §22). */
  today: string;
  /**
   * Date part of `reportedAt` for the lateness warnings; defaults to `today`. Kept separate so a
   * re-check of a stored record can use the day it was reported.
   */
  reportedOn?: string;
  /**
   * The activity the row's key resolved to among the provider's activities; null = no such
   * activity (LRN-ACTIVITY-UNKNOWN). Leave undefined only when the key itself is unusable.
   */
  activity: LearnerActivity | null | undefined;
  /** Board settings as edited by board administrators; a board missing here uses boards.tsv. */
  boards?: Readonly<Record<string, Partial<BoardSettings>>>;
  /** State settings per USPS state code; a state missing here uses the defaults (decisions.md §19). */
  states?: Readonly<Record<string, Partial<StateSettings>>>;
  /** The provider's reporting year Y has closed and no change-request window covers it (§10). */
  isYearClosed(year: number): boolean;
  /** OP-LRN-TAB-1 takes only M/D/YYYY dates (formats.md §5); sheets and JSON also YYYY-MM-DD. */
  usDatesOnly?: boolean;
};
