/**
 * The inbox lists urgent documents first, newest first within an urgency, whichever of a document and its delivery
 * a pulled page stores first (the urgency is copied onto deliveries by migration 004).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Db } from '../../src-main/core/store/db.ts';
import { writeDocument, writeServerDelivery } from '../../src-main/core/store/records.ts';
import { inbox } from '../../src-main/core/documents/queries.ts';
import type { Delivery, OfficialDocument, Urgency } from '../../shared/schemas/documents.ts';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });

function store(): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xt-inbox-'));
  dirs.push(dir);
  return openStore(path.join(dir, 's.sqlite'));
}

function pair(title: string, urgency: Urgency, minute: number): { doc: OfficialDocument; delivery: Delivery } {
  const at = new Date(Date.UTC(2026, 10, 1, 8, minute)).toISOString();
  const doc: OfficialDocument = {
    id: uuidv7(), title, docNumber: null, urgency, secrecy: 'none', mainTo: ['D-DAOLI'], copyTo: [], mainFile: null, attachments: [],
    note: null, senderUnit: 'BGT', createdBy: uuidv7(), createdByName: '王敏', sentAt: at,
  };
  const delivery: Delivery = {
    id: uuidv7(), documentId: doc.id, senderUnit: 'BGT', recipientUnit: 'D-DAOLI', role: 'main', status: 'delivered', deliveredAt: at,
    readAt: null, readBy: null, signedAt: null, signedBy: null, signOpinion: null, signNumber: null, registeredAt: null, registeredBy: null,
    refusedAt: null, refusedReason: null, recalledAt: null, remindCount: 0, lastRemindedAt: null, lastRemindMessage: null, updatedAt: at,
  };
  return { doc, delivery };
}

const ALL = { unsignedOnly: false, urgentOnly: false, fromUnit: null, dateFrom: null, dateTo: null, status: null };

describe('inbox order', () => {
  it('puts 特急 then 加急 first, newest first, when deliveries arrive before or after their documents', () => {
    const db = store();
    const items = [pair('平件一', 'normal', 1), pair('特急一', 'extra-urgent', 2), pair('加急一', 'urgent', 3), pair('平件二', 'normal', 4), pair('特急二', 'extra-urgent', 5)];
    items.forEach(({ doc, delivery }, i) => {
      if (i % 2 === 0) { writeServerDelivery(db, delivery, 't'); writeDocument(db, doc, true); }
      else { writeDocument(db, doc, true); writeServerDelivery(db, delivery, 't'); }
    });
    const page = inbox(db, 'D-DAOLI', { filter: ALL, offset: 0, limit: 10 });
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => r.title)).toEqual(['特急二', '特急一', '加急一', '平件二', '平件一']);
    expect(inbox(db, 'D-DAOLI', { filter: { ...ALL, urgentOnly: true }, offset: 0, limit: 10 }).rows.map((r) => r.title)).toEqual(['特急二', '特急一', '加急一']);
    expect(inbox(db, 'D-DAOLI', { filter: ALL, offset: 3, limit: 10 }).rows.map((r) => r.title)).toEqual(['平件二', '平件一']);
    db.close();
  });
});
