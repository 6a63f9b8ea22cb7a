/** The reply letter (答复函, 信函 format of GB/T 9704) of an answered item, rendered by the PDF engine. */
import { AppError } from '../../../shared/errors.ts';
import { shanghaiDate } from '../../../shared/domain/workdays.ts';
import { can } from '../../../shared/domain/permissions.ts';
import { applyProposalAction } from '../../../shared/domain/proposalsStateMachine.ts';
import { CN_CALENDAR } from '../../../shared/domain/workdays.ts';
import { OUTCOME_LABELS, PROPOSAL_KIND_LABELS, type Outcome, type Proposal } from '../../../shared/schemas/proposals.ts';
import type { AttachmentRef } from '../../../shared/schemas/blobs.ts';
import type { Mutation } from '../../../shared/sync/protocol.ts';
import { renderGongwen } from '../pdf/gongwen/render.ts';
import { stageBlob } from '../blobs/stage.ts';
import { unitName } from '../directory/directoryStore.ts';
import type { Profile } from '../profile.ts';
import { getProposal } from './store.ts';
import { actorOf } from './actions.ts';

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

/** The file name the reply letter is staged and attached under. */
export function replyLetterFileName(item: Pick<Proposal, 'session' | 'number'>): string {
  return `${item.session}第${item.number}号答复函.pdf`;
}

/**
 * Renders the letter the lead unit's reply will carry and stages it as a blob (uploaded by the push before the reply).
 * Null when the reply cannot be this unit's (unknown item, not the lead unit, no right): the transition then refuses it.
 */
export async function stageReplyLetter(p: Profile, proposalId: string, outcome: Outcome, text: string, now = new Date().toISOString()): Promise<AttachmentRef | null> {
  if (!can(p.session.user.roles, 'proposals.handle')) return null;
  const item = getProposal(p.db, proposalId)?.item;
  if (!item) return null;
  // dry run of the transition: no letter is rendered for a reply the state machine refuses
  const r = applyProposalAction(item, { type: 'reply', outcome, text, letter: null }, { actor: actorOf(p), now, calendar: CN_CALENDAR });
  if (!r.ok) return null;
  return stageBlob(p, replyLetterFileName(item), await renderReplyLetter(r.item, unitName(p.db, p.unit)));
}

/** The blobs a queued proposal mutation names (the reply letter), uploaded before it by the push. */
export function proposalFilesOf(m: Mutation): AttachmentRef[] {
  return m.type === 'proposal.reply' && m.payload.letter ? [m.payload.letter] : [];
}
