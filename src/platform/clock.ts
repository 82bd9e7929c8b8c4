// "Today" for every date rule, in America/Chicago (spec README "Conventions"). OPENPARS_TODAY fixes it
// for tests and demos; audit and log timestamps always use the real clock (decisions.md §22).
export type Clock = {
  today(): string;
  now(): Date;
  fixed: boolean;
};

const chicago = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Chicago',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function chicagoDate(at: Date): string {
  return chicago.format(at);
}

export function createClock(fixedToday?: string): Clock {
  return {
    today: () => fixedToday ?? chicagoDate(new Date()),
    now: () => new Date(),
    fixed: fixedToday !== undefined,
  };
}
