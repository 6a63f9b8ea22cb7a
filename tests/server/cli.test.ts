import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/environment.ts';
import { openContext } from '../../src-server/server.ts';
import { seedDemo } from '../../src-server/admin/seed.ts';
import { login, startTestServer } from './harness.ts';

const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
const CLI = path.join(REPO_ROOT, 'src-server/cli.ts');

describe('admin CLI (SQLite)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xt-cli-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const cli = async (...args: string[]) => {
    const { stdout } = await run(TSX, [CLI, '--data-dir', dataDir, ...args], { cwd: REPO_ROOT, timeout: 60_000 });
    return JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>;
  };

  it('initialises with the demo directory, creates a user who can log in, verifies the audit chain', { timeout: 180_000 }, async () => {
    const init = await cli('init', '--seed', 'demo');
    expect(init).toMatchObject({ ok: true, seeded: { units: 70, users: expect.any(Number) } });
    const user = await cli('user', 'create', 'zhao.liu', '--unit', 'B-FGW', '--name', '赵六', '--roles', 'clerk,secretary', '--password', 'Zhao-Liu-2026');
    expect(user).toMatchObject({ username: 'zhao.liu', unitCode: 'B-FGW', roles: ['clerk', 'secretary'] });
    expect(JSON.stringify(user)).not.toContain('Zhao-Liu-2026');

    const server = await startTestServer('sqlite', {}, { options: { dataDir }, drop: async () => undefined });
    try {
      expect((await login(server.url, 'zhao.liu', 'Zhao-Liu-2026')).unit.code).toBe('B-FGW');
    } finally {
      await server.close();
    }
    const { store, ctx } = await openContext({ dataDir });
    try {
      expect(await seedDemo(ctx)).toEqual({ units: 0, users: 0 }); // idempotent
      const actions = (await ctx.db.selectFrom('audit_log').select(['action', 'actor_user_id']).execute());
      expect(actions).toEqual(expect.arrayContaining([{ action: 'user.create', actor_user_id: null }]));
    } finally {
      await store.close();
    }
    const verify = await cli('verify-audit');
    expect(verify).toMatchObject({ ok: true, brokenAt: null });
  });

  it('refuses an unknown user with a non-zero exit', { timeout: 90_000 }, async () => {
    await expect(run(TSX, [CLI, '--data-dir', dataDir, 'reset-password', 'no.such.user'], { cwd: REPO_ROOT, timeout: 60_000 }))
      .rejects.toMatchObject({ code: 1 });
  });
});
