import { describe, expect, it } from 'vitest';
import {
  CN_CALENDAR as cal, addCalendarDays, addCalendarMonths, addWorkingDays, createWorkdayCalendar, defaultHandlingDeadline,
  nextWorkingDay, reopenDeadline, returnDeadline, shanghaiDate, workingDaysBetween,
} from '../../shared/domain/workdays.ts';

describe('working-day calendar (State Council arrangement in data)', () => {
  it('treats 放假 days as rest and 调休 weekends as working days', () => {
    expect(cal.isWorkingDay('2025-10-01')).toBe(false);
    expect(cal.isWorkingDay('2025-10-08')).toBe(false); // Wednesday inside 国庆节、中秋节
    expect(cal.holidayName('2025-10-08')).toBe('国庆节、中秋节');
    expect(cal.isWorkingDay('2025-10-11')).toBe(true); // Saturday 调休上班
    expect(cal.isWorkingDay('2025-09-28')).toBe(true); // Sunday 调休上班
    expect(cal.isWorkingDay('2026-02-16')).toBe(false); // 除夕, Monday
    expect(cal.isWorkingDay('2026-02-14')).toBe(true); // Saturday 调休上班
    expect(cal.isWorkingDay('2026-02-28')).toBe(true);
    expect(cal.isWorkingDay('2026-01-04')).toBe(true); // Sunday after 元旦
    expect(cal.isWorkingDay('2026-11-27')).toBe(true); // ordinary Friday
    expect(cal.isWorkingDay('2026-11-28')).toBe(false); // ordinary Saturday
  });
  it('counts every 2025 and 2026 holiday length as published', () => {
    const restDaysIn = (from: string, to: string) => {
      let n = 0;
      for (let d = from; d <= to; d = addCalendarDays(d, 1)) {
        if (!cal.isWorkingDay(d)) n++;
      }
      return n;
    };
    expect(restDaysIn('2025-01-28', '2025-02-04')).toBe(8);
    expect(restDaysIn('2026-02-15', '2026-02-23')).toBe(9);
    expect(restDaysIn('2026-10-01', '2026-10-07')).toBe(7);
    expect(restDaysIn('2026-05-01', '2026-05-05')).toBe(5);
  });
  it('reports which years the calendar covers and falls back to Monday–Friday outside them', () => {
    expect(cal.coveredYears).toEqual([2025, 2026]);
    expect(cal.isCovered('2026-12-31')).toBe(true);
    expect(cal.isCovered('2027-01-01')).toBe(false);
    expect(cal.isWorkingDay('2027-01-04')).toBe(true); // a Monday, arrangement not yet published
    expect(cal.isWorkingDay('2027-01-02')).toBe(false); // a Saturday
  });
  it('refuses a malformed calendar file', () => {
    expect(() => createWorkdayCalendar({ years: { 2026: { notice: 'x', holidays: [{ name: 'a', from: '2026-13-01', to: '2026-13-02' }], workdays: [] } } })).toThrow();
  });
});

describe('working-day arithmetic', () => {
  it('rolls a date on a holiday or weekend to the next working day', () => {
    expect(nextWorkingDay(cal, '2025-10-01')).toBe('2025-10-09');
    expect(nextWorkingDay(cal, '2026-02-15')).toBe('2026-02-24');
    expect(nextWorkingDay(cal, '2026-11-28')).toBe('2026-11-30');
    expect(nextWorkingDay(cal, '2026-11-27')).toBe('2026-11-27');
  });
  it('adds working days across a long holiday, not counting the start date', () => {
    expect(addWorkingDays(cal, '2026-11-27', 1)).toBe('2026-11-30'); // Fri → Mon
    expect(addWorkingDays(cal, '2025-09-26', 1)).toBe('2025-09-28'); // Fri → 调休 Sunday
    // Monday 2025-09-29 + 7: 9-30 (1), holiday 10-01..08, 10-09 (2), 10-10 (3), 10-11 Sat 调休 (4), 10-13..15 (5..7)
    expect(addWorkingDays(cal, '2025-09-29', 7)).toBe('2025-10-15');
    expect(addWorkingDays(cal, '2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays(cal, '2026-02-14', 1)).toBe('2026-02-24');
    expect(addWorkingDays(cal, '2026-10-09', 0)).toBe('2026-10-09');
    expect(() => addWorkingDays(cal, '2026-10-09', -1)).toThrow();
  });
  it('counts working days between two dates', () => {
    expect(workingDaysBetween(cal, '2025-09-29', '2025-10-15')).toBe(7);
    expect(workingDaysBetween(cal, '2026-11-27', '2026-11-27')).toBe(0);
    expect(workingDaysBetween(cal, '2026-11-30', '2026-11-23')).toBe(0);
    expect(workingDaysBetween(cal, '2026-11-22', '2026-11-29')).toBe(5);
  });
  it('adds calendar months, clamping to the end of a shorter month', () => {
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addCalendarMonths('2026-10-15', 3)).toBe('2027-01-15');
    expect(addCalendarMonths('2024-11-30', 3)).toBe('2025-02-28');
  });
  it('converts a UTC instant to the Shanghai calendar date', () => {
    expect(shanghaiDate('2026-09-30T15:59:59Z')).toBe('2026-09-30');
    expect(shanghaiDate('2026-09-30T16:00:00Z')).toBe('2026-10-01');
  });
});

describe('proposal deadlines', () => {
  it('defaults to 3 calendar months after assignment, rolled forward off a holiday', () => {
    expect(defaultHandlingDeadline(cal, '2026-03-10')).toBe('2026-06-10'); // plain Wednesday
    expect(defaultHandlingDeadline(cal, '2025-07-01')).toBe('2025-10-09'); // lands on 国庆节 → first working day after
    expect(defaultHandlingDeadline(cal, '2025-11-30')).toBe('2026-02-28'); // clamped to Feb 28, a 调休 Saturday: a working day
    expect(defaultHandlingDeadline(cal, '2025-11-15')).toBe('2026-02-24'); // Feb 15 is 春节 → Feb 24
    expect(defaultHandlingDeadline(cal, '2026-03-19')).toBe('2026-06-22'); // Jun 19 端午 (Fri) → Mon Jun 22
  });
  it('gives a unit 7 working days to return an assignment', () => {
    expect(returnDeadline(cal, '2026-09-24')).toBe('2026-10-12'); // 9-25 holiday… 9-28,29,30, 10-08,09,10(Sat 调休),12
    expect(returnDeadline(cal, '2026-03-02')).toBe('2026-03-11');
  });
  it('gives 15 working days to re-handle after 不满意', () => {
    expect(reopenDeadline(cal, '2026-04-30')).toBe('2026-05-25'); // 劳动节 5-01..05, 5-09 Sat 调休 counts
    expect(workingDaysBetween(cal, '2026-04-30', reopenDeadline(cal, '2026-04-30'))).toBe(15);
  });
});
