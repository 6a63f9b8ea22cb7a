/** Loading and saving documents and deliveries (JSON of the shared entity + the columns queries need). */
import { AppError } from '../../shared/errors.ts';
import { DeliverySchema, DocumentSchema, type Delivery, type OfficialDocument } from '../../shared/schemas/documents.ts';
import type { UnitOfWork } from '../sync/unitOfWork.ts';

export async function loadDocument(uow: UnitOfWork, id: string): Promise<OfficialDocument | null> {
  const row = await uow.trx.selectFrom('documents').select('data').where('id', '=', id).executeTakeFirst();
  return row ? DocumentSchema.parse(JSON.parse(row.data)) : null;
}

export async function saveDocument(uow: UnitOfWork, doc: OfficialDocument, insert: boolean): Promise<void> {
  const data = JSON.stringify(doc);
  if (insert) await uow.trx.insertInto('documents').values({ id: doc.id, sender_unit: doc.senderUnit, data, sent_at: doc.sentAt }).execute();
  else await uow.trx.updateTable('documents').set({ data }).where('id', '=', doc.id).execute();
}

/** Loads a delivery the caller's unit is party to (locked on PG); anything else is NOT_FOUND. */
export async function loadDeliveryFor(uow: UnitOfWork, id: string, unitCode: string): Promise<Delivery> {
  const row = await uow.trx.selectFrom('deliveries').select(['data', 'sender_unit', 'recipient_unit']).where('id', '=', id)
    .$if(uow.lockRows, (q) => q.forUpdate()).executeTakeFirst();
  if (!row || (row.sender_unit !== unitCode && row.recipient_unit !== unitCode)) throw new AppError('NOT_FOUND');
  return DeliverySchema.parse(JSON.parse(row.data));
}

export async function listDeliveries(uow: UnitOfWork, documentId: string): Promise<Delivery[]> {
  const rows = await uow.trx.selectFrom('deliveries').select('data').where('document_id', '=', documentId).orderBy('id').execute();
  return rows.map((r) => DeliverySchema.parse(JSON.parse(r.data)));
}

export async function saveDelivery(uow: UnitOfWork, d: Delivery, insert: boolean): Promise<void> {
  const data = JSON.stringify(DeliverySchema.parse(d));
  if (insert) {
    await uow.trx.insertInto('deliveries').values({
      id: d.id, document_id: d.documentId, sender_unit: d.senderUnit, recipient_unit: d.recipientUnit, status: d.status, data, updated_at: d.updatedAt,
    }).execute();
  } else {
    await uow.trx.updateTable('deliveries').set({ status: d.status, data, updated_at: d.updatedAt }).where('id', '=', d.id).execute();
  }
}

/** Inserts new deliveries in one statement per few hundred rows. */
export async function insertDeliveries(uow: UnitOfWork, list: readonly Delivery[]): Promise<void> {
  const rows = list.map((d) => ({
    id: d.id, document_id: d.documentId, sender_unit: d.senderUnit, recipient_unit: d.recipientUnit, status: d.status,
    data: JSON.stringify(DeliverySchema.parse(d)), updated_at: d.updatedAt,
  }));
  for (let i = 0; i < rows.length; i += 200) await uow.trx.insertInto('deliveries').values(rows.slice(i, i + 200)).execute();
}

/** A delivery change goes to both the sender's and the recipient's streams. */
export function emitDelivery(uow: UnitOfWork, d: Delivery): void {
  uow.emit([d.senderUnit, d.recipientUnit], { entity: 'delivery', data: d }, d.id);
}
