/**
 * The local store on real better-sqlite3: migrations, idempotent page application, rebasing pending local changes on
 * server state, epoch reset, and search (trigram + short-query LIKE fallback).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { openStore, type Db } from '../../src-main/core/store/db.ts';
import { MIGRATIONS } from '../../src-main/core/store/migrations/index.ts';
import { applyPage, wipeReplica } from '../../src-main/core/sync/applyPage.ts';
import { readSyncState } from '../../src-main/core/sync/syncState.ts';
import { enqueue, outboxCount } from '../../src-main/core/sync/outbox.ts';
import { getDelivery, saveDelivery, recomputeEntity, writeDocument } from '../../src-main/core/store/records.ts';
import { applyToDelivery } from '../../src-main/core/documents/optimistic.ts';
import { inbox } from '../../src-main/core/documents/queries.ts';
import { search } from '../../src-main/core/documents/search.ts';
import { saveDraft, listDrafts } from '../../src-main/core/documents/drafts.ts';
import type { Delivery, OfficialDocument } from '../../shared/schemas/documents.ts';
import { tempDir } from './harness.ts';

const AT = '2026-11-27T08:00:00.000Z';
function doc(over: Partial<OfficialDocument> = {}): OfficialDocument {
  return {
    id: uuidv7(), title: '关于做好冬季供暖保障工作的通知', docNumber: { prefix: '哈政办发', year: 2026, sequence: 7 }, urgency: 'normal', secrecy: 'none',
    mainTo: ['D-DAOLI'], copyTo: [], mainFile: null, attachments: [], note: null, senderUnit: 'BGT', createdBy: uuidv7(), createdByName: '王敏', sentAt: AT, ...over,
  };
}
function delivery(d: OfficialDocument, over: Partial<Delivery> = {}): Delivery {
  return {
    id: uuidv7(), documentId: d.id, senderUnit: d.senderUnit, recipientUnit: 'D-DAOLI', role: 'main', status: 'delivered', deliveredAt: AT,
    readAt: null, readBy: null, signedAt: null, signedBy: null, signOpinion: null, signNumber: null, registeredAt: null, registeredBy: null,
    refusedAt: null, refusedReason: null, recalledAt: null, remindCount: 0, lastRemindedAt: null, lastRemindMessage: null, updatedAt: AT, ...over,
  };
}
const ME = { unit: 'D-DAOLI', actor: '道里区收发员' };
const fresh = (): Db => openStore(path.join(tempDir('store'), 'p.sqlite'));
const counts = (db: Db) => ({
  documents: (db.prepare('SELECT COUNT(*) n FROM documents').get() as { n: number }).n,
  deliveries: (db.prepare('SELECT COUNT(*) n FROM deliveries').get() as { n: number }).n,
  indexed: (db.prepare('SELECT COUNT(*) n FROM doc_search').get() as { n: number }).n,
});

describe('migrations', () => {
  it('bring a new store to the latest user_version with WAL and foreign keys on', () => {
    const db = fresh();
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
  it('refuse a store written by a newer version', () => {
    const file = path.join(tempDir('store'), 'newer.sqlite');
    openStore(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => openStore(file)).toThrow(/比程序新/);
  });
});

describe('applying pulled pages', () => {
  it('is idempotent: the same page twice leaves the same rows and cursor', () => {
    const db = fresh();
    const d = doc();
    const v = delivery(d);
    const page = { epoch: 'e1', unit: 'D-DAOLI', cursor: 2, hasMore: false, changes: [{ seq: 1, entity: 'document', data: d }, { seq: 2, entity: 'delivery', data: v }] };
    applyPage(db, page, ME);
    const once = counts(db);
    applyPage(db, page, ME);
    expect(counts(db)).toEqual(once);
    expect(once).toEqual({ documents: 1, deliveries: 1, indexed: 1 });
    expect(readSyncState(db)).toMatchObject({ epoch: 'e1', cursor: 2 });
    expect(inbox(db, 'D-DAOLI', { filter: { unsignedOnly: true, urgentOnly: false, fromUnit: null, dateFrom: null, dateTo: null, status: null }, offset: 0, limit: 10 }).total).toBe(1);
  });

  it('rejects a page of another unit and a malformed change without moving the cursor', () => {
    const db = fresh();
    expect(() => applyPage(db, { epoch: 'e1', unit: 'D-NANGANG', cursor: 5, hasMore: false, changes: [] }, ME)).toThrow();
    expect(() => applyPage(db, { epoch: 'e1', unit: 'D-DAOLI', cursor: 5, hasMore: false, changes: [{ seq: 1, entity: 'document', data: { id: 'x' } }] }, ME)).toThrow();
    expect(readSyncState(db).cursor).toBe(0);
  });

  it('keeps a pending local sign on top of older server state, and drops the overlay once acknowledged', () => {
    const db = fresh();
    const d = doc();
    const v = delivery(d);
    applyPage(db, { epoch: 'e1', unit: 'D-DAOLI', cursor: 2, hasMore: false, changes: [{ seq: 1, entity: 'document', data: d }, { seq: 2, entity: 'delivery', data: v }] }, ME);
    db.transaction(() => {
      enqueue(db, { type: 'delivery.sign', payload: { deliveryId: v.id, opinion: null } }, v.id);
      saveDelivery(db, applyToDelivery(v, { type: 'delivery.sign', payload: { deliveryId: v.id, opinion: null } }, ME.actor, AT), null, true);
    })();
    // A reminder arrives from the server meanwhile: the local sign stays visible and pending.
    applyPage(db, { epoch: 'e1', unit: 'D-DAOLI', cursor: 3, hasMore: false, changes: [{ seq: 3, entity: 'delivery', data: { ...v, remindCount: 1 } }] }, ME);
    let row = getDelivery(db, v.id)!;
    expect(row.view).toMatchObject({ status: 'signed', remindCount: 1, signedBy: ME.actor });
    expect(row.pending).toBe(1);
    // Acknowledged: outbox entry gone; the view follows the server again.
    db.prepare('DELETE FROM outbox').run();
    recomputeEntity(db, v.id, ME.actor);
    row = getDelivery(db, v.id)!;
    expect(row.pending).toBe(0);
    expect(row.view.status).toBe('delivered');
  });

  it('epoch reset wipes the replica but keeps the outbox, drafts and unconfirmed sends', () => {
    const db = fresh();
    const received = doc();
    applyPage(db, { epoch: 'e1', unit: 'D-DAOLI', cursor: 2, hasMore: false, changes: [{ seq: 1, entity: 'document', data: received }, { seq: 2, entity: 'delivery', data: delivery(received) }] }, ME);
    const mine = doc({ senderUnit: 'D-DAOLI', mainTo: ['BGT'], title: '道里区关于供暖情况的报告' });
    db.transaction(() => {
      const { id: documentId, senderUnit: _s, createdBy: _c, createdByName: _n, sentAt: _t, ...draft } = mine;
      enqueue(db, { type: 'document.send', payload: { ...draft, documentId } }, mine.id);
      writeDocument(db, mine, false);
    })();
    saveDraft(db, null, { title: '草稿' });
    wipeReplica(db, 'e2');
    expect(counts(db)).toEqual({ documents: 1, deliveries: 0, indexed: 1 });
    expect(outboxCount(db)).toBe(1);
    expect(listDrafts(db)).toHaveLength(1);
    expect(readSyncState(db)).toMatchObject({ epoch: 'e2', cursor: 0 });
  });
});

describe('search', () => {
  it('finds Chinese text by trigram (≥ 3 chars) and by LIKE (1–2 chars), with matches in [[ ]]', () => {
    const db = fresh();
    const d = doc({ title: '关于松花江防汛工作的通知' });
    applyPage(db, { epoch: 'e1', unit: 'D-DAOLI', cursor: 2, hasMore: false, changes: [{ seq: 1, entity: 'document', data: d }, { seq: 2, entity: 'delivery', data: delivery(d) }] }, ME);
    const long = search(db, 'D-DAOLI', '松花江防汛', 10);
    expect(long).toHaveLength(1);
    expect(long[0].snippet).toContain('[[松花江防汛]]');
    expect(long[0].box).toBe('inbox');
    const short = search(db, 'D-DAOLI', '防汛', 10);
    expect(short[0]?.snippet).toContain('[[防汛]]');
    expect(search(db, 'D-DAOLI', '哈政办发〔2026〕7号', 10)[0]?.snippet).toContain('[[');
    expect(search(db, 'D-DAOLI', '教育', 10)).toEqual([]);
    expect(search(db, 'D-DAOLI', '%', 10)).toEqual([]);
  });
});

describe('urgent-document notices from a pulled page', () => {
  const pageOf = (pairs: { d: OfficialDocument; v: Delivery }[], cursor: number) => ({
    epoch: 'e1', unit: 'D-DAOLI', cursor, hasMore: false,
    changes: pairs.flatMap(({ d, v }, i) => [
      { seq: cursor - 2 * (pairs.length - i) + 1, entity: 'document', data: d },
      { seq: cursor - 2 * (pairs.length - i) + 2, entity: 'delivery', data: v },
    ]),
  });
  const urgent = (deliveredAt: string) => {
    const d = doc({ urgency: 'extra-urgent', sentAt: deliveredAt });
    return { d, v: delivery(d, { deliveredAt, updatedAt: deliveredAt }) };
  };
  const now = new Date().toISOString();

  it('alerts for a new 特急 document of today, but not for old ones replayed by a fresh client', () => {
    const db = fresh();
    const fx = applyPage(db, pageOf([urgent('2025-01-02T08:00:00.000Z'), urgent(now)], 4), ME);
    expect(fx.notifications.filter((n) => n.kind === 'urgent-document')).toHaveLength(1);
    db.close();
  });

  it('folds many urgent arrivals in one page into a single notice', () => {
    const db = fresh();
    const fx = applyPage(db, pageOf(Array.from({ length: 6 }, () => urgent(now)), 12), ME);
    const notices = fx.notifications.filter((n) => n.kind === 'urgent-document');
    expect(notices).toHaveLength(1);
    expect(notices[0].body).toContain('6');
    db.close();
  });
});
