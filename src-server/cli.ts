/**
 * Admin CLI: `npm run server -- <command>`. The store comes from --data-dir / --database-url / --pg-schema or the
 * environment (XT_DATA_DIR, DATABASE_URL, XT_PG_SCHEMA). Every change is audited (actor: the server console).
 */
import fs from 'node:fs';
import { Command, Option } from 'commander';
import { z } from 'zod';
import { RoleSchema, UNIT_KINDS } from '../shared/schemas/directory.ts';
import { openContext, startServer } from './server.ts';
import { seedDemo } from './admin/seed.ts';
import { createUnit, createUser, importUnits, resetPassword, saveCustomGroup, setUnitDisabled, setUserDisabled } from './admin/directoryAdmin.ts';
import { backup, restore } from './admin/backup.ts';
import { verifyAuditChain } from './audit/chain.ts';
import { ensureEpoch } from './sync/epoch.ts';
import type { ServerContext } from './context.ts';

interface StoreFlags { dataDir?: string; databaseUrl?: string; pgSchema?: string }

const program = new Command('xietong-server').description('Xietong 协同 central server');
program
  .option('--data-dir <dir>', 'SQLite data directory', process.env.XT_DATA_DIR ?? 'data/server')
  .option('--database-url <url>', 'PostgreSQL URL (instead of SQLite)', process.env.DATABASE_URL)
  .option('--pg-schema <name>', 'PostgreSQL schema', process.env.XT_PG_SCHEMA);

async function withContext<T>(fn: (ctx: ServerContext) => Promise<T>): Promise<T> {
  const flags = program.opts<StoreFlags>();
  const { store, ctx } = await openContext(flags);
  try {
    return await fn(ctx);
  } finally {
    await store.close();
  }
}

function randomPassword(): string {
  return `Xt-${Math.random().toString(36).slice(2, 8)}${Date.now().toString(36).slice(-4)}`;
}

program.command('init').description('create or migrate the store; optionally load the demo directory')
  .addOption(new Option('--seed <what>', 'seed data').choices(['demo', 'none']).default('none'))
  .action(async (o: { seed: 'demo' | 'none' }) => withContext(async (ctx) => {
    const epoch = await ensureEpoch(ctx.db);
    const seeded = o.seed === 'demo' ? await seedDemo(ctx) : null;
    console.log(JSON.stringify({ ok: true, epoch, seeded }));
  }));

program.command('start').description('run the server')
  .option('--host <host>', 'listen address', process.env.XT_HOST ?? '127.0.0.1')
  .option('--port <port>', 'listen port', process.env.XT_PORT ?? '8787')
  .addOption(new Option('--seed <what>', 'seed data').choices(['demo', 'none']).default('none'))
  .action(async (o: { host: string; port: string; seed: 'demo' | 'none' }) => {
    const server = await startServer({ ...program.opts<StoreFlags>(), host: o.host, port: Number(o.port), seed: o.seed, logger: true });
    console.log(JSON.stringify({ url: server.url, epoch: server.epoch }));
    const stop = () => { void server.close().then(() => process.exit(0)); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

const unit = program.command('unit').description('manage units');
unit.command('create <code> <name>')
  .requiredOption('--kind <kind>', `one of ${UNIT_KINDS.join(', ')}`)
  .option('--short-name <name>').option('--parent <code>', 'parent unit', 'BGT').option('--doc-prefix <prefix>')
  .option('--pinyin <initials>', 'pinyin initials', '').option('--sort-order <n>', 'sort order', '999')
  .action(async (code: string, name: string, o: { kind: string; shortName?: string; parent: string; docPrefix?: string; pinyin: string; sortOrder: string }) =>
    withContext(async (ctx) => {
      const u = await createUnit(ctx, {
        code, name, shortName: o.shortName ?? name, kind: o.kind, parent: o.parent || null, docPrefix: o.docPrefix ?? null,
        pinyin: o.pinyin, disabled: false, sortOrder: Number(o.sortOrder),
      });
      console.log(JSON.stringify(u));
    }));
unit.command('disable <code>').action(async (code: string) => withContext((ctx) => setUnitDisabled(ctx, code, true)));
unit.command('enable <code>').action(async (code: string) => withContext((ctx) => setUnitDisabled(ctx, code, false)));

const user = program.command('user').description('manage users');
user.command('create <username>')
  .requiredOption('--unit <code>').requiredOption('--name <displayName>').requiredOption('--roles <roles>', 'comma-separated: clerk,secretary,handler,leader,admin')
  .option('--title <title>').option('--phone <phone>').option('--password <password>', 'initial password (random if omitted)')
  .action(async (username: string, o: { unit: string; name: string; roles: string; title?: string; phone?: string; password?: string }) =>
    withContext(async (ctx) => {
      const password = o.password ?? randomPassword();
      const roles = z.array(RoleSchema).parse(o.roles.split(',').map((r) => r.trim()));
      const u = await createUser(ctx, { username, displayName: o.name, unitCode: o.unit, roles, title: o.title ?? null, phone: o.phone ?? null, password });
      console.log(JSON.stringify({ ...u, ...(o.password ? {} : { initialPassword: password }) }));
    }));
user.command('disable <username>').action(async (username: string) => withContext((ctx) => setUserDisabled(ctx, username, true)));
user.command('enable <username>').action(async (username: string) => withContext((ctx) => setUserDisabled(ctx, username, false)));

program.command('group <id> <name>').description('create or replace a custom recipient group')
  .requiredOption('--units <codes>', 'comma-separated unit codes').option('--owner <unit>', 'only this unit sees the group (default: everyone)')
  .action(async (id: string, name: string, o: { units: string; owner?: string }) => withContext(async (ctx) => {
    await saveCustomGroup(ctx, { id, name, ownerUnit: o.owner ?? null, unitCodes: o.units.split(',').map((c) => c.trim()).filter(Boolean) });
    console.log(JSON.stringify({ ok: true }));
  }));

program.command('reset-password <username>').option('--password <password>', 'new password (random if omitted)')
  .action(async (username: string, o: { password?: string }) => withContext(async (ctx) => {
    const password = o.password ?? randomPassword();
    await resetPassword(ctx, username, password);
    console.log(JSON.stringify({ ok: true, ...(o.password ? {} : { password }) }));
  }));

program.command('import-units <json>').description('import a unit list (resources/seed/units.json format)')
  .action(async (file: string) => withContext(async (ctx) => {
    const n = await importUnits(ctx, JSON.parse(fs.readFileSync(file, 'utf8')));
    console.log(JSON.stringify({ ok: true, written: n }));
  }));

program.command('backup <file>').action(async (file: string) => withContext(async (ctx) => console.log(JSON.stringify(await backup(ctx, file)))));
program.command('restore <file>').description('replace the store with a backup (stop the servers first); sets a new epoch')
  .action(async (file: string) => withContext(async (ctx) => console.log(JSON.stringify(await restore(ctx, file)))));

program.command('verify-audit').action(async () => withContext(async (ctx) => {
  const v = await verifyAuditChain(ctx.db);
  console.log(JSON.stringify(v));
  if (!v.ok) process.exitCode = 2;
}));

program.parseAsync(process.argv).catch((e: unknown) => {
  console.error(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
  process.exitCode = 1;
});
