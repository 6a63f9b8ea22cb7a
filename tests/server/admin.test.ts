import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openContext } from '../../src-server/server.ts';
import { verifyAuditChain } from '../../src-server/audit/chain.ts';
import { protectAuditLog, unprotectAuditLog } from '../../src-server/audit/protection.ts';
import { backup, restore } from '../../src-server/admin/backup.ts';
import { createUnit, createUser, importUnits, resetPassword } from '../../src-server/admin/directoryAdmin.ts';
import { readSeedUnits } from '../../src-server/admin/seed.ts';
import type { Directory } from '../../shared/schemas/directory.ts';
import { migrate, SchemaTooNewError } from '../../src-server/db/migrate.ts';
import { api, BACKENDS, login, newStore, pdfBytes, push, startTestServer, TEST_SETTINGS } from './harness.ts';
import { draft, pullAll, sendMutation, sha256, uploadPdf } from './builders.ts';

describe.each(BACKENDS)('audit, backup and migrations on %s', (backend) => {
  const store = newStore(backend);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xt-backup-'));
  afterAll(async () => {
    await store.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  let ctxHandle: Awaited<ReturnType<typeof openContext>>;
  beforeAll(async () => { ctxHandle = await openContext({ ...store.options, settings: TEST_SETTINGS }); });
  afterAll(async () => { await ctxHandle?.store.close(); });

  it('records every state change in a hash chain that verifies, and detects tampering', async () => {
    const server = await startTestServer(backend, {}, store);
    const bgt = (await login(server.url, 'bgt.clerk')).token;
    await push(server.url, bgt, [sendMutation(draft({ mainTo: ['D-DAOLI'], title: '审计' }))]);
    await createUser(ctxHandle.ctx, { username: 'audit.admin.test', displayName: '审计员', unitCode: 'BGT', roles: ['admin'], password: 'Audit-Pass-1' });
    await resetPassword(ctxHandle.ctx, 'audit.admin.test', 'Audit-Pass-2');
    await server.close();

    const db = ctxHandle.ctx.db;
    const actions = (await db.selectFrom('audit_log').select('action').orderBy('seq').execute()).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['admin.seed_demo', 'auth.login', 'document.send', 'user.create', 'user.reset_password']));
    const send = await db.selectFrom('audit_log').selectAll().where('action', '=', 'document.send').executeTakeFirstOrThrow();
    expect(send.actor_unit).toBe('BGT');
    expect(send.content_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, count: actions.length });

    // The database itself refuses edits and deletions…
    await expect(db.updateTable('audit_log').set({ actor_unit: 'D-DAOLI' }).where('seq', '=', send.seq).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').where('seq', '=', send.seq).execute()).rejects.toThrow(/append-only/);
    // …so someone with DBA rights drops the guard and edits an entry directly.
    await unprotectAuditLog(db, ctxHandle.ctx.dialect);
    await db.updateTable('audit_log').set({ actor_unit: 'D-DAOLI' }).where('seq', '=', send.seq).execute();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: Number(send.seq), reason: 'entry altered' });
    await db.updateTable('audit_log').set({ actor_unit: 'BGT' }).where('seq', '=', send.seq).execute();
    expect((await verifyAuditChain(db)).ok).toBe(true);
    // …or deletes the newest entry.
    const last = await db.selectFrom('audit_log').select(sql<number>`max(seq)`.as('m')).executeTakeFirstOrThrow();
    const saved = await db.selectFrom('audit_log').selectAll().where('seq', '=', Number(last.m)).executeTakeFirstOrThrow();
    await db.deleteFrom('audit_log').where('seq', '=', Number(last.m)).execute();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, reason: 'head does not match the last entry' });
    await db.insertInto('audit_log').values(saved).execute();
    await protectAuditLog(db, ctxHandle.ctx.dialect);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('backs up and restores everything, blobs included, under a new epoch', async () => {
    const server = await startTestServer(backend, {}, store);
    const bgt = (await login(server.url, 'bgt.clerk')).token;
    const bytes = pdfBytes(25_000);
    const mainFile = await uploadPdf(server.url, bgt, bytes);
    await push(server.url, bgt, [sendMutation(draft({ mainTo: ['D-DAOLI'], title: '备份前', mainFile }))]);
    const oldEpoch = server.epoch;
    await server.close();

    const file = path.join(tmp, 'backup.ndjson');
    const { rows } = await backup(ctxHandle.ctx, file);
    expect(rows).toBeGreaterThan(200);
    // Data written after the backup is lost by the restore; the new epoch tells clients to start over.
    const after = await startTestServer(backend, {}, store);
    await push(after.url, (await login(after.url, 'bgt.clerk')).token, [sendMutation(draft({ mainTo: ['D-DAOLI'], title: '备份后' }))]);
    await after.close();

    const restored = await restore(ctxHandle.ctx, file);
    expect(restored.rows).toBe(rows);
    expect(restored.epoch).not.toBe(oldEpoch);
    expect((await verifyAuditChain(ctxHandle.ctx.db)).ok).toBe(true);
    await expect(ctxHandle.ctx.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/); // guard back on

    const again = await startTestServer(backend, {}, store);
    try {
      expect(again.epoch).toBe(restored.epoch);
      const daoli = (await login(again.url, 'daoli.clerk')).token;
      const stale = await api(again.url, 'GET', `/sync/pull?epoch=${oldEpoch}&cursor=0`, { token: daoli });
      expect(stale.status).toBe(409);
      const { changes } = await pullAll(again.url, daoli);
      const titles = changes.filter((c) => c.entity === 'document').map((c) => (c.data as { title: string }).title);
      expect(titles).toContain('备份前');
      expect(titles).not.toContain('备份后');
      const blob = await api<Buffer>(again.url, 'GET', `/blobs/${mainFile.sha256}`, { token: daoli });
      expect(sha256(blob.body)).toBe(sha256(bytes));
    } finally {
      await again.close();
    }
  });

  it('imports a unit list (updating existing units) and creates units that clients see with their own stream', async () => {
    const units = readSeedUnits().map((u) => (u.code === 'B-FGW' ? { ...u, name: '哈尔滨市发展和改革委员会（新）' } : u));
    expect(await importUnits(ctxHandle.ctx, units)).toBe(units.length);
    await createUnit(ctxHandle.ctx, { code: 'Z-TEST', name: '哈尔滨测试园区管理委员会', shortName: '测试园区', kind: 'development-zone', parent: 'BGT', docPrefix: null, pinyin: 'CSYQ', disabled: false, sortOrder: 99 });
    await expect(createUnit(ctxHandle.ctx, { code: 'Z-TEST', name: '重复单位', shortName: '重复', kind: 'department', parent: null, docPrefix: null, pinyin: '', disabled: false, sortOrder: 1 }))
      .rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(importUnits(ctxHandle.ctx, [{ code: 'bad code' }])).rejects.toThrow();
    const server = await startTestServer(backend, {}, store);
    try {
      const dir = await api<Directory>(server.url, 'GET', '/directory', { token: (await login(server.url, 'bgt.clerk')).token });
      expect(dir.body.units.find((u) => u.code === 'B-FGW')?.name).toBe('哈尔滨市发展和改革委员会（新）');
      expect(dir.body.units.find((u) => u.code === 'Z-TEST')).toMatchObject({ kind: 'development-zone' });
      const bgt = (await login(server.url, 'bgt.clerk')).token;
      const [r] = await push(server.url, bgt, [sendMutation(draft({ mainTo: ['Z-TEST'], title: '新单位' }))]);
      expect(r.status).toBe('applied');
    } finally {
      await server.close();
    }
  });

  it('refuses a database whose schema is newer than the code, and re-running migrations changes nothing', async () => {
    const db = ctxHandle.ctx.db;
    expect(await migrate(db, ctxHandle.ctx.dialect)).toEqual([]);
    await db.insertInto('schema_migrations').values({ version: 999, name: 'from the future', applied_at: new Date().toISOString() }).execute();
    await expect(migrate(db, ctxHandle.ctx.dialect)).rejects.toBeInstanceOf(SchemaTooNewError);
    await expect(startTestServer(backend, {}, store)).rejects.toThrow(/newer than this server/);
    await db.deleteFrom('schema_migrations').where('version', '=', 999).execute();
  });
});
