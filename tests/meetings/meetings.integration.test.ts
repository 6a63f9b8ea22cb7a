/**
 * Meeting notices end to end through the real server and 11 real client cores (separate stores): a notice to 10 units,
 * 7 sign and reply (one 请假, one 代会, one of them offline), 3 are reminded, a change notice resets every receipt and is
 * signed again, a reply written offline against an older version is kept and flagged, the dashboard counts match, and
 * the exported attendee xlsx and sign-in PDF hold one row per attendee.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/index.ts';
import { artifactPath, hasPoppler } from '../helpers/environment.ts';
import { call, callErr, client, minimalPdf, startTestServer, waitFor, type RunningServer, type TestClient } from '../core/harness.ts';

const UNIT_USERS = ['daoli', 'nangang', 'daowai', 'pingfang', 'songbei', 'xiangfang', 'hulan', 'acheng', 'shuangcheng', 'yilan'];
const UNIT_CODES = ['D-DAOLI', 'D-NANGANG', 'D-DAOWAI', 'D-PINGFANG', 'D-SONGBEI', 'D-XIANGFANG', 'D-HULAN', 'D-ACHENG', 'D-SHUANGCHENG', 'C-YILAN'];
const DAY = 86_400_000;
const person = (name: string, title = '副区长', phone = '13900000000') => ({ name, title, phone });

const dashboard = (c: Core, meetingId: string) => call(c, 'meetings.dashboard', { meetingId });
const myReceipt = async (c: Core, meetingId: string) => (await call(c, 'meetings.get', { meetingId })).myReceipt;
const settled = async (c: Core) => (await call(c, 'sync.status')).pending === 0;

describe('meeting notices: secretary → 10 units (real server, 11 cores)', () => {
  let server: RunningServer;
  let sec: TestClient;
  let units: TestClient[];
  let meetingId = '';
  const notifications = new Map<string, string[]>();

  beforeAll(async () => {
    server = await startTestServer();
    sec = await client(server.url, 'bgt.secretary');
    units = await Promise.all(UNIT_USERS.map((u) => client(server.url, `${u}.clerk`)));
    units.forEach((u, i) => u.core.onEvent((e) => {
      if (e.type === 'notify' && e.meetingId) notifications.set(UNIT_CODES[i], [...(notifications.get(UNIT_CODES[i]) ?? []), e.title]);
    }));
  });
  afterAll(async () => {
    await Promise.all([sec, ...(units ?? [])].map((c) => c?.core.close()));
    await server?.close();
  }, 120_000);

  it('delivers a notice with a PDF agenda to 10 units; 7 reply (请假, 代会, one offline), 3 are reminded; counts match', async () => {
    const agenda = await call(sec.core, 'files.add', { name: '会议议程.pdf', data: minimalPdf('Agenda') });
    const start = new Date(Date.now() + 3 * DAY);
    const sent = await call(sec.core, 'meetings.send', {
      title: '全市冬季安全生产工作会议', type: 'work',
      startAt: start.toISOString(), endAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
      place: '市政府第一会议室', room: '第一会议室', organiserName: '市政府办公厅', contactName: '王秘书', contactPhone: '0451-86000000',
      attendance: { slots: [{ role: '分管领导', count: 1 }, { role: '工作人员', count: 1 }], extraAllowed: 0 }, attendanceByUnit: [],
      agenda: [{ topic: '通报安全生产形势', presenter: '市应急局' }], notes: '请着正装', replyDeadline: new Date(Date.now() + 2 * DAY).toISOString(),
      materials: [agenda], urgency: 'urgent', recipients: UNIT_CODES,
    });
    meetingId = sent.meetingId;
    // At once in the secretary's list, pending until the server has it.
    expect((await call(sec.core, 'meetings.list', { scope: 'organised' })).find((r) => r.id === meetingId)).toMatchObject({ invited: 10, signed: 0 });

    for (const u of units) {
      await waitFor(u.core, async () => (await call(u.core, 'meetings.list', {})).find((r) => r.id === meetingId && r.myState === 'unsigned'), `${u.username} receives the notice`);
    }
    const material = await call(units[0].core, 'files.read', { sha256: agenda.sha256 });
    expect(material.kind).toBe('pdf');
    // The materials are fetched with the sync: a unit that never opened them can read them offline.
    const reader = units[9];
    const offlineRead = await waitFor(reader.core, async () => {
      if (!fs.existsSync(path.join(reader.dataDir, 'blobs', agenda.sha256))) return null;
      await call(reader.core, 'sync.setOffline', { offline: true });
      try {
        return await call(reader.core, 'files.read', { sha256: agenda.sha256 });
      } catch {
        return null; // the download finished on disk but not yet in the store: try again
      } finally {
        await call(reader.core, 'sync.setOffline', { offline: false });
      }
    }, 'materials available offline');
    expect(Buffer.from(offlineRead.data).equals(Buffer.from(minimalPdf('Agenda')))).toBe(true);

    // A unit not invited cannot see it; too many attendees are refused before anything is queued.
    const outsider = await client(server.url, 'wuchang.clerk');
    expect((await callErr(outsider.core, 'meetings.get', { meetingId })).code).toBe('NOT_FOUND');
    await outsider.core.close();
    const tooMany = await callErr(units[2].core, 'meetings.reply', { meetingId, reply: { kind: 'attend', attendees: [person('甲'), person('乙'), person('丙')], note: null } });
    expect(tooMany.code).toBe('MEETING_TOO_MANY_ATTENDEES');

    // Six reply online: 请假, 代会 (one person), four attend with two people.
    await call(units[0].core, 'meetings.sign', { meetingId });
    await call(units[0].core, 'meetings.reply', { meetingId, reply: { kind: 'leave', reason: '同一时间参加省政府会议' } });
    await call(units[1].core, 'meetings.sign', { meetingId });
    await call(units[1].core, 'meetings.reply', { meetingId, reply: { kind: 'substitute', insteadOf: '张区长', reason: '出差', attendees: [person('南岗李主任', '办公室主任')] } });
    for (let i = 2; i < 6; i++) {
      await call(units[i].core, 'meetings.sign', { meetingId });
      await call(units[i].core, 'meetings.reply', { meetingId, reply: { kind: 'attend', attendees: [person(`${UNIT_USERS[i]}领导`), person(`${UNIT_USERS[i]}科员`, '科员')], note: null } });
      expect((await myReceipt(units[i].core, meetingId))).toMatchObject({ pending: true, reply: { kind: 'attend' } });
    }
    // The seventh replies while offline: kept locally, delivered after reconnecting.
    const offline = units[6];
    await call(offline.core, 'sync.setOffline', { offline: true });
    await call(offline.core, 'meetings.sign', { meetingId });
    await call(offline.core, 'meetings.reply', { meetingId, reply: { kind: 'attend', attendees: [person('呼兰区王副区长'), person('呼兰区赵科员', '科员')], note: null } });
    expect((await call(offline.core, 'sync.status')).pending).toBe(2);

    const d1 = await waitFor(sec.core, async () => { const d = await dashboard(sec.core, meetingId); return d.counts.replied === 6 ? d : null; }, 'six replies on the dashboard');
    expect(d1.counts).toMatchObject({ invited: 10, signed: 6, replied: 6, leave: 1, substitute: 1, attend: 4, notAnswered: 4 });

    // 催办 the three that said nothing.
    const silent = UNIT_CODES.slice(7);
    expect(await call(sec.core, 'meetings.remind', { meetingId, units: silent, message: '请尽快签收并报送回执' })).toEqual({ reminded: 3 });
    for (const [i, u] of units.slice(7).entries()) {
      await waitFor(u.core, async () => ((await myReceipt(u.core, meetingId))?.remindCount === 1 ? true : null), `${silent[i]} reminded`);
      await waitFor(u.core, () => (notifications.get(silent[i]) ?? []).includes('会议催办'), `${silent[i]} notified`);
    }

    await call(offline.core, 'sync.setOffline', { offline: false });
    const d2 = await waitFor(sec.core, async () => { const d = await dashboard(sec.core, meetingId); return d.counts.replied === 7 ? d : null; }, 'the offline reply to arrive');
    expect(d2.counts).toEqual({
      invited: 10, delivered: 10, signed: 7, replied: 7, attend: 5, leave: 1, substitute: 1, reconfirm: 0, notAnswered: 3, unsigned: 3,
      attendees: 5 * 2 + 1, required: 9 * 2,
    });
    expect(d2.rows.filter((r) => r.remindCount === 1).map((r) => r.unit).sort()).toEqual([...silent].sort());
    expect(d2.rows.find((r) => r.unit === 'D-NANGANG')).toMatchObject({ state: 'substitute', attendees: 1, shortBy: 1 });
  }, 120_000);

  it('a change notice resets every receipt, highlights what changed, and the units sign again', async () => {
    const before = await call(sec.core, 'meetings.get', { meetingId });
    const newStart = new Date(Date.parse(before.meeting.startAt) + 3600_000).toISOString();
    const newEnd = new Date(Date.parse(before.meeting.endAt) + 3600_000).toISOString();
    expect(await call(sec.core, 'meetings.change', { meetingId, patch: { startAt: newStart, endAt: newEnd, place: '市政府第二会议室' }, reason: '与省政府视频会冲突' })).toEqual({ version: 2 });
    await waitFor(sec.core, () => settled(sec.core), 'the change to reach the server');

    for (const u of units) {
      await waitFor(u.core, async () => { const d = await call(u.core, 'meetings.get', { meetingId }); return d.meeting.version === 2 && d.myReceipt?.signedAt === null ? d : null; }, `${u.username} gets the change`);
    }
    const seen = await call(units[2].core, 'meetings.get', { meetingId });
    expect(seen.lastChange?.diff.map((d) => d.field)).toEqual(['startAt', 'endAt', 'place']);
    expect(seen.lastChange?.diff[2]).toMatchObject({ before: '市政府第一会议室', after: '市政府第二会议室' });
    expect(notifications.get(UNIT_CODES[2])).toContain('会议变更通知');

    const reset = await waitFor(sec.core, async () => { const d = await dashboard(sec.core, meetingId); return d.version === 2 && d.counts.signed === 0 ? d : null; }, 'receipts reset');
    expect(reset.counts).toMatchObject({ signed: 0, replied: 0, reconfirm: 7, notAnswered: 3, unsigned: 10 });

    for (const u of units.slice(0, 7)) await call(u.core, 'meetings.sign', { meetingId });
    const again = await waitFor(sec.core, async () => { const d = await dashboard(sec.core, meetingId); return d.counts.signed === 7 ? d : null; }, 'signed again');
    expect(again.counts).toMatchObject({ signed: 7, replied: 7, reconfirm: 0, attend: 5, leave: 1, substitute: 1, attendees: 11 });
  }, 120_000);

  it('a reply written offline before a later change is kept and flagged for re-confirmation, not lost', async () => {
    const late = units[3];
    await waitFor(late.core, async () => (await myReceipt(late.core, meetingId))?.signedVersion === 2, 'the unit has its own signature of version 2');
    await call(late.core, 'sync.setOffline', { offline: true });
    await call(sec.core, 'meetings.change', { meetingId, patch: { notes: '请着正装，携带本单位冬季安全工作汇报材料' }, reason: null });
    await waitFor(sec.core, () => settled(sec.core), 'the second change to reach the server');
    // Still seeing version 2, the unit changes its reply to one person.
    await call(late.core, 'meetings.reply', { meetingId, reply: { kind: 'attend', attendees: [person('道外区新任联络员', '联络员')], note: '人员调整' } });
    await call(late.core, 'sync.setOffline', { offline: false });
    const flagged = await waitFor(sec.core, async () => {
      const d = await dashboard(sec.core, meetingId);
      const row = d.rows.find((r) => r.unit === 'D-PINGFANG');
      return d.version === 3 && row?.attendees === 1 ? row : null;
    }, 'the stale reply to arrive');
    expect(flagged).toMatchObject({ state: 'reconfirm', needsReconfirm: true, reply: { kind: 'attend', note: '人员调整' } });
    // The unit sees version 3 with its own reply kept and flagged, and signs version 3 to confirm it.
    await waitFor(late.core, async () => {
      const d = await call(late.core, 'meetings.get', { meetingId });
      return d.meeting.version === 3 && d.myReceipt?.needsReconfirm === true && d.myReceipt.reply?.kind === 'attend' && d.myReceipt.reply.attendees.length === 1;
    }, 'the unit sees its reply flagged under version 3');
    await call(late.core, 'meetings.sign', { meetingId });
    const confirmed = await waitFor(sec.core, async () => {
      const row = (await dashboard(sec.core, meetingId)).rows.find((r) => r.unit === 'D-PINGFANG');
      return row?.state === 'attend' && row.signed ? row : null;
    }, 're-confirmation');
    expect(confirmed.attendees).toBe(1);
  }, 120_000);

  it('exports the attendee xlsx and the sign-in sheet PDF with one row per attendee, and an .ics', async () => {
    // Everyone else re-signs version 3 so the list is current.
    for (const u of units.slice(0, 7)) if (u !== units[3]) await call(u.core, 'meetings.sign', { meetingId });
    const d = await waitFor(sec.core, async () => { const x = await dashboard(sec.core, meetingId); return x.counts.signed === 7 && x.counts.replied === 7 ? x : null; }, 'all seven current');
    const expected = d.rows.flatMap((r) => (r.reply && r.reply.kind !== 'leave' ? r.reply.attendees.map((a) => a.name) : []));
    expect(expected).toHaveLength(d.counts.attendees);
    expect(expected).toHaveLength(10); // 4 units × 2, 平房 now 1, 南岗's 代会 1
    const xlsx = await call(sec.core, 'meetings.exportAttendeesXlsx', { meetingId });
    fs.writeFileSync(artifactPath('meeting-attendees.xlsx'), xlsx.data);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.data) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('参会人员')!;
    const names: string[] = [];
    ws.eachRow((row, n) => { if (n > 3) names.push(String(row.getCell(3).value)); });
    expect(names.sort()).toEqual([...expected].sort());

    const pdf = await call(sec.core, 'meetings.signInSheetPdf', { meetingId });
    const file = artifactPath('meeting-sign-in.pdf');
    fs.writeFileSync(file, pdf.data);
    expect(Buffer.from(pdf.data.subarray(0, 5)).toString()).toBe('%PDF-');
    if (hasPoppler()) {
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('签到表');
      const lines = text.split('\n');
      for (const n of expected) expect(lines.filter((l) => l.includes(n)), n).toHaveLength(1);
      expect(text).toMatch(/请假单位：[^\n]*道里/u);
    }

    const notice = await call(units[2].core, 'meetings.noticePdf', { meetingId });
    const noticeFile = artifactPath('meeting-notice.pdf');
    fs.writeFileSync(noticeFile, notice.data);
    if (hasPoppler()) {
      const text = execFileSync('pdftotext', [noticeFile, '-'], { encoding: 'utf8' }).replace(/\s+/gu, '');
      for (const s of ['关于召开全市冬季安全生产工作会议的通知', '市政府第二会议室', '通报安全生产形势', '王秘书']) expect(text, s).toContain(s);
    }

    const ics = await call(units[2].core, 'meetings.exportIcs', { meetingId });
    expect(ics.text).toContain('DTSTART;TZID=Asia/Shanghai:');
    expect(ics.text).toContain('SEQUENCE:2');
    expect((await callErr(units[2].core, 'meetings.exportAttendeesXlsx', { meetingId })).code).toBe('FORBIDDEN');
  }, 120_000);

  it('cancels; a change notice or a reply on a cancelled meeting is refused', async () => {
    await call(sec.core, 'meetings.cancel', { meetingId, reason: '因故取消' });
    expect((await callErr(sec.core, 'meetings.change', { meetingId, patch: { place: '别处' }, reason: null })).code).toBe('MEETING_CANCELLED');
    const u = units[8];
    await waitFor(u.core, async () => (await call(u.core, 'meetings.get', { meetingId })).meeting.status === 'cancelled', 'the cancellation to arrive');
    expect((await callErr(u.core, 'meetings.reply', { meetingId, reply: { kind: 'leave', reason: '无' } })).code).toBe('MEETING_CANCELLED');
    expect(notifications.get(UNIT_CODES[8])).toContain('会议取消通知');
  }, 120_000);
});
