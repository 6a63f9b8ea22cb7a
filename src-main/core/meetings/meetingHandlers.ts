/** meetings.* : every meeting-notice operation of the contract, on the local store (works offline). */
import { AppError } from '../../../shared/errors.ts';
import type { Contract } from '../../../shared/ipc/contract.ts';
import type { Handlers } from '../../../shared/ipc/define.ts';
import type { CoreContext } from '../context.ts';
import { unitName } from '../directory/directoryStore.ts';
import { registerMeetingAppliers } from './applyChanges.ts';
import { attendeesXlsx, icsFile, signInSheetPdf } from './exports.ts';
import { noticePdf } from './noticePdf.ts';
import { addMinutes, cancel, changeMeeting, remind, sendMeeting, validateSend } from './organise.ts';
import { dashboard, deleteDraft, detail, list, listDrafts, requireVisible, roomConflicts, saveDraft } from './queries.ts';
import { reply, sign } from './respond.ts';
import { receiptRows } from './rows.ts';

const OK = { ok: true as const };
const CHANGED = ['meetings', 'meetingReceipts', 'outbox'];

export function meetingHandlers(ctx: CoreContext): Handlers<Contract>['meetings'] {
  registerMeetingAppliers();
  const organiserView = (meetingId: string) => {
    const p = ctx.requireProfile();
    const d = detail(p.db, p.unit, meetingId);
    if (d.role !== 'organiser') throw new AppError('FORBIDDEN', { meetingId }, '只有会议组织单位可以导出参会名单');
    const nameOf = (u: string) => unitName(p.db, u);
    const receipts = receiptRows(p.db, meetingId).map((r) => r.view);
    return { m: d.meeting, receipts, nameOf };
  };
  return {
    list(q) {
      const p = ctx.requireProfile();
      return list(p.db, p.unit, q);
    },
    get({ meetingId }) {
      const p = ctx.requireProfile();
      return detail(p.db, p.unit, meetingId);
    },
    saveDraft({ id, draft }) {
      return ctx.write(['meetingDrafts'], (p) => saveDraft(p.db, id, draft));
    },
    listDrafts() {
      return listDrafts(ctx.requireProfile().db);
    },
    deleteDraft({ id }) {
      ctx.write(['meetingDrafts'], (p) => deleteDraft(p.db, id));
      return OK;
    },
    checkRoom({ meetingId, room, place, startAt, endAt }) {
      return roomConflicts(ctx.requireProfile().db, { id: meetingId, room, place, startAt, endAt });
    },
    send(input) {
      const { draftId, ...draft } = input;
      validateSend(ctx.requireProfile(), draft);
      const meetingId = ctx.write(CHANGED, (p) => sendMeeting(p, draft, draftId));
      const p = ctx.requireProfile();
      return { meetingId, roomConflicts: roomConflicts(p.db, { ...draft, id: meetingId }) };
    },
    change({ meetingId, patch, reason }) {
      return { version: ctx.write(CHANGED, (p) => changeMeeting(p, meetingId, patch, reason)) };
    },
    cancel({ meetingId, reason }) {
      ctx.write(CHANGED, (p) => cancel(p, meetingId, reason));
      return OK;
    },
    sign({ meetingId }) {
      ctx.write(CHANGED, (p) => sign(p, meetingId));
      return OK;
    },
    reply({ meetingId, reply: answer }) {
      ctx.write(CHANGED, (p) => reply(p, meetingId, answer));
      return OK;
    },
    remind({ meetingId, units, message }) {
      return { reminded: ctx.write(CHANGED, (p) => remind(p, meetingId, units, message)) };
    },
    minutes({ meetingId, minutes, note }) {
      ctx.write(CHANGED, (p) => addMinutes(p, meetingId, minutes, note));
      return OK;
    },
    dashboard({ meetingId }) {
      const p = ctx.requireProfile();
      return dashboard(p.db, p.unit, meetingId);
    },
    exportIcs({ meetingId }) {
      const p = ctx.requireProfile();
      return icsFile(requireVisible(p.db, p.unit, meetingId).view, p.unit);
    },
    async exportAttendeesXlsx({ meetingId }) {
      const v = organiserView(meetingId);
      return attendeesXlsx(v.m, v.receipts, v.nameOf);
    },
    async noticePdf({ meetingId }) {
      const p = ctx.requireProfile();
      return noticePdf(requireVisible(p.db, p.unit, meetingId).view, (u) => unitName(p.db, u));
    },
    async signInSheetPdf({ meetingId }) {
      const v = organiserView(meetingId);
      return signInSheetPdf(v.m, v.receipts, v.nameOf);
    },
  };
}
