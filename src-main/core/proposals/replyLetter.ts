/** The reply letter (答复函, 信函 format of GB/T 9704) of an answered item, rendered by the PDF engine. */
import { AppError } from '../../../shared/errors.ts';
import { shanghaiDate } from '../../../shared/domain/workdays.ts';
import { OUTCOME_LABELS, PROPOSAL_KIND_LABELS, type Proposal } from '../../../shared/schemas/proposals.ts';
import { renderGongwen } from '../pdf/gongwen/render.ts';

export function replyLetterSpec(item: Proposal, unitName: string) {
  if (!item.replyText || !item.outcome) throw new AppError('PROPOSAL_BAD_STATE', { reason: 'no reply yet' });
  const kind = PROPOSAL_KIND_LABELS[item.kind];
  const who = item.kind === 'suggestion' ? '代表' : '委员';
  return {
    format: 'letter' as const,
    organMark: unitName,
    title: `关于${item.session}第${item.number}号${kind}的答复`,
    mainRecipients: `${item.leadAuthor}${who}`,
    body: [
      `您提出的《${item.title}》收悉。现答复如下：`,
      ...item.replyText.split(/\n+/).map((s) => s.trim()).filter(Boolean),
      `办理结果类别：${item.outcome}类（${OUTCOME_LABELS[item.outcome]}）。`,
      '感谢您对我们工作的关心和支持。',
    ],
    signature: unitName,
    date: item.answeredAt ? shanghaiDate(item.answeredAt) : shanghaiDate(new Date()),
    meta: { createdAt: item.answeredAt ?? undefined, author: unitName },
  };
}

export async function renderReplyLetter(item: Proposal, unitName: string): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = await renderGongwen(replyLetterSpec(item, unitName));
  return new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
}
