import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Directory } from '../../shared/schemas/directory.ts';
import { saveCustomGroup, setUnitDisabled, setUserDisabled } from '../../src-server/admin/directoryAdmin.ts';
import { openContext } from '../../src-server/server.ts';
import { api, BACKENDS, DEMO_PASSWORD, login, startTestServer, type TestServer } from './harness.ts';

describe.each(BACKENDS)('auth and directory on %s', (backend) => {
  let server: TestServer;
  let clock = Date.parse('2026-03-02T01:00:00Z');
  beforeAll(async () => {
    server = await startTestServer(backend, { now: () => new Date(clock), settings: { sessionTtlMs: 60 * 60_000 } });
  });
  afterAll(async () => {
    await server?.close();
    await server?.store.drop();
  });

  it('logs in with the right password and refuses a wrong one or an unknown user the same way', async () => {
    const ok = await login(server.url, 'bgt.clerk');
    expect(ok.user.username).toBe('bgt.clerk');
    expect(ok.unit.code).toBe('BGT');
    expect(ok.token.length).toBeGreaterThanOrEqual(32);
    const bad = await api(server.url, 'POST', '/auth/login', { json: { username: 'bgt.clerk', password: 'wrong-password' } });
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ code: 'AUTH_BAD_PASSWORD' });
    const unknown = await api(server.url, 'POST', '/auth/login', { json: { username: 'nobody.here', password: 'whatever1' } });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toMatchObject({ code: 'AUTH_BAD_PASSWORD' });
  });

  it('locks an account after 5 failed logins, even for the right password, until the lock-out ends', async () => {
    for (let i = 0; i < 4; i++) {
      const r = await api(server.url, 'POST', '/auth/login', { json: { username: 'daoli.clerk', password: `bad-${i}-pass` } });
      expect(r.body).toMatchObject({ code: 'AUTH_BAD_PASSWORD' });
    }
    const fifth = await api(server.url, 'POST', '/auth/login', { json: { username: 'daoli.clerk', password: 'bad-5-pass' } });
    expect(fifth.status).toBe(429);
    expect(fifth.body).toMatchObject({ code: 'AUTH_LOCKED' });
    const right = await api(server.url, 'POST', '/auth/login', { json: { username: 'daoli.clerk', password: DEMO_PASSWORD } });
    expect(right.body).toMatchObject({ code: 'AUTH_LOCKED' });
    clock += 16 * 60_000;
    expect((await login(server.url, 'daoli.clerk')).user.username).toBe('daoli.clerk');
  });

  it('refuses expired and revoked tokens, garbage tokens and missing tokens', async () => {
    const s = await login(server.url, 'nangang.clerk');
    expect((await api(server.url, 'GET', '/directory', { token: s.token })).status).toBe(200);
    clock += 61 * 60_000;
    const expired = await api(server.url, 'GET', '/directory', { token: s.token });
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ code: 'AUTH_SESSION_EXPIRED' });

    const s2 = await login(server.url, 'nangang.clerk');
    expect((await api(server.url, 'POST', '/auth/logout', { token: s2.token })).status).toBe(200);
    expect((await api(server.url, 'GET', '/directory', { token: s2.token })).body).toMatchObject({ code: 'AUTH_REQUIRED' });
    expect((await api(server.url, 'GET', '/directory', { token: 'x'.repeat(43) })).body).toMatchObject({ code: 'AUTH_REQUIRED' });
    expect((await api(server.url, 'GET', '/directory')).status).toBe(401);
    expect((await api(server.url, 'GET', '/sync/pull')).status).toBe(401);
  });

  it('refuses disabled users and users of disabled units, at login and for live tokens', async () => {
    const s = await login(server.url, 'daowai.clerk');
    const { store, ctx } = await openContext({ ...server.store.options, settings: { scryptCost: 1024 } });
    try {
      await setUnitDisabled(ctx, 'D-DAOWAI', true);
      expect((await api(server.url, 'GET', '/directory', { token: s.token })).body).toMatchObject({ code: 'AUTH_DISABLED' });
      const l = await api(server.url, 'POST', '/auth/login', { json: { username: 'daowai.clerk', password: DEMO_PASSWORD } });
      expect(l.body).toMatchObject({ code: 'AUTH_DISABLED' });
      await setUnitDisabled(ctx, 'D-DAOWAI', false);
      await setUserDisabled(ctx, 'daowai.clerk', true);
      const l2 = await api(server.url, 'POST', '/auth/login', { json: { username: 'daowai.clerk', password: DEMO_PASSWORD } });
      expect(l2.status).toBe(403);
      expect(l2.body).toMatchObject({ code: 'AUTH_DISABLED' });
    } finally {
      await store.close();
    }
  });

  it('answers malformed JSON, unknown fields, oversized bodies and unknown routes with coded errors', async () => {
    const malformed = await api(server.url, 'POST', '/auth/login', { body: '{"username":', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    const extra = await api(server.url, 'POST', '/auth/login', { json: { username: 'bgt.clerk', password: DEMO_PASSWORD, admin: true } });
    expect(extra.status).toBe(400);
    expect(extra.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    const huge = await api(server.url, 'POST', '/auth/login', { json: { username: 'bgt.clerk', password: 'x'.repeat(2 * 1024 * 1024) } });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const s = await login(server.url, 'bgt.clerk');
    const nowhere = await api(server.url, 'GET', '/no/such/route', { token: s.token });
    expect(nowhere.status).toBe(404);
    expect(nowhere.body).toMatchObject({ code: 'NOT_FOUND' });
    const health = await api<{ ok: boolean; epoch: string }>(server.url, 'GET', '/health');
    expect(health.body).toMatchObject({ ok: true, epoch: server.epoch });
  });

  it('returns all units and groups but only the colleagues of the caller’s own unit', async () => {
    const s = await login(server.url, 'daoli.handler');
    const r = await api<Directory>(server.url, 'GET', '/directory', { token: s.token });
    expect(r.status).toBe(200);
    expect(r.body.units).toHaveLength(70);
    const group = (id: string) => r.body.groups.find((g) => g.id === id)!.unitCodes;
    expect(group('all')).toHaveLength(69);
    expect(group('districts')).toHaveLength(9);
    expect(group('counties')).toEqual(expect.arrayContaining(['C-YILAN', 'C-SHANGZHI', 'C-WUCHANG'])); // 县 and 县级市
    expect(group('counties')).toHaveLength(9);
    expect(r.body.colleagues.length).toBeGreaterThan(0);
    expect(r.body.colleagues.every((u) => u.unitCode === 'D-DAOLI')).toBe(true);
    expect(JSON.stringify(r.body)).not.toContain('password');
  });

  it('lists custom groups: global ones for everybody, a unit’s own only for that unit', async () => {
    const { store, ctx } = await openContext(server.store.options);
    try {
      await saveCustomGroup(ctx, { id: 'flood-control', name: '防汛成员单位', ownerUnit: null, unitCodes: ['B-SWJ', 'D-DAOLI', 'B-YJJ'] });
      await saveCustomGroup(ctx, { id: 'bgt-favourites', name: '常用单位', ownerUnit: 'BGT', unitCodes: ['D-NANGANG'] });
      await expect(saveCustomGroup(ctx, { id: 'bad', name: '坏组', ownerUnit: null, unitCodes: ['X-NOPE'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await store.close();
    }
    const ids = async (user: string) => (await api<Directory>(server.url, 'GET', '/directory', { token: (await login(server.url, user)).token }))
      .body.groups.filter((g) => g.kind === 'custom').map((g) => g.id).sort();
    expect(await ids('bgt.clerk')).toEqual(['bgt-favourites', 'flood-control']);
    expect(await ids('hulan.clerk')).toEqual(['flood-control']);
  });

  it('changes a password: the old one stops working and other sessions end', async () => {
    const a = await login(server.url, 'songbei.clerk');
    const b = await login(server.url, 'songbei.clerk');
    const r = await api(server.url, 'POST', '/auth/password', { token: a.token, json: { oldPassword: DEMO_PASSWORD, newPassword: 'New-Pass-2026' } });
    expect(r.status).toBe(200);
    expect((await api(server.url, 'GET', '/directory', { token: b.token })).status).toBe(401);
    expect((await api(server.url, 'GET', '/directory', { token: a.token })).status).toBe(200);
    expect((await login(server.url, 'songbei.clerk', 'New-Pass-2026')).user.username).toBe('songbei.clerk');
  });
});
