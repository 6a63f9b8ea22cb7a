/**
 * The server as the authority for meeting notices, on SQLite and PostgreSQL: who may send and answer, who sees what in
 * the change streams, the deadline (with the offline grace), attendee limits, change notices on cancelled meetings,
 * stale change notices, and exactly-once replays.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDraft } from '../../shared/schemas/meetings.ts';
import { OFFLINE_REPLY_GRACE_MS } from '../../shared/domain/meetingsValidate.ts';
import { api, BACKENDS, login, mutation, pdfBytes, push, startTestServer, type TestServer } from '../server/harness.ts';
import { latest, pullAll, uploadPdf } from '../server/builders.ts';

const HOUR = 3600_000;
const UNITS = ['D-DAOLI', 'D-NANGANG', 'D-DAOWAI'];

describe.each(BACKENDS)('meeting notices on the %s server', (backend) => {
  let server: TestServer;
  let clock = Date.now();
  const tokens: Record<string, string> = {};
  const draft = (over: Partial<MeetingDraft> = {}): MeetingDraft => ({
    title: '专题会议', type: 'special', startAt: new Date(clock + 48 * HOUR).toISOString(), endAt: new Date(clock + 50 * HOUR).toISOString(),
    place: '市政府第三会议室', room: '第三会议室', organiserName: '市政府办公厅', contactName: '王秘书', contactPhone: '86000000',
    attendance: { slots: [{ role: '分管领导', count: 1 }], extraAllowed: 1 }, attendanceByUnit: [], agenda: [], notes: null,
    replyDeadline: new Date(clock + 24 * HOUR).toISOString(), materials: [], urgency: 'normal', recipients: UNITS, ...over,
  });
  const attend = (...names: string[]) => ({ kind: 'attend' as const, attendees: names.map((name) => ({ name, title: '副局长', phone: '139' })), note: null });
  const send = async (over: Partial<MeetingDraft> = {}, token = tokens.sec) => {
    const meetingId = uuidv7();
    const [r] = await push(server.url, token, [mutation({ type: 'meeting.send', payload: { ...draft(over), meetingId } })]);
    return { meetingId, result: r };
  };

  beforeAll(async () => {
    server = await startTestServer(backend, { now: () => new Date(clock), settings: { sessionTtlMs: 30 * 24 * HOUR } });
    for (const [key, user] of [['sec', 'bgt.secretary'], ['clerk', 'bgt.clerk'], ['D-DAOLI', 'daoli.clerk'], ['D-NANGANG', 'nangang.clerk'], ['D-DAOWAI', 'daowai.clerk'], ['B-FGW', 'fgw.clerk']]) {
      tokens[key] = (await login(server.url, user)).token;
    }
  });
  afterAll(async () => {
    await server?.close();
    await server?.store.drop();
  });

  it('only a secretary sends; each unit sees the notice and only its own receipt; outsiders see nothing', async () => {
    expect((await send({}, tokens.clerk)).result).toMatchObject({ status: 'rejected', error: { code: 'FORBIDDEN' } });
    const { meetingId, result } = await send();
    expect(result.status).toBe('applied');
    const org = await pullAll(server.url, tokens.sec);
    expect([...latest(org.changes, 'meetingReceipt').values()].filter((r) => r.meetingId === meetingId).map((r) => r.unit).sort()).toEqual([...UNITS].sort());
    const daoli = await pullAll(server.url, tokens['D-DAOLI']);
    expect(latest(daoli.changes, 'meeting').get(meetingId)?.version).toBe(1);
    expect([...latest(daoli.changes, 'meetingReceipt').values()].map((r) => r.unit)).toEqual(['D-DAOLI']);
    const fgw = await pullAll(server.url, tokens['B-FGW']);
    expect(latest(fgw.changes, 'meeting').has(meetingId)).toBe(false);
    const [outsider] = await push(server.url, tokens['B-FGW'], [mutation({ type: 'meeting.reply', payload: { meetingId, noticeVersion: 1, reply: attend('某人') } })]);
    expect(outsider).toMatchObject({ status: 'rejected', error: { code: 'NOT_FOUND' } });
  });

  it('refuses an end before the start, too many attendees, and a late reply — but keeps one written offline in time', async () => {
    expect((await send({ endAt: new Date(clock + 47 * HOUR).toISOString() })).result.error?.code).toBe('MEETING_TIME_INVALID');
    const { meetingId } = await send();
    const [tooMany] = await push(server.url, tokens['D-DAOLI'], [mutation({ type: 'meeting.reply', payload: { meetingId, noticeVersion: 1, reply: attend('甲', '乙', '丙') } })]);
    expect(tooMany.error?.code).toBe('MEETING_TOO_MANY_ATTENDEES');
    const writtenOffline = new Date(clock + 23 * HOUR).toISOString();
    clock += 25 * HOUR; // past the deadline, within the grace
    const [late] = await push(server.url, tokens['D-NANGANG'], [{ ...mutation({ type: 'meeting.reply', payload: { meetingId, noticeVersion: 1, reply: attend('甲') } }), clientTime: new Date(clock).toISOString() }]);
    expect(late.error?.code).toBe('DEADLINE_PASSED');
    const [offline] = await push(server.url, tokens['D-DAOWAI'], [{ ...mutation({ type: 'meeting.reply', payload: { meetingId, noticeVersion: 1, reply: attend('乙') } }), clientTime: writtenOffline }]);
    expect(offline.status).toBe('applied');
    clock += OFFLINE_REPLY_GRACE_MS;
    const [tooLate] = await push(server.url, tokens['D-DAOLI'], [{ ...mutation({ type: 'meeting.reply', payload: { meetingId, noticeVersion: 1, reply: attend('丙') } }), clientTime: writtenOffline }]);
    expect(tooLate.error?.code).toBe('DEADLINE_PASSED');
    clock -= 25 * HOUR + OFFLINE_REPLY_GRACE_MS;
  });

  it('a change notice resets receipts; a stale one is a CONFLICT; a cancelled meeting refuses changes and replies', async () => {
    const { meetingId } = await send();
    await push(server.url, tokens['D-DAOLI'], [mutation({ type: 'meeting.reply', payload: { meetingId, noticeVersion: 1, reply: attend('甲') } })]);
    const change = (baseVersion: number, place: string) => mutation({ type: 'meeting.change', payload: { meetingId, baseVersion, patch: { place }, reason: null } });
    expect((await push(server.url, tokens.sec, [change(1, '第五会议室')]))[0].status).toBe('applied');
    expect((await push(server.url, tokens.sec, [change(1, '第六会议室')]))[0].error?.code).toBe('CONFLICT');
    const r = latest((await pullAll(server.url, tokens['D-DAOLI'])).changes, 'meetingReceipt');
    expect([...r.values()].find((x) => x.meetingId === meetingId)).toMatchObject({ signedAt: null, needsReconfirm: true, replyVersion: 1 });
    expect((await push(server.url, tokens['D-DAOLI'], [mutation({ type: 'meeting.cancel', payload: { meetingId, reason: '无权' } })]))[0].error?.code).toBe('FORBIDDEN');
    expect((await push(server.url, tokens.sec, [mutation({ type: 'meeting.cancel', payload: { meetingId, reason: '改期' } })]))[0].status).toBe('applied');
    expect((await push(server.url, tokens.sec, [change(2, '第七会议室')]))[0].error?.code).toBe('MEETING_CANCELLED');
    expect((await push(server.url, tokens['D-NANGANG'], [mutation({ type: 'meeting.reply', payload: { meetingId, noticeVersion: 2, reply: attend('乙') } })]))[0].error?.code).toBe('MEETING_CANCELLED');
  });

  it('applies a replayed 催办 once, and only to units that have not answered', async () => {
    const { meetingId } = await send();
    await push(server.url, tokens['D-DAOLI'], [mutation({ type: 'meeting.reply', payload: { meetingId, noticeVersion: 1, reply: attend('甲') } })]);
    const remind = mutation({ type: 'meeting.remind', payload: { meetingId, units: UNITS, message: '请回执' } });
    const first = await push(server.url, tokens.sec, [remind]);
    const again = await push(server.url, tokens.sec, [remind]);
    expect(again).toEqual(first);
    const receipts = [...latest((await pullAll(server.url, tokens.sec)).changes, 'meetingReceipt').values()].filter((r) => r.meetingId === meetingId);
    expect(Object.fromEntries(receipts.map((r) => [r.unit, r.remindCount]))).toEqual({ 'D-DAOLI': 0, 'D-NANGANG': 1, 'D-DAOWAI': 1 });
    const [outsider] = await push(server.url, tokens.sec, [mutation({ type: 'meeting.remind', payload: { meetingId, units: ['B-FGW'], message: null } })]);
    expect(outsider.error?.code).toBe('MEETING_NOT_INVITED');
  });

  it('distributes materials and 纪要 to the invited units only; a file not uploaded is refused', async () => {
    const agenda = await uploadPdf(server.url, tokens.sec, pdfBytes(30_000), '议程.pdf');
    const { meetingId, result } = await send({ materials: [agenda] });
    expect(result.status).toBe('applied');
    const minutes = await uploadPdf(server.url, tokens.sec, pdfBytes(25_000), '会议纪要.pdf');
    const [ok] = await push(server.url, tokens.sec, [mutation({ type: 'meeting.minutes', payload: { meetingId, minutes: [minutes], note: '经会议研究' } })]);
    expect(ok.status).toBe('applied');
    const seen = latest((await pullAll(server.url, tokens['D-NANGANG'])).changes, 'meeting').get(meetingId);
    expect(seen?.minutes.map((f) => f.name)).toEqual(['会议纪要.pdf']);
    for (const f of [agenda, minutes]) {
      expect((await api(server.url, 'GET', `/blobs/${f.sha256}`, { token: tokens['D-NANGANG'] })).status).toBe(200);
      expect((await api(server.url, 'GET', `/blobs/${f.sha256}`, { token: tokens['B-FGW'] })).status).not.toBe(200);
    }
    const missing = { sha256: 'e'.repeat(64), name: '未上传.pdf', size: 100, kind: 'pdf' as const };
    const [refused] = await push(server.url, tokens.sec, [mutation({ type: 'meeting.minutes', payload: { meetingId, minutes: [missing], note: null } })]);
    expect(refused.error?.code).toBe('DOC_BLOB_MISSING');
  });
});
