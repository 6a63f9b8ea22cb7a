/** The meeting mutation handlers, spread into the server's handler map (sync/handlers.ts), applied exactly once. */
import type { MutationOf, MutationType } from '../../shared/sync/protocol.ts';
import type { Actor } from '../context.ts';
import type { UnitOfWork } from '../sync/unitOfWork.ts';
import { addMinutes, cancelMeetingMutation, changeMeeting, remindUnits, sendMeeting } from './organise.ts';
import { replyMeeting, signMeeting } from './respond.ts';

type Handler<T extends MutationType> = (uow: UnitOfWork, actor: Actor, m: MutationOf<T>) => Promise<void>;
type MeetingType = Extract<MutationType, `meeting.${string}`>;

export const MEETING_HANDLERS: { [T in MeetingType]: Handler<T> } = {
  'meeting.send': sendMeeting,
  'meeting.change': changeMeeting,
  'meeting.cancel': cancelMeetingMutation,
  'meeting.sign': signMeeting,
  'meeting.reply': replyMeeting,
  'meeting.remind': remindUnits,
  'meeting.minutes': addMinutes,
};
