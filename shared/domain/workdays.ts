/**
 * Working days from a holiday calendar held in data (resources/calendar/*.json), never in code.
 *
 * A date is a working day when it is Monday–Friday and not inside a 放假 range, or when it is a 调休 working
 * weekend day listed in `workdays`. Dates are calendar dates in Asia/Shanghai written YYYY-MM-DD.
 *
 * Deadline rules used by proposal handling (one place, used by client and server):
 * - "3 months from assignment" = the same day of the month three calendar months later (clamped to the last day
 *   of a shorter month: 11-30 → 02-28), then, if that date is not a working day, rolled forward to the next one.
 * - "within N working days" = the Nth working day after the start date (the start date itself does not count);
 *   the deadline day itself is still in time.
 * Years missing from the calendar fall back to Monday–Friday; `isCovered` tells the caller so it can warn.
 * The calendar must be extended every year when the State Council publishes the next year's arrangement.
 */
import { z } from 'zod';
import calendarData from '../../resources/calendar/cn-holidays-2025-2027.json' with { type: 'json' };

export const CalendarDateSchema = z.iso.date();
export type CalendarDate = string;

const YearSchema = z.strictObject({
  notice: z.string(),
  holidays: z.array(z.strictObject({ name: z.string(), from: CalendarDateSchema, to: CalendarDateSchema })),
  workdays: z.array(CalendarDateSchema),
});
export const HolidayCalendarSchema = z.strictObject({
  description: z.string().optional(),
  updatePolicy: z.string().optional(),
  years: z.record(z.string().regex(/^\d{4}$/), YearSchema),
});
export type HolidayCalendarData = z.infer<typeof HolidayCalendarSchema>;

const DAY_MS = 86_400_000;

function toUtcMs(date: CalendarDate): number {
  const parsed = CalendarDateSchema.safeParse(date);
  if (!parsed.success) throw new RangeError(`not a calendar date: ${date}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}
function fromUtcMs(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10);
}
export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}
/** Same day-of-month n months later, clamped to the end of a shorter month. */
export function addCalendarMonths(date: CalendarDate, months: number): CalendarDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return fromUtcMs(Date.UTC(y, m, Math.min(d, lastDay)));
}
/** The Asia/Shanghai calendar date of a UTC instant (China has kept UTC+8 without DST since 1991). */
export function shanghaiDate(instant: string | Date): CalendarDate {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${String(instant)}`);
  return fromUtcMs(ms + 8 * 3_600_000);
}

export interface WorkdayCalendar {
  isWorkingDay(date: CalendarDate): boolean;
  /** The name of the holiday covering the date (e.g. 国庆节), or null. */
  holidayName(date: CalendarDate): string | null;
  /** Whether the calendar holds the official arrangement for the date's year. */
  isCovered(date: CalendarDate): boolean;
  coveredYears: readonly number[];
}

export function createWorkdayCalendar(data: unknown): WorkdayCalendar {
  const cal = HolidayCalendarSchema.parse(data);
  const holidays = new Map<CalendarDate, string>();
  const workdays = new Set<CalendarDate>();
  for (const year of Object.values(cal.years)) {
    for (const h of year.holidays) {
      for (let ms = toUtcMs(h.from); ms <= toUtcMs(h.to); ms += DAY_MS) holidays.set(fromUtcMs(ms), h.name);
    }
    for (const w of year.workdays) workdays.add(w);
  }
  const coveredYears = Object.keys(cal.years).map(Number).sort((a, b) => a - b);
  return {
    coveredYears,
    isWorkingDay(date) {
      if (workdays.has(date)) return true;
      if (holidays.has(date)) return false;
      const dow = new Date(toUtcMs(date)).getUTCDay();
      return dow !== 0 && dow !== 6;
    },
    holidayName: (date) => holidays.get(date) ?? null,
    isCovered: (date) => coveredYears.includes(Number(date.slice(0, 4))),
  };
}

/** The calendar shipped with the application. */
export const CN_CALENDAR: WorkdayCalendar = createWorkdayCalendar(calendarData);

/** The date itself when it is a working day, else the next working day. */
export function nextWorkingDay(cal: WorkdayCalendar, date: CalendarDate): CalendarDate {
  let d = date;
  for (let i = 0; i < 400 && !cal.isWorkingDay(d); i++) d = addCalendarDays(d, 1);
  return d;
}

/** The nth working day after `date` (the start date does not count). n = 0 gives nextWorkingDay(date). */
export function addWorkingDays(cal: WorkdayCalendar, date: CalendarDate, n: number): CalendarDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  if (n === 0) return nextWorkingDay(cal, date);
  let d = date;
  let left = n;
  while (left > 0) {
    d = addCalendarDays(d, 1);
    if (cal.isWorkingDay(d)) left--;
  }
  return d;
}

/** Working days in (from, to]: 0 when to ≤ from. */
export function workingDaysBetween(cal: WorkdayCalendar, from: CalendarDate, to: CalendarDate): number {
  let count = 0;
  for (let ms = toUtcMs(from) + DAY_MS, end = toUtcMs(to); ms <= end; ms += DAY_MS) {
    if (cal.isWorkingDay(fromUtcMs(ms))) count++;
  }
  return count;
}

// ---- proposal deadlines ----
export const HANDLING_MONTHS = 3;
export const RETURN_WINDOW_WORKING_DAYS = 7;
export const REOPEN_WORKING_DAYS = 15;

/** Default handling deadline: 3 calendar months after assignment, rolled forward to a working day. */
export function defaultHandlingDeadline(cal: WorkdayCalendar, assignedOn: CalendarDate): CalendarDate {
  return nextWorkingDay(cal, addCalendarMonths(assignedOn, HANDLING_MONTHS));
}
/** Last day a unit may return an assignment: the 7th working day after it was assigned. */
export function returnDeadline(cal: WorkdayCalendar, assignedOn: CalendarDate): CalendarDate {
  return addWorkingDays(cal, assignedOn, RETURN_WINDOW_WORKING_DAYS);
}
/** Re-handling deadline after 不满意: the 15th working day after the feedback was recorded. */
export function reopenDeadline(cal: WorkdayCalendar, feedbackOn: CalendarDate): CalendarDate {
  return addWorkingDays(cal, feedbackOn, REOPEN_WORKING_DAYS);
}
