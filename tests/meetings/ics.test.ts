import { describe, expect, it } from 'vitest';
import { escapeIcsText, foldIcsLine, meetingToIcs } from '../../shared/domain/meetingsIcs.ts';
import { cancelMeeting, applyChange } from '../../shared/domain/meetingsChange.ts';
import { meeting, NOW } from './fixtures.ts';

/** Unfolds per RFC 5545 §3.1 and splits into content lines. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter((l) => l.length > 0);
const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

describe('.ics export', () => {
  it('escapes backslash, semicolon, comma and newlines in TEXT', () => {
    expect(escapeIcsText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });
  it('folds at 75 octets without splitting Chinese characters', () => {
    const line = `SUMMARY:${'会议'.repeat(60)}`;
    const folded = foldIcsLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(1);
    for (const p of physical) expect(utf8(p)).toBeLessThanOrEqual(75);
    expect(Buffer.from(folded, 'utf8').toString('utf8')).toBe(folded); // no broken sequence
    expect(unfold(folded)).toEqual([line]);
  });
  it('writes a VEVENT with TZID Asia/Shanghai local times, CRLF line ends and escaped text', () => {
    const m = { ...meeting({ title: '关于冬季安全,生产的会议; 第1次', notes: '请带材料\n着正装' }) };
    const ics = meetingToIcs(m, { now: NOW, unit: 'SFGW' });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const lines = unfold(ics);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('TZID:Asia/Shanghai');
    expect(lines).toContain('DTSTART;TZID=Asia/Shanghai:20261201T090000');
    expect(lines).toContain('DTEND;TZID=Asia/Shanghai:20261201T113000');
    expect(lines).toContain('DTSTAMP:20261127T020000Z');
    expect(lines).toContain(`UID:${m.id}@xietong`);
    expect(lines).toContain('SUMMARY:关于冬季安全\\,生产的会议\\; 第1次');
    expect(lines).toContain('SEQUENCE:0');
    const desc = lines.find((l) => l.startsWith('DESCRIPTION:') && l.includes('议程'))!;
    expect(desc).toContain('请带材料\\n着正装');
    expect(desc).toContain('参会要求：分管领导1人、工作人员1人');
    for (const l of ics.split('\r\n')) expect(utf8(l)).toBeLessThanOrEqual(75);
    const begins = lines.filter((l) => l.startsWith('BEGIN:')).length;
    expect(begins).toBe(lines.filter((l) => l.startsWith('END:')).length);
  });
  it('a change raises SEQUENCE; a cancellation says CANCEL/CANCELLED with a higher SEQUENCE', () => {
    const { meeting: m2 } = applyChange(meeting(), { baseVersion: 1, patch: { place: '第二会议室' }, reason: null, by: 'x', now: NOW });
    expect(unfold(meetingToIcs(m2, { now: NOW }))).toContain('SEQUENCE:1');
    const lines = unfold(meetingToIcs(cancelMeeting(m2, '改期', NOW), { now: NOW }));
    expect(lines).toContain('METHOD:CANCEL');
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines).toContain('SEQUENCE:2');
    expect(lines.some((l) => l.startsWith('BEGIN:VALARM'))).toBe(false);
  });
});
