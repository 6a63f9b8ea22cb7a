/**
 * What pending local meeting mutations do to the server state before the server confirms them (pure). The same fold
 * rebases pending changes on top of newer server state after a pull. A mutation the rules refuse on the newer state
 * is left out of the view (the server will reject it and the rejection is shown).
 */
import { AppError } from '../../../shared/errors.ts';
import { applyChange, attachMinutes, cancelMeeting } from '../../../shared/domain/meetingsChange.ts';
import { applyRemind, applyReply, applySign, needsReminder, newReceipt, resetForChange } from '../../../shared/domain/meetingsReceipts.ts';
import type { Meeting, MeetingReceipt } from '../../../shared/schemas/meetings.ts';
import type { MutationBody } from '../../../shared/sync/protocol.ts';

export interface Me { actor: string }
export interface Pending { body: MutationBody; at: string }

function tolerant<T>(fallback: T, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AppError) return fallback;
    throw e;
  }
}

/** `base` is the server state, or the notice as written locally while its meeting.send is still pending. */
export function foldMeeting(base: Meeting, pending: readonly Pending[], me: Me): Meeting {
  let m = base;
  for (const { body, at } of pending) {
    const cur: Meeting = m;
    if (body.type === 'meeting.change') m = tolerant(cur, () => applyChange(cur, { ...body.payload, by: me.actor, now: at }).meeting);
    else if (body.type === 'meeting.cancel') m = tolerant(cur, () => cancelMeeting(cur, body.payload.reason, at));
    else if (body.type === 'meeting.minutes') m = tolerant(cur, () => attachMinutes(cur, body.payload.minutes, body.payload.note, at));
  }
  return m;
}

/**
 * A receipt's view: server state (or a fresh one while the notice itself is pending) + pending change/sign/reply/remind,
 * replayed in outbox order against the notice version each step sees.
 */
export function foldReceipt(
  server: MeetingReceipt | null, serverMeeting: Meeting | null, view: Meeting, unit: string, pending: readonly Pending[], me: Me, placeholderId: string,
): MeetingReceipt {
  let r = server ?? newReceipt(view, unit, placeholderId, view.sentAt);
  let version = serverMeeting?.version ?? 1;
  let status = serverMeeting?.status ?? view.status;
  for (const { body, at } of pending) {
    switch (body.type) {
      case 'meeting.change':
        if (body.payload.baseVersion === version && status !== 'cancelled') {
          version += 1;
          r = resetForChange(r, at);
        }
        break;
      case 'meeting.cancel':
        status = 'cancelled';
        break;
      case 'meeting.sign':
        r = applySign(r, { version }, { noticeVersion: body.payload.noticeVersion, by: me.actor, at });
        break;
      case 'meeting.reply':
        r = applyReply(r, { version }, { noticeVersion: body.payload.noticeVersion, reply: body.payload.reply, by: me.actor, at });
        break;
      case 'meeting.remind':
        if (body.payload.units.includes(unit) && needsReminder(r, { version, status })) r = applyRemind(r, { message: body.payload.message, at });
        break;
      default:
        break;
    }
  }
  return r;
}
