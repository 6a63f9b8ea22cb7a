/**
 * Test harness for the central server: the same suites run on SQLite (temp data dir) and on PostgreSQL (a uniquely
 * named schema per server group, dropped afterwards). `api()` is a small typed HTTP client for real loopback calls.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { hasPostgres, PG_URL } from '../helpers/environment.ts';
import { startServer, type RunningServer, type StartServerOptions } from '../../src-server/server.ts';
import { API_PREFIX, type LoginResponse, type MutationBody, type MutationResult } from '../../shared/sync/protocol.ts';

export type BackendName = 'sqlite' | 'postgres';
export const PG_AVAILABLE = await hasPostgres();
export const BACKENDS: BackendName[] = PG_AVAILABLE ? ['sqlite', 'postgres'] : ['sqlite'];
export const DEMO_PASSWORD = 'Xietong@2026';
/** Cheap scrypt in tests (the production default is 16384). */
export const TEST_SETTINGS = { scryptCost: 1024 } as const;

export interface StoreLocation { options: Pick<StartServerOptions, 'dataDir' | 'databaseUrl' | 'pgSchema'>; drop(): Promise<void> }

export function newStore(backend: BackendName): StoreLocation {
  if (backend === 'sqlite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xt-server-'));
    return { options: { dataDir }, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const pgSchema = `xt_test_${randomBytes(6).toString('hex')}`;
  return {
    options: { databaseUrl: PG_URL, pgSchema },
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      try { await c.query(`drop schema if exists ${pgSchema} cascade`); } finally { await c.end(); }
    },
  };
}

export interface TestServer extends RunningServer { store: StoreLocation }

export async function startTestServer(backend: BackendName, extra: Partial<StartServerOptions> = {}, store = newStore(backend)): Promise<TestServer> {
  const server = await startServer({ ...store.options, seed: 'demo', logger: false, ...extra, settings: { ...TEST_SETTINGS, ...extra.settings } });
  return { ...server, store };
}

export interface Reply<T = unknown> { status: number; body: T; headers: Headers }

export async function api<T = unknown>(base: string, method: string, route: string, opts: { token?: string; json?: unknown; body?: Buffer | string; headers?: Record<string, string> } = {}): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: BodyInit | undefined;
  if (opts.json !== undefined) { headers['content-type'] = 'application/json'; body = JSON.stringify(opts.json); }
  else if (opts.body !== undefined) { body = typeof opts.body === 'string' ? opts.body : new Uint8Array(opts.body); }
  const res = await fetch(base + API_PREFIX + route, { method, headers, body });
  const type = res.headers.get('content-type') ?? '';
  const parsed = type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer());
  return { status: res.status, body: parsed as T, headers: res.headers };
}

export async function login(base: string, username: string, password = DEMO_PASSWORD): Promise<LoginResponse> {
  const r = await api<LoginResponse>(base, 'POST', '/auth/login', { json: { username, password } });
  if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export function mutation(body: MutationBody, id: string = uuidv7()) {
  return { id, clientTime: new Date().toISOString(), ...body };
}

export async function push(base: string, token: string, mutations: unknown[]): Promise<MutationResult[]> {
  const r = await api<{ results: MutationResult[] }>(base, 'POST', '/sync/push', { token, json: { mutations } });
  if (r.status !== 200) throw new Error(`push failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.results;
}

/** A small but real-looking PDF (magic bytes + body), unique per call unless a seed is given. */
export function pdfBytes(size = 20_000, seed = randomBytes(8).toString('hex')): Buffer {
  const head = Buffer.from(`%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog /Seed (${seed}) >>\nendobj\n`, 'latin1');
  const fill = Buffer.alloc(Math.max(0, size - head.length - 6), 0x20);
  return Buffer.concat([head, fill, Buffer.from('%%EOF\n')]);
}

/** Waits for a condition with a bounded timeout (no sleeps as synchronisation). */
export async function waitFor<T>(what: string, probe: () => T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
