/**
 * Rows of the replicated tables: documents and deliveries keep the server's last state (server_data) and the view the
 * UI reads (data) = server state + pending outbox mutations folded on top. Upserts are by id, so a page applied twice
 * changes nothing.
 */
import { formatDocNumber } from '../../../shared/domain/docNumber.ts';
import { URGENCY_RANK, type Delivery, type OfficialDocument } from '../../../shared/schemas/documents.ts';
import { MutationSchema, type MutationBody } from '../../../shared/sync/protocol.ts';
import type { AttachmentRef } from '../../../shared/schemas/blobs.ts';
import { applyToDelivery } from '../documents/optimistic.ts';
import { recomputeMeetingEntity } from '../meetings/rows.ts';
import type { Db } from './db.ts';
import { q } from './statements.ts';

export interface DocumentRow {
  id: string;
  data: string;
  server_data: string | null;
  pending: number;
  rejected_code: string | null;
  rejected_message: string | null;
  sender_unit: string;
  search_rowid: number | null;
}
export interface DeliveryRow {
  id: string;
  data: string;
  server_data: string | null;
  pending: number;
  recipient_unit: string;
  sender_unit: string;
  document_id: string;
}

export interface OutboxRow {
  seq: number;
  id: string;
  type: string;
  entity_id: string;
  body: string;
  client_time: string;
  attempts: number;
}

export function filesOf(doc: Pick<OfficialDocument, 'mainFile' | 'attachments'>): AttachmentRef[] {
  return [...(doc.mainFile ? [doc.mainFile] : []), ...doc.attachments];
}

export function pendingFor(db: Db, entityId: string): OutboxRow[] {
  return q(db, 'SELECT * FROM outbox WHERE entity_id = ? ORDER BY seq').all(entityId) as OutboxRow[];
}

export function parseOutboxBody(row: OutboxRow): MutationBody {
  const m = MutationSchema.parse({ id: row.id, clientTime: row.client_time, ...(JSON.parse(row.body) as object) });
  const { id: _id, clientTime: _t, ...body } = m;
  return body as MutationBody;
}

/** Writes a document (server state when `fromServer`, else a local optimistic one). */
export function writeDocument(db: Db, doc: OfficialDocument, fromServer: boolean): void {
  const queued = pendingFor(db, doc.id);
  const pending = fromServer ? (queued.length > 0 ? 1 : 0) : 1;
  let view = doc;
  if (fromServer) {
    // Recipients added locally but not yet confirmed stay visible.
    for (const row of queued) {
      const m = parseOutboxBody(row);
      if (m.type === 'document.addRecipients') {
        view = { ...view, mainTo: [...new Set([...view.mainTo, ...m.payload.mainTo])], copyTo: [...new Set([...view.copyTo, ...m.payload.copyTo])] };
      }
    }
  }
  const row = q(db, `INSERT INTO documents (id, sender_unit, title, doc_number_text, urgency_rank, sent_at, data, server_data, pending)
      VALUES (@id, @sender, @title, @num, @rank, @sentAt, @data, @server, @pending)
    ON CONFLICT(id) DO UPDATE SET sender_unit = excluded.sender_unit, title = excluded.title, doc_number_text = excluded.doc_number_text,
      urgency_rank = excluded.urgency_rank, sent_at = excluded.sent_at, data = excluded.data,
      server_data = COALESCE(excluded.server_data, documents.server_data), pending = excluded.pending,
      rejected_code = CASE WHEN excluded.server_data IS NOT NULL THEN NULL ELSE documents.rejected_code END,
      rejected_message = CASE WHEN excluded.server_data IS NOT NULL THEN NULL ELSE documents.rejected_message END
    RETURNING search_rowid`).get({
    id: doc.id, sender: doc.senderUnit, title: doc.title, num: doc.docNumber ? formatDocNumber(doc.docNumber) : null,
    rank: URGENCY_RANK[doc.urgency], sentAt: doc.sentAt, data: JSON.stringify(view), server: fromServer ? JSON.stringify(doc) : null, pending,
  }) as { search_rowid: number | null };
  const ins = q(db, 'INSERT OR IGNORE INTO blobs (sha256, name, kind, size) VALUES (?, ?, ?, ?)');
  for (const f of filesOf(doc)) ins.run(f.sha256, f.name, f.kind, f.size);
  indexDocument(db, view, row.search_rowid);
}

/** Writes a delivery's server state and rebases pending local mutations on top of it. */
export function writeServerDelivery(db: Db, d: Delivery, actor: string): Delivery {
  const pending = pendingFor(db, d.id);
  let view = d;
  for (const row of pending) view = applyToDelivery(view, parseOutboxBody(row), actor, row.client_time);
  saveDelivery(db, view, JSON.stringify(d), pending.length > 0);
  return view;
}

export function saveDelivery(db: Db, view: Delivery, serverData: string | null, pending: boolean): void {
  q(db, `INSERT INTO deliveries (id, document_id, sender_unit, recipient_unit, status, delivered_at, is_read, remind_count, data, server_data, pending)
      VALUES (@id, @doc, @sender, @recipient, @status, @deliveredAt, @read, @remind, @data, @server, @pending)
    ON CONFLICT(id) DO UPDATE SET status = excluded.status, is_read = excluded.is_read, remind_count = excluded.remind_count,
      data = excluded.data, server_data = COALESCE(excluded.server_data, deliveries.server_data), pending = excluded.pending`).run({
    id: view.id, doc: view.documentId, sender: view.senderUnit, recipient: view.recipientUnit, status: view.status,
    deliveredAt: view.deliveredAt, read: view.readAt ? 1 : 0, remind: view.remindCount, data: JSON.stringify(view),
    server: serverData, pending: pending ? 1 : 0,
  });
}

export function getDelivery(db: Db, id: string): (DeliveryRow & { view: Delivery }) | null {
  const row = q(db, 'SELECT * FROM deliveries WHERE id = ?').get(id) as DeliveryRow | undefined;
  return row ? { ...row, view: JSON.parse(row.data) as Delivery } : null;
}

export function getDocument(db: Db, id: string): (DocumentRow & { view: OfficialDocument }) | null {
  const row = q(db, 'SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined;
  return row ? { ...row, view: JSON.parse(row.data) as OfficialDocument } : null;
}

/** Re-derives the view of an entity from its server state and what is still pending (after an ack or a rejection). */
export function recomputeEntity(db: Db, entityId: string, actor: string): void {
  if (recomputeMeetingEntity(db, entityId, { actor })) return;
  const d = q(db, 'SELECT server_data FROM deliveries WHERE id = ?').get(entityId) as { server_data: string | null } | undefined;
  if (d?.server_data) {
    writeServerDelivery(db, JSON.parse(d.server_data) as Delivery, actor);
    return;
  }
  const doc = q(db, 'SELECT server_data FROM documents WHERE id = ?').get(entityId) as { server_data: string | null } | undefined;
  if (doc?.server_data) writeDocument(db, JSON.parse(doc.server_data) as OfficialDocument, true);
  else if (doc) q(db, 'UPDATE documents SET pending = (SELECT COUNT(*) > 0 FROM outbox WHERE entity_id = ?) WHERE id = ?').run(entityId, entityId);
}

/** Search index row of a document: title, 文号 and the extracted text of its PDFs that are on this machine. */
export function reindexDocument(db: Db, documentId: string): void {
  const doc = getDocument(db, documentId);
  if (doc) indexDocument(db, doc.view, doc.search_rowid);
}

function indexDocument(db: Db, doc: OfficialDocument, searchRowid: number | null): void {
  if (searchRowid !== null) q(db, 'DELETE FROM doc_search WHERE rowid = ?').run(searchRowid);
  const texts: string[] = [];
  for (const f of filesOf(doc)) {
    const t = (q(db, 'SELECT text FROM blobs WHERE sha256 = ?').get(f.sha256) as { text: string | null } | undefined)?.text;
    if (t) texts.push(t);
  }
  const info = q(db, 'INSERT INTO doc_search (rowid, document_id, title, number, body) VALUES (?, ?, ?, ?, ?)')
    .run(searchRowid, doc.id, doc.title, doc.docNumber ? formatDocNumber(doc.docNumber) : '', texts.join('\n'));
  if (searchRowid === null) q(db, 'UPDATE documents SET search_rowid = ? WHERE id = ?').run(info.lastInsertRowid, doc.id);
}

export function documentsNaming(db: Db, sha256: string): string[] {
  const rows = q(db, `SELECT id FROM documents WHERE EXISTS (SELECT 1 FROM json_each(json_extract(data, '$.attachments')) a WHERE json_extract(a.value, '$.sha256') = ?)
      OR json_extract(data, '$.mainFile.sha256') = ?`).all(sha256, sha256) as { id: string }[];
  return rows.map((r) => r.id);
}
