/**
 * The central server as a library: `startServer()` opens the store, migrates, optionally seeds the demo directory,
 * and listens. Embedded by tests and by `npm start`; the CLI's `start` command uses it too.
 */
import type { AddressInfo } from 'node:net';
import { openStore, type Store } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { DEFAULT_SETTINGS, type ServerContext, type Settings } from './context.ts';
import { LiveHub } from './live/hub.ts';
import { buildApp } from './app.ts';
import { ensureEpoch } from './sync/epoch.ts';
import { seedDemo } from './admin/seed.ts';
import { validSessions } from './auth/sessions.ts';
import { schedulePruning } from './admin/maintenance.ts';

export interface StartServerOptions {
  dataDir?: string;
  databaseUrl?: string;
  pgSchema?: string;
  host?: string;
  port?: number;
  seed?: 'demo' | 'none';
  logger?: boolean;
  /** Test and tuning hooks (all optional). */
  settings?: Partial<Settings>;
  now?: () => Date;
}

export interface RunningServer {
  url: string;
  epoch: string;
  close(): Promise<void>;
}

export function liveChannel(schema: string | null): string {
  return `xt_live_${schema ?? 'public'}`;
}

/** Opens the store and builds the service context (also used by the CLI, without HTTP). */
export async function openContext(opts: Pick<StartServerOptions, 'dataDir' | 'databaseUrl' | 'pgSchema' | 'settings' | 'now'>,
  onCommit: ServerContext['onCommit'] = () => undefined): Promise<{ store: Store; ctx: ServerContext }> {
  const store = await openStore(opts);
  try {
    const now = opts.now ?? (() => new Date());
    await migrate(store.db, store.dialect, now);
    const ctx: ServerContext = {
      db: store.db, dialect: store.dialect, now, settings: { ...DEFAULT_SETTINGS, ...opts.settings },
      notifyChannel: store.dialect === 'postgres' ? liveChannel(store.pgSchema) : null, onCommit,
    };
    return { store, ctx };
  } catch (e) {
    await store.close();
    throw e;
  }
}

export async function startServer(opts: StartServerOptions = {}): Promise<RunningServer> {
  const settings = { ...DEFAULT_SETTINGS, ...opts.settings };
  const hub = new LiveHub(settings.liveHeartbeatMs, opts.now ?? (() => new Date()), null);
  let liveEpoch: string | null = null;
  const { store, ctx } = await openContext({ ...opts, settings }, (touched, entries) => {
    // The committing process hands the new entries to its own sockets first (the poke that follows is then already
    // satisfied); on PostgreSQL every process (this one included) pokes from LISTEN, on SQLite there is only this one.
    if (liveEpoch !== null) hub.sendChanges(liveEpoch, entries);
    if (store.dialect === 'sqlite') hub.poke(touched);
  });
  try {
    hub.checkSessions = (hashes) => validSessions(ctx, hashes);
    if (store.pgConfig) await hub.listen(store.pgConfig, ctx.notifyChannel!);
    if (opts.seed === 'demo') await seedDemo(ctx);
    const epoch = await ensureEpoch(ctx.db);
    liveEpoch = epoch;
    const app = await buildApp(ctx, hub, () => epoch, opts.logger ?? false);
    const stopPruning = schedulePruning(ctx, (err) => app.log.warn({ err }, 'pruning failed'));
    await app.listen({ host: opts.host ?? '127.0.0.1', port: opts.port ?? 0 });
    const addr = app.server.address() as AddressInfo;
    const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
    let closed = false;
    return {
      url: `http://${host}:${addr.port}`,
      epoch,
      async close() {
        if (closed) return;
        closed = true;
        stopPruning();
        await hub.close();
        await app.close();
        await store.close();
      },
    };
  } catch (e) {
    await hub.close();
    await store.close();
    throw e;
  }
}
