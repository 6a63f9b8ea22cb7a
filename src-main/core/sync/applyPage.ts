/**
 * Applies one pulled page and its new cursor in ONE SQLite transaction. Upserts by id, so applying a page twice is
 * harmless; a crash before commit leaves the old cursor and the page is simply pulled again.
 */
import { ChangeSchema, type PullResponse } from '../../../shared/sync/protocol.ts';
import type { CoreEvent } from '../../../shared/ipc/contract.ts';
import type { Delivery, OfficialDocument } from '../../../shared/schemas/documents.ts';
import { URGENCIES, URGENCY_LABELS, URGENCY_RANK } from '../../../shared/schemas/documents.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Db } from '../store/db.ts';
import { writeDocument, writeServerDelivery } from '../store/records.ts';
import { q } from '../store/statements.ts';
import { writeSyncState } from './syncState.ts';
import { applierFor, extraReplicaTables } from './appliers.ts';

const URGENT_NOTICE_WINDOW_MS = 24 * 3600_000;
const MAX_URGENT_NOTICES_PER_PAGE = 3;

export interface PageEffects {
  entities: Set<string>;
  notifications: Extract<CoreEvent, { type: 'notify' }>[];
  applied: number;
}

export interface PageInput {
  epoch: string;
  unit: string;
  changes: unknown[];
  cursor: number;
  hasMore: boolean;
}

export function applyPage(db: Db, page: PageInput, me: { unit: string; actor: string }): PageEffects {
  if (page.unit !== me.unit) throw new AppError('FORBIDDEN', { streamUnit: page.unit }, '收到的同步数据不属于本单位');
  const changes: PullResponse['changes'] = page.changes.map((c) => {
    const r = ChangeSchema.safeParse(c);
    if (!r.success) throw new AppError('INTERNAL', { httpStatus: 502, issues: r.error.issues.slice(0, 3) }, '服务器同步数据格式不符');
    return r.data;
  });
  const effects: PageEffects = { entities: new Set(), notifications: [], applied: 0 };
  db.transaction(() => {
    const newDeliveries: Delivery[] = [];
    for (const c of changes) {
      if (c.entity === 'document') {
        writeDocument(db, c.data as OfficialDocument, true);
        effects.entities.add('documents');
      } else if (c.entity === 'delivery') {
        const before = q(db, "SELECT json_extract(server_data, '$.remindCount') AS remind FROM deliveries WHERE id = ?").get(c.data.id) as { remind: number | null } | undefined;
        writeServerDelivery(db, c.data, me.actor);
        effects.entities.add('deliveries');
        if (c.data.recipientUnit === me.unit) {
          if (!before && c.data.status === 'delivered') newDeliveries.push(c.data);
          if (before?.remind != null && c.data.remindCount > before.remind && c.data.status === 'delivered') {
            const doc = q(db, 'SELECT title FROM documents WHERE id = ?').get(c.data.documentId) as { title: string } | undefined;
            effects.notifications.push({
              type: 'notify', kind: 'remind', title: '催办提醒', documentId: c.data.documentId,
              body: `${doc?.title ?? '来文'}：${c.data.lastRemindMessage ?? '请尽快签收'}（第${c.data.remindCount}次催办）`,
            });
          }
        }
      } else {
        const fx = applierFor(c.entity)?.(db, c, me);
        for (const e of fx?.entities ?? []) effects.entities.add(e);
        effects.notifications.push(...(fx?.notifications ?? []));
      }
      effects.applied++;
    }
    // Notify urgent arrivals of the last day only (a fresh client's bootstrap must not replay years of alerts), and
    // fold more than a few in one page into a single notice.
    const urgentNotices: Extract<CoreEvent, { type: 'notify' }>[] = [];
    const recentSince = Date.now() - URGENT_NOTICE_WINDOW_MS;
    for (const d of newDeliveries) {
      if (Date.parse(d.deliveredAt) < recentSince) continue;
      const doc = q(db, 'SELECT title, urgency_rank FROM documents WHERE id = ?').get(d.documentId) as { title: string; urgency_rank: number } | undefined;
      const urgency = URGENCIES.find((u) => URGENCY_RANK[u] === doc?.urgency_rank);
      if (doc && urgency && urgency !== 'normal') {
        urgentNotices.push({ type: 'notify', kind: 'urgent-document', title: `${URGENCY_LABELS[urgency]}来文`, body: doc.title, documentId: d.documentId });
      }
    }
    if (urgentNotices.length > MAX_URGENT_NOTICES_PER_PAGE) {
      effects.notifications.push({ type: 'notify', kind: 'urgent-document', title: '紧急来文', body: `收到 ${urgentNotices.length} 件特急/加急来文，请及时签收`, documentId: null });
    } else {
      effects.notifications.push(...urgentNotices);
    }
    writeSyncState(db, { epoch: page.epoch, cursor: page.cursor, lastSyncedAt: new Date().toISOString() });
  })();
  return effects;
}

/**
 * The server was restored (epoch changed): drop the replica and start again from cursor 0. The outbox and drafts stay,
 * and so do documents sent here that the server has not confirmed yet (they are only in the outbox).
 */
export function wipeReplica(db: Db, epoch: string): void {
  db.transaction(() => {
    db.prepare('DELETE FROM deliveries').run();
    for (const t of extraReplicaTables()) db.prepare(`DELETE FROM "${t.replace(/"/g, '')}"`).run();
    const kept = "SELECT entity_id FROM outbox WHERE type = 'document.send'";
    db.prepare(`DELETE FROM doc_search WHERE rowid IN (SELECT search_rowid FROM documents WHERE id NOT IN (${kept}))`).run();
    db.prepare(`DELETE FROM documents WHERE id NOT IN (${kept})`).run();
    db.prepare('UPDATE documents SET server_data = NULL, pending = 1').run();
    writeSyncState(db, { epoch, cursor: 0 });
  })();
}
