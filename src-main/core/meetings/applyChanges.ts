/**
 * Meeting changes pulled from the unit's stream, applied inside the page's one transaction (sync/applyPage.ts):
 * upsert the server state, rebase pending local mutations, and notify the unit of reminders, changes and cancellations.
 */
import type { CoreEvent } from '../../../shared/ipc/contract.ts';
import type { Change } from '../../../shared/sync/protocol.ts';
import { MeetingReceiptSchema, MeetingSchema } from '../../../shared/schemas/meetings.ts';
import type { Db } from '../store/db.ts';
import { registerChangeApplier, type ApplierEffects } from '../sync/appliers.ts';
import { writeServerMeeting, writeServerReceipt } from './rows.ts';

type Notify = Extract<CoreEvent, { type: 'notify' }>;
type MeetingChange = Extract<Change, { entity: 'meeting' | 'meetingReceipt' }>;

export function isMeetingChange(c: Change): c is MeetingChange {
  return c.entity === 'meeting' || c.entity === 'meetingReceipt';
}

function applyMeetingChange(db: Db, c: MeetingChange, me: { unit: string; actor: string }, out: { entities: Set<string>; notifications: Notify[] }): void {
  if (c.entity === 'meeting') {
    const m = c.data;
    const prev = db.prepare('SELECT server_data FROM meetings WHERE id = ?').get(m.id) as { server_data: string | null } | undefined;
    const before = prev?.server_data ? MeetingSchema.parse(JSON.parse(prev.server_data)) : null;
    writeServerMeeting(db, m, { actor: me.actor });
    out.entities.add('meetings');
    if (m.organiserUnit === me.unit || !before) return;
    if (m.status === 'cancelled' && before.status !== 'cancelled') {
      out.notifications.push({ type: 'notify', kind: 'remind', title: '会议取消通知', body: `${m.title}：${m.cancelReason ?? '会议已取消'}`, documentId: null, meetingId: m.id });
    } else if (m.version > before.version) {
      const what = m.changes.at(-1)?.diff.map((d) => d.label).join('、') ?? '';
      out.notifications.push({ type: 'notify', kind: 'remind', title: '会议变更通知', body: `${m.title}：${what}有变更，请重新签收`, documentId: null, meetingId: m.id });
    }
    return;
  }
  const r = c.data;
  const prev = db.prepare('SELECT server_data FROM meeting_receipts WHERE meeting_id = ? AND unit = ?').get(r.meetingId, r.unit) as { server_data: string | null } | undefined;
  const before = prev?.server_data ? MeetingReceiptSchema.parse(JSON.parse(prev.server_data)) : null;
  writeServerReceipt(db, r, { actor: me.actor });
  out.entities.add('meetingReceipts');
  if (r.unit === me.unit && before && r.remindCount > before.remindCount) {
    const m = db.prepare('SELECT data FROM meetings WHERE id = ?').get(r.meetingId) as { data: string } | undefined;
    const title = m ? MeetingSchema.parse(JSON.parse(m.data)).title : '会议通知';
    out.notifications.push({
      type: 'notify', kind: 'remind', title: '会议催办', documentId: null, meetingId: r.meetingId,
      body: `${title}：${r.lastRemindMessage ?? '请尽快签收并报送回执'}（第${r.remindCount}次催办）`,
    });
  }
}

function applier(db: Db, c: Change, me: { unit: string; actor: string }): ApplierEffects {
  const out = { entities: new Set<string>(), notifications: [] as Notify[] };
  if (isMeetingChange(c)) applyMeetingChange(db, c, me, out);
  return { entities: [...out.entities], notifications: out.notifications };
}

/** Registered once, when the meetings feature is loaded by the core. An epoch reset empties both tables. */
export function registerMeetingAppliers(): void {
  registerChangeApplier('meeting', applier, ['meeting_receipts', 'meetings']);
  registerChangeApplier('meetingReceipt', applier);
}
