/** Read side of document exchange: inbox, sent box with per-document counts, detail, badge counts. */
import { AppError } from '../../../shared/errors.ts';
import type { DocumentDetail, InboxRow, SentRow } from '../../../shared/ipc/contract.ts';
import { formatDocNumber } from '../../../shared/domain/docNumber.ts';
import type { Delivery, OfficialDocument } from '../../../shared/schemas/documents.ts';
import type { ErrorCode } from '../../../shared/errors.ts';
import type { Db } from '../store/db.ts';
import { filesOf, getDocument } from '../store/records.ts';
import { unitName } from '../directory/directoryStore.ts';
import { q as stmt } from '../store/statements.ts';

export interface InboxQuery {
  filter: { unsignedOnly: boolean; urgentOnly: boolean; fromUnit: string | null; dateFrom: string | null; dateTo: string | null; status: Delivery['status'] | null };
  offset: number;
  limit: number;
}

export function inbox(db: Db, unit: string, q: InboxQuery): { total: number; rows: InboxRow[] } {
  const where = ['v.recipient_unit = @unit'];
  const f = q.filter;
  if (f.unsignedOnly) where.push("v.status = 'delivered'");
  if (f.urgentOnly) where.push('v.urgency_rank < 2');
  if (f.fromUnit) where.push('v.sender_unit = @fromUnit');
  if (f.dateFrom) where.push('v.delivered_at >= @dateFrom');
  if (f.dateTo) where.push('v.delivered_at <= @dateTo');
  if (f.status) where.push('v.status = @status');
  const params = { unit, fromUnit: f.fromUnit, dateFrom: f.dateFrom, dateTo: f.dateTo, status: f.status, limit: q.limit, offset: q.offset };
  // Filter, count and page on deliveries alone (index deliveries_inbox, migration 004); join documents for the page only.
  const filtered = `FROM deliveries v WHERE ${where.join(' AND ')}`;
  const total = (stmt(db, `SELECT COUNT(*) AS n ${filtered}`).get(params) as { n: number }).n;
  const rows = stmt(db, `SELECT v.data AS delivery, v.pending AS pending, d.data AS document
      FROM (SELECT v.id, v.document_id, v.data, v.pending, v.urgency_rank, v.delivered_at ${filtered}
            ORDER BY v.urgency_rank, v.delivered_at DESC, v.id LIMIT @limit OFFSET @offset) v
      JOIN documents d ON d.id = v.document_id
      ORDER BY v.urgency_rank, v.delivered_at DESC, v.id`).all(params) as { delivery: string; pending: number; document: string }[];
  return {
    total,
    rows: rows.map((r) => {
      const v = JSON.parse(r.delivery) as Delivery;
      const d = JSON.parse(r.document) as OfficialDocument;
      return {
        deliveryId: v.id, documentId: d.id, title: d.title, docNumberText: d.docNumber ? formatDocNumber(d.docNumber) : null,
        urgency: d.urgency, senderUnit: d.senderUnit, senderUnitName: unitName(db, d.senderUnit), role: v.role, status: v.status,
        deliveredAt: v.deliveredAt, read: v.readAt !== null, remindCount: v.remindCount, pending: r.pending === 1,
      };
    }),
  };
}

export function sent(db: Db, unit: string, offset: number, limit: number): { total: number; rows: SentRow[] } {
  const total = (stmt(db, 'SELECT COUNT(*) AS n FROM documents WHERE sender_unit = ?').get(unit) as { n: number }).n;
  const rows = stmt(db, `SELECT d.data, d.pending, d.rejected_code, d.rejected_message,
        (SELECT COUNT(*) FROM deliveries v WHERE v.document_id = d.id AND v.status != 'recalled') AS recipients,
        (SELECT COUNT(*) FROM deliveries v WHERE v.document_id = d.id AND v.status IN ('signed', 'registered')) AS signed,
        (SELECT COUNT(*) FROM deliveries v WHERE v.document_id = d.id AND v.status = 'refused') AS refused,
        (SELECT COUNT(*) FROM deliveries v WHERE v.document_id = d.id AND v.is_read = 1) AS read,
        (SELECT COUNT(*) FROM deliveries v WHERE v.document_id = d.id) AS deliveries
      FROM documents d WHERE d.sender_unit = ? ORDER BY d.sent_at DESC, d.id DESC LIMIT ? OFFSET ?`).all(unit, limit, offset) as
    { data: string; pending: number; rejected_code: ErrorCode | null; rejected_message: string | null; recipients: number; signed: number; refused: number; read: number; deliveries: number }[];
  return {
    total,
    rows: rows.map((r) => {
      const d = JSON.parse(r.data) as OfficialDocument;
      return {
        documentId: d.id, title: d.title, docNumberText: d.docNumber ? formatDocNumber(d.docNumber) : null, urgency: d.urgency, sentAt: d.sentAt,
        pending: r.pending === 1, rejected: r.rejected_code ? { code: r.rejected_code, message: r.rejected_message ?? '' } : null,
        // Before the server confirms, the recipients are the ones chosen.
        recipients: r.deliveries > 0 ? r.recipients : new Set([...d.mainTo, ...d.copyTo]).size,
        signed: r.signed, refused: r.refused, read: r.read,
      };
    }),
  };
}

type LocalDelivery = Delivery & { pending: boolean };
function deliveriesOf(db: Db, documentId: string, recipient: string | null): LocalDelivery[] {
  const rows = stmt(db, `SELECT data, pending FROM deliveries WHERE document_id = ? ${recipient ? 'AND recipient_unit = ?' : ''} ORDER BY recipient_unit`)
    .all(...(recipient ? [documentId, recipient] : [documentId])) as { data: string; pending: number }[];
  return rows.map((r) => ({ ...(JSON.parse(r.data) as Delivery), pending: r.pending === 1 }));
}

export function detail(db: Db, unit: string, documentId: string): DocumentDetail {
  const doc = getDocument(db, documentId);
  // The local store holds only what this unit may see; anything else is simply not here.
  if (!doc) throw new AppError('NOT_FOUND', { documentId });
  const isSender = doc.view.senderUnit === unit;
  const mine = deliveriesOf(db, documentId, unit);
  if (!isSender && mine.length === 0) throw new AppError('NOT_FOUND', { documentId });
  const blob = stmt(db, 'SELECT available, uploaded FROM blobs WHERE sha256 = ?');
  return {
    document: doc.view,
    pending: doc.pending === 1,
    myDelivery: mine[0] ?? null,
    deliveries: isSender ? deliveriesOf(db, documentId, null) : [],
    files: filesOf(doc.view).map((f) => {
      const b = blob.get(f.sha256) as { available: number; uploaded: number } | undefined;
      return { ...f, available: b?.available === 1, uploaded: b?.uploaded === 1 };
    }),
  };
}

export function counts(db: Db, unit: string): { unsigned: number; unread: number; urgentUnsigned: number } {
  const r = stmt(db, `SELECT
      COALESCE(SUM(v.status = 'delivered'), 0) AS unsigned,
      COALESCE(SUM(v.is_read = 0 AND v.status != 'recalled'), 0) AS unread,
      COALESCE(SUM(v.status = 'delivered' AND d.urgency_rank < 2), 0) AS urgentUnsigned
    FROM deliveries v JOIN documents d ON d.id = v.document_id WHERE v.recipient_unit = ?`).get(unit) as { unsigned: number; unread: number; urgentUnsigned: number };
  return r;
}
