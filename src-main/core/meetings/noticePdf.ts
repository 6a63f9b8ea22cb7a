/** The printable notice (会议通知, GB/T 9704 layout) through the PDF engine's 'meeting-notice' format. */
import { describeRequirement } from '../../../shared/domain/meetingsChange.ts';
import { formatShanghai, formatShanghaiRange, shanghaiDayKey } from '../../../shared/domain/meetingsTime.ts';
import { requirementFor } from '../../../shared/domain/meetingsValidate.ts';
import type { Meeting } from '../../../shared/schemas/meetings.ts';
import { renderGongwen } from '../pdf/gongwen/render.ts';
import { safeFileName } from './exports.ts';

/** One line of text as the engine accepts it: no control characters, within its length. */
const line = (s: string, max: number) => s.replace(/[\u0000-\u001f\u007f]+/gu, ' ').trim().slice(0, max);

export function noticeSpec(m: Meeting, nameOf: (unit: string) => string) {
  const names = m.recipients.map(nameOf).join('、');
  const special = m.attendanceByUnit.map((a) => `${nameOf(a.unit)}：${describeRequirement(a.requirement)}`);
  return {
    format: 'meeting-notice' as const,
    ...(m.urgency === 'extra-urgent' ? { urgency: '特急' as const } : m.urgency === 'urgent' ? { urgency: '加急' as const } : {}),
    organMark: line(`${m.organiserName}文件`, 30),
    title: line(`关于召开${m.title}的通知`, 100),
    mainRecipients: names.length <= 480 ? `${names}：` : '各有关单位：',
    meeting: {
      name: line(m.title, 120),
      time: line(formatShanghaiRange(m.startAt, m.endAt), 120),
      place: line(m.place, 200),
      attendees: [line(`各单位${describeRequirement(m.attendance)}`, 500), ...special.map((s) => line(s, 500))].slice(0, 50),
      agenda: m.agenda.map((a) => line(`${a.topic}${a.presenter ? `（${a.presenter}）` : ''}`, 500)),
      requirements: [
        ...(m.notes ? [line(m.notes, 500)] : []),
        line(`请于${formatShanghai(m.replyDeadline)}前通过协同办公系统报送参会回执`, 500),
      ],
      contact: line(`联系人：${m.contactName}，联系电话：${m.contactPhone}`, 200),
    },
    attachments: m.materials.map((f) => ({ name: line(f.name.replace(/\.[a-z0-9]+$/iu, ''), 120) })),
    signature: line(m.organiserName, 60),
    date: shanghaiDayKey(m.sentAt),
    meta: { createdAt: m.updatedAt },
  };
}

export async function noticePdf(m: Meeting, nameOf: (unit: string) => string): Promise<{ fileName: string; data: Uint8Array<ArrayBuffer> }> {
  const data = await renderGongwen(noticeSpec(m, nameOf));
  return { fileName: safeFileName(`${m.title}-会议通知`, 'pdf'), data: new Uint8Array(data) };
}
