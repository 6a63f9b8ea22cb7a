/**
 * iCalendar (RFC 5545) export of a meeting, so a unit can add it to its calendar. Pure: text in, text out.
 * Local times carry TZID=Asia/Shanghai with a VTIMEZONE (UTC+8, no DST); TEXT values are escaped (\\ ; , newline);
 * lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character.
 */
import type { Meeting } from '../schemas/meetings.ts';
import { describeRequirement, meetingTypeLabel } from './meetingsChange.ts';
import { formatShanghai, shanghaiParts } from './meetingsTime.ts';
import { requirementFor } from './meetingsValidate.ts';

const TZID = 'Asia/Shanghai';
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function escapeIcsText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** Folds one content line: at most 75 octets per physical line, continuation lines start with one space. */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = utf8Length(ch);
    const limit = parts.length === 0 ? 75 : 74; // the leading space of a continuation counts
    if (octets + n > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function icsLocal(instant: string): string {
  const p = shanghaiParts(instant);
  return `${p.year}${pad(p.month)}${pad(p.day)}T${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
}

export function icsUtc(instant: string): string {
  const d = new Date(instant);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

function description(m: Meeting, unit: string | null): string {
  const lines = [`${meetingTypeLabel(m)}　${m.organiserName}`];
  if (m.agenda.length > 0) lines.push('议程：', ...m.agenda.map((a, i) => `${i + 1}. ${a.topic}${a.presenter ? `（${a.presenter}）` : ''}`));
  if (unit) lines.push(`参会要求：${describeRequirement(requirementFor(m, unit))}`);
  if (m.notes) lines.push(`注意事项：${m.notes}`);
  lines.push(`回执截止：${formatShanghai(m.replyDeadline)}`, `联系人：${m.contactName} ${m.contactPhone}`);
  if (m.status === 'cancelled') lines.unshift(`【已取消】${m.cancelReason ?? ''}`);
  return lines.join('\n');
}

/** The .ics text of one meeting; `unit` (the exporting unit) adds its own attendance requirement to the description. */
export function meetingToIcs(m: Meeting, opts: { now: string; unit?: string | null }): string {
  const cancelled = m.status === 'cancelled';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Xietong//Meeting Notices//ZH',
    'CALSCALE:GREGORIAN',
    `METHOD:${cancelled ? 'CANCEL' : 'PUBLISH'}`,
    'BEGIN:VTIMEZONE',
    `TZID:${TZID}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0800',
    'TZOFFSETTO:+0800',
    'TZNAME:CST',
    'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    `UID:${m.id}@xietong`,
    `DTSTAMP:${icsUtc(opts.now)}`,
    `DTSTART;TZID=${TZID}:${icsLocal(m.startAt)}`,
    `DTEND;TZID=${TZID}:${icsLocal(m.endAt)}`,
    // iTIP: every revision increases SEQUENCE; a cancellation is one more revision.
    `SEQUENCE:${m.version - 1 + (cancelled ? 1 : 0)}`,
    `LAST-MODIFIED:${icsUtc(m.updatedAt)}`,
    `SUMMARY:${escapeIcsText(m.title)}`,
    `LOCATION:${escapeIcsText(m.place)}`,
    `DESCRIPTION:${escapeIcsText(description(m, opts.unit ?? null))}`,
    `CONTACT:${escapeIcsText(`${m.contactName} ${m.contactPhone}`)}`,
    `CATEGORIES:${escapeIcsText(meetingTypeLabel(m))}`,
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    ...(cancelled ? [] : [
      'BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeIcsText(m.title)}`, 'TRIGGER:-PT30M', 'END:VALARM',
    ]),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}
