/** documents.* : every document-exchange operation of the contract, on the local store (works offline). */
import type { Contract } from '../../../shared/ipc/contract.ts';
import type { Handlers } from '../../../shared/ipc/define.ts';
import type { CoreContext } from '../context.ts';
import { addRecipients, deliveryAction, markRead } from './deliveryActions.ts';
import { deleteDraft, listDrafts, saveDraft } from './drafts.ts';
import { counts, detail, inbox, sent } from './queries.ts';
import { search } from './search.ts';
import { sendDocument, validateSend } from './send.ts';

const OK = { ok: true as const };

export function documentHandlers(ctx: CoreContext): Handlers<Contract>['documents'] {
  const changed = ['documents', 'deliveries', 'outbox'];
  return {
    inbox(input) {
      const p = ctx.requireProfile();
      return inbox(p.db, p.unit, input);
    },
    sent({ offset, limit }) {
      const p = ctx.requireProfile();
      return sent(p.db, p.unit, offset, limit);
    },
    get({ documentId }) {
      const p = ctx.requireProfile();
      return detail(p.db, p.unit, documentId);
    },
    send(input) {
      const { confirmNonClassified: _c, draftId, ...draft } = input;
      validateSend(ctx.requireProfile(), draft);
      return { documentId: ctx.write(changed, (p) => sendDocument(p, draft, draftId)) };
    },
    addRecipients({ documentId, mainTo, copyTo }) {
      ctx.write(changed, (p) => addRecipients(p, documentId, mainTo, copyTo));
      return OK;
    },
    markRead({ deliveryId }) {
      ctx.write(changed, (p) => markRead(p, deliveryId));
      return OK;
    },
    sign({ deliveryId, opinion }) {
      ctx.write(changed, (p) => deliveryAction(p, 'sign', deliveryId, { type: 'delivery.sign', payload: { deliveryId, opinion } }));
      return OK;
    },
    refuse({ deliveryId, reason }) {
      ctx.write(changed, (p) => deliveryAction(p, 'refuse', deliveryId, { type: 'delivery.refuse', payload: { deliveryId, reason } }));
      return OK;
    },
    register({ deliveryId }) {
      ctx.write(changed, (p) => deliveryAction(p, 'register', deliveryId, { type: 'delivery.register', payload: { deliveryId } }));
      return OK;
    },
    recall({ deliveryId }) {
      ctx.write(changed, (p) => deliveryAction(p, 'recall', deliveryId, { type: 'delivery.recall', payload: { deliveryId } }));
      return OK;
    },
    remind({ deliveryIds, message }) {
      const reminded = ctx.write(changed, (p) => {
        let n = 0;
        for (const deliveryId of new Set(deliveryIds)) {
          if (deliveryAction(p, 'remind', deliveryId, { type: 'delivery.remind', payload: { deliveryId, message } }, false)) n++;
        }
        return n;
      });
      return { reminded };
    },
    search({ query, limit }) {
      const p = ctx.requireProfile();
      return search(p.db, p.unit, query, limit);
    },
    saveDraft({ id, draft }) {
      return ctx.write(['drafts'], (p) => saveDraft(p.db, id, draft));
    },
    listDrafts() {
      return listDrafts(ctx.requireProfile().db);
    },
    deleteDraft({ id }) {
      ctx.write(['drafts'], (p) => deleteDraft(p.db, id));
      return OK;
    },
    counts() {
      const p = ctx.requireProfile();
      return counts(p.db, p.unit);
    },
  };
}
