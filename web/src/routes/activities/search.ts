import { ACTIVITY_STATUSES, type ActivityStatus } from '../../../../src/modules/activities/activity.schema';
import { ACTIVITY_SORTS, type ActivityFilters, type ActivitySort } from '../../api/activities';

// The activity list keeps its search and filters in the address, so Back, reload and shared links
// show the same list.

export type ActivitiesSearch = ActivityFilters;

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const num = (v: unknown) => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
  return n !== undefined && Number.isSafeInteger(n) && n > 0 ? n : undefined;
};
const flag = (v: unknown) =>
  v === true || v === 'true' ? true : v === false || v === 'false' ? false : undefined;

export function parseActivitiesSearch(search: Record<string, unknown>): ActivitiesSearch {
  const status = str(search.status);
  const sort = str(search.sort);
  const parsed: ActivitiesSearch = {
    q: str(search.q),
    status: ACTIVITY_STATUSES.includes(status as ActivityStatus) ? (status as ActivityStatus) : undefined,
    format: str(search.format),
    year: num(search.year),
    board: str(search.board),
    rems: flag(search.rems),
    mips: flag(search.mips),
    sort: ACTIVITY_SORTS.includes(sort as ActivitySort) ? (sort as ActivitySort) : undefined,
    providerId: num(search.providerId),
  };
  // Leave unset keys out, so the address shows only what is chosen.
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) as ActivitiesSearch;
}

/** The edit page can open with one field focused (links from "still missing" lists). */
export function parseFocusSearch(search: Record<string, unknown>): { focus?: string } {
  const focus = str(search.focus);
  return focus && /^[A-Za-z0-9_.]{1,120}$/.test(focus) ? { focus } : {};
}
