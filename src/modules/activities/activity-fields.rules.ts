import type { FieldError } from '../../platform/errors';
import { type CodeListName, codeList } from '../../reference/codes';

// Field readers shared by the activity rule files (activity.rules.ts, activity-dates.rules.ts,
// activity-moc.rules.ts). Every reader follows one convention so that callers can "skip checks that
// need an unreadable value" (formats.md §8.3 item 4) without bookkeeping of their own:
//   a value  → the normalised value;
//   null     → nothing was given (absent, or empty after trimming);
//   undefined→ something was given but could not be read; the reader has already reported why.

export type RuleMessage = FieldError;

/** A step of the status ladder that a record does not meet yet (activities.md §3.1). */
export type Requirement = { requirement: string; field: string; message: string };

/** Lists of a certifying board that board administrators maintain (decisions.md §18). */
export type BoardLists = Record<
  string,
  {
    practiceAreas: string[];
    contentAreas: string[];
    requiresContentAreas?: { min: number; max: number };
    requiresInternalId?: boolean;
  }
>;

/** CURRENT, or a legacy PARS rule set (formats.md §3.6–§3.7). */
export type RuleSet = 'CURRENT' | 'PARS2015' | 'PARS2014' | 'PARS2011' | 'PARS2010';

export const isLegacyRuleSet = (ruleSet: RuleSet | undefined): boolean =>
  ruleSet !== undefined && ruleSet !== 'CURRENT';

export type RuleContext = {
  /**
   * The rule set the record is checked under; CURRENT when absent. Legacy rule sets skip the date
   * span and range limits (ACT-DATE-SPAN, ACT-DATE-RANGE) and take hours and credits with at most 2
   * decimals instead of quarter steps (formats.md §3.6); every other check applies.
   */
  ruleSet?: RuleSet;
  /** YYYY-MM-DD in America/Chicago, or OPENPARS_TODAY. */
  today: string;
  /** The provider is accredited by Joint Accreditation (C8; creditsDesignated 0 allowed). */
  jointAccreditation: boolean;
  /** Practice/content areas per certifying board (C10); a board missing here has empty lists. */
  boardLists: BoardLists;
  remsBlueprintSections: string[];
  /** Valid topic codes; when undefined, topics are not checked against a list. */
  topics?: string[];
  /** User id stamped on new attestations. */
  currentUser?: string;
  /** ISO timestamp stamped on new attestations. */
  now?: string;
};

export type Attestation = { attestedAt: string | null; attestedBy: string | null };

// ---------------------------------------------------------------------------------------------
// Collecting messages

export type Findings = {
  readonly errors: RuleMessage[];
  readonly warnings: RuleMessage[];
  error(path: string, code: string, message: string, value?: unknown): void;
  warn(path: string, code: string, message: string, value?: unknown): void;
};

export function createFindings(): Findings {
  const errors: RuleMessage[] = [];
  const warnings: RuleMessage[] = [];
  // `value` is left out rather than set to undefined so that messages compare and serialise cleanly.
  const message = (path: string, code: string, text: string, value: unknown): RuleMessage =>
    value === undefined ? { path, code, message: text } : { path, code, message: text, value };
  return {
    errors,
    warnings,
    error: (path, code, text, value) => errors.push(message(path, code, text, value)),
    warn: (path, code, text, value) => warnings.push(message(path, code, text, value)),
  };
}

// ---------------------------------------------------------------------------------------------
// Text

// Only spaces (any Unicode space separator, which includes U+00A0) and a stray BOM are trimmed:
// a tab or line break at the edge of a field is a control character the user should hear about,
// not something to remove silently. Description may hold line breaks, so its edge breaks are trimmed.
const EDGE_SPACES = /^[\p{Zs}\uFEFF]+|[\p{Zs}\uFEFF]+$/gu;
const EDGE_SPACES_AND_BREAKS = /^[\p{Zs}\uFEFF\r\n]+|[\p{Zs}\uFEFF\r\n]+$/gu;

export function trimText(raw: string, allowLineBreaks = false): string {
  return raw.replace(allowLineBreaks ? EDGE_SPACES_AND_BREAKS : EDGE_SPACES, '');
}

/** Tab, CR, LF and U+0000–U+001F (activities.md conventions); CR/LF allowed where line breaks are. */
export function hasControlChar(value: string, allowLineBreaks = false): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c > 0x1f) continue;
    if (allowLineBreaks && (c === 0x0a || c === 0x0d)) continue;
    return true;
  }
  return false;
}

/** Lengths count characters as users see them (code points), not UTF-16 units. */
export const charLength = (value: string): number => [...value].length;

export type TextRule = { label: string; max: number; allowLineBreaks?: boolean };

export function readText(
  f: Findings,
  path: string,
  raw: string | null | undefined,
  rule: TextRule,
): string | null {
  if (raw === null || raw === undefined) return null;
  const value = trimText(raw, rule.allowLineBreaks);
  if (value === '') return null;
  if (hasControlChar(value, rule.allowLineBreaks)) {
    const allowed = rule.allowLineBreaks ? ' (line breaks are allowed)' : '';
    f.error(
      path,
      'FMT-CONTROL-CHAR',
      `${rule.label} must not contain tabs or other control characters${allowed}; remove them`,
      raw,
    );
  }
  const length = charLength(value);
  if (length > rule.max) {
    f.error(
      path,
      'ACT-TEXT-LENGTH',
      `${rule.label} must be 1–${rule.max} characters long (it has ${length}); shorten it`,
      raw,
    );
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Codes

/** A code list looked up case-insensitively; answers the code in the list's own case. */
export type CodeSet = { readonly codes: readonly string[]; canonical(raw: string): string | undefined };

export function codeSet(
  codes: readonly string[],
  aliases: readonly (readonly [string, string])[] = [],
): CodeSet {
  const byKey = new Map<string, string>();
  for (const [alias, code] of aliases) byKey.set(alias.toLowerCase(), code);
  for (const code of codes) byKey.set(code.toLowerCase(), code);
  return { codes, canonical: (raw) => byKey.get(trimText(raw).toLowerCase()) };
}

// Context lists (topics, board areas, Blueprint sections) are the same arrays for a whole batch, so
// their lookups are built once per array rather than once per row.
const arraySets = new WeakMap<readonly string[], CodeSet>();

export function codeSetOf(codes: readonly string[]): CodeSet {
  let set = arraySets.get(codes);
  if (!set) {
    set = codeSet(codes);
    arraySets.set(codes, set);
  }
  return set;
}

const listSets = new Map<CodeListName, CodeSet>();

export function codeListSet(name: CodeListName): CodeSet {
  let set = listSets.get(name);
  if (!set) {
    set = codeSet(codeList(name).map((r) => r.code));
    listSets.set(name, set);
  }
  return set;
}

/** Lists the accepted values for a message: "DIRECT or JOINT", "A, B or C". */
export function oneOf(codes: readonly string[]): string {
  if (codes.length <= 1) return codes.join('');
  return `${codes.slice(0, -1).join(', ')} or ${codes[codes.length - 1]}`;
}

export type CodeRule = { label: string; set: CodeSet; errorCode?: string; hint?: string };

export function readCode(
  f: Findings,
  path: string,
  raw: string | null | undefined,
  rule: CodeRule,
): string | null | undefined {
  if (raw === null || raw === undefined || trimText(raw) === '') return null;
  const code = rule.set.canonical(raw);
  if (code !== undefined) return code;
  const accepted = rule.hint ?? `one of ${oneOf(rule.set.codes)}`;
  f.error(
    path,
    rule.errorCode ?? 'ACT-CODE-UNKNOWN',
    `${rule.label} must be ${accepted}; "${raw}" is not`,
    raw,
  );
  return undefined;
}

/**
 * A list of codes, each at most once. A repeat is refused like an unknown code (outcome measures:
 * "no repeats"; the same rule everywhere, as for MOC boards and credit types), since a repeat in
 * another case usually means a mistyped list. Answers undefined when any item was refused.
 */
export function readCodeList(
  f: Findings,
  path: string,
  raw: readonly string[] | null | undefined,
  rule: CodeRule,
): string[] | undefined {
  const codes: string[] = [];
  let readable = true;
  for (const [i, item] of (raw ?? []).entries()) {
    const itemPath = `${path}.${i}`;
    if (trimText(item) === '') {
      f.error(
        itemPath,
        rule.errorCode ?? 'ACT-CODE-UNKNOWN',
        `${rule.label} must not be empty; remove the empty entry`,
        item,
      );
      readable = false;
      continue;
    }
    const code = readCode(f, itemPath, item, rule);
    if (code && codes.includes(code)) {
      const message = `${rule.label} ${code} is listed more than once (codes are not case-sensitive); list each once`;
      f.error(itemPath, rule.errorCode ?? 'ACT-CODE-UNKNOWN', message, item);
    }
    if (!code || codes.includes(code)) readable = false;
    else codes.push(code);
  }
  return readable ? codes : undefined;
}

// ---------------------------------------------------------------------------------------------
// Numbers

export const MAX_COUNT = 10_000_000;

/**
 * A decimal as integer hundredths, or undefined when it has more than two decimal places. Works on
 * the number's shortest decimal representation (what JSON carried), so 0.1 + 0.2 is caught as
 * 0.30000000000000004 instead of being rounded into a valid 0.30.
 */
export function toHundredths(x: number): number | undefined {
  if (!Number.isFinite(x)) return undefined;
  const text = Math.abs(x).toString();
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return Number.isSafeInteger(x) ? x * 100 : undefined; // exponent notation
  const decimals = match[2] ?? '';
  if (decimals.length > 2) return undefined;
  const hundredths = Number(match[1]) * 100 + Number(decimals.padEnd(2, '0'));
  return x < 0 ? -hundredths : hundredths;
}

export const fromHundredths = (hundredths: number): number => hundredths / 100;

/** Credits and points move in quarter steps (activities.md conventions). */
export const isQuarterStep = (hundredths: number): boolean => hundredths % 25 === 0;

export function readCount(
  f: Findings,
  path: string,
  raw: number | null | undefined,
  label: string,
): number | null | undefined {
  if (raw === null || raw === undefined) return null;
  if (!Number.isInteger(raw)) {
    f.error(path, 'ACT-NUMBER-FORMAT', `${label} must be a whole number such as 25`, raw);
    return undefined;
  }
  if (raw < 0 || raw > MAX_COUNT) {
    f.error(path, 'ACT-NUMBER-RANGE', `${label} must be between 0 and 10,000,000`, raw);
    return undefined;
  }
  return raw;
}

/**
 * A map code → count. Two keys that differ only in case name the same code; their counts cannot be
 * merged safely, so that is refused. Answers undefined when any key or count was unreadable.
 */
export function readCountMap(
  f: Findings,
  path: string,
  raw: Record<string, number> | null | undefined,
  rule: CodeRule,
): Record<string, number> | undefined {
  const map: Record<string, number> = {};
  let readable = true;
  for (const [key, value] of Object.entries(raw ?? {})) {
    const code = readCode(f, `${path}.${key}`, key, rule);
    const count = readCount(f, `${path}.${key}`, value, `${rule.label} count`);
    if (code === undefined || code === null || count === undefined || count === null) {
      if (code === null)
        f.error(`${path}.${key}`, rule.errorCode ?? 'ACT-CODE-UNKNOWN', `${rule.label} must not be empty`);
      readable = false;
      continue;
    }
    if (code in map) {
      f.error(
        `${path}.${key}`,
        rule.errorCode ?? 'ACT-CODE-UNKNOWN',
        `${rule.label} ${code} is given more than once (codes are not case-sensitive); give each once`,
        key,
      );
      readable = false;
      continue;
    }
    map[code] = count;
  }
  return readable ? map : undefined;
}

export const sumOf = (map: Record<string, number>): number =>
  Object.values(map).reduce((total, n) => total + n, 0);

// ---------------------------------------------------------------------------------------------
// URLs and attestations

export const MAX_URL_LENGTH = 500;

export function isHttpUrl(value: string): boolean {
  // URL() is lenient (it accepts "http:/x" and encodes spaces), so the absolute form is checked first.
  if (!/^https?:\/\/[^/\s]/i.test(value) || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export function readUrl(
  f: Findings,
  path: string,
  raw: string | null | undefined,
  label: string,
): string | null {
  if (raw === null || raw === undefined) return null;
  const value = trimText(raw);
  if (value === '') return null;
  if (hasControlChar(value)) {
    f.error(path, 'FMT-CONTROL-CHAR', `${label} must not contain tabs or other control characters`, raw);
  }
  if (charLength(value) > MAX_URL_LENGTH || !isHttpUrl(value)) {
    f.error(
      path,
      'ACT-URL-FORMAT',
      `${label} must be an absolute web address starting with https:// or http:// and at most 500 characters, such as https://example.org/course`,
      raw,
    );
  }
  return value;
}

/**
 * An attestation is a user's act, so re-sending `attested: true` (as an edited export does) keeps the
 * original who and when; `false` withdraws it; leaving it out keeps whatever was recorded before.
 */
export function mergeAttestation(
  attested: boolean | null | undefined,
  previous: Attestation | null | undefined,
  ctx: Pick<RuleContext, 'now' | 'currentUser'>,
): Attestation {
  const none: Attestation = { attestedAt: null, attestedBy: null };
  const kept: Attestation = previous
    ? { attestedAt: previous.attestedAt, attestedBy: previous.attestedBy }
    : none;
  if (attested === true) {
    return kept.attestedAt !== null
      ? kept
      : { attestedAt: ctx.now ?? null, attestedBy: ctx.currentUser ?? null };
  }
  if (attested === false) return none;
  return kept;
}
