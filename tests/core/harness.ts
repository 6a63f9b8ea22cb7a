/**
 * Test harness for the client core: a real server on SQLite in a temp dir, real cores with separate data dirs, and
 * waits on core events / conditions with a bounded timeout (never fixed sleeps).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../src-server/server.ts';
import { createCore, type Core } from '../../src-main/core/index.ts';
import type { IpcResult } from '../../shared/ipc/define.ts';
import type { Contract } from '../../shared/ipc/contract.ts';
import type { z } from 'zod';

export const PASSWORD = (JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../resources/seed/demo-users.json'), 'utf8')) as { password: string }).password;

const made: string[] = [];
export function removeTempDirs(): void {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}
process.once('exit', removeTempDirs); // plain Node (the bench)
if (process.env.VITEST) {
  // Under vitest the worker is torn down without 'exit': clean up after the file's last test instead.
  const { afterAll } = await import('vitest');
  afterAll(removeTempDirs);
}

/** A fresh temp directory, removed when the process exits. */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `xt-${prefix}-`));
  made.push(dir);
  return dir;
}

export type RunningServer = Awaited<ReturnType<typeof startServer>>;

export async function startTestServer(dataDir = tempDir('server')): Promise<RunningServer & { dataDir: string }> {
  const s = await startServer({ dataDir, port: 0, host: '127.0.0.1', seed: 'demo', settings: { scryptCost: 1024 } });
  return { ...s, dataDir };
}

type Out<F extends keyof Contract, V extends keyof Contract[F]> = Contract[F][V] extends { output: infer O extends z.ZodType } ? z.output<O> : never;

/** Calls a channel through invoke (as a host would) and throws the coded error when it fails. */
export async function call<F extends keyof Contract & string, V extends keyof Contract[F] & string>(core: Core, channel: `${F}.${V}`, input: unknown = {}): Promise<Out<F, V>> {
  const r = await core.invoke(channel, input);
  if (!r.ok) throw Object.assign(new Error(`${channel}: ${r.error.code} ${r.error.message}`), { code: r.error.code, details: r.error.details });
  return r.value as Out<F, V>;
}

export async function callErr(core: Core, channel: string, input: unknown = {}): Promise<Extract<IpcResult<unknown>, { ok: false }>['error']> {
  const r = await core.invoke(channel, input);
  if (r.ok) throw new Error(`${channel} succeeded but an error was expected`);
  return r.error;
}

export interface TestClient {
  core: Core;
  dataDir: string;
  username: string;
}

export async function client(serverUrl: string, username: string, dataDir = tempDir(username)): Promise<TestClient> {
  const core = await createCore({ dataDir, serverUrl });
  await call(core, 'auth.login', { serverUrl, username, password: PASSWORD });
  return { core, dataDir, username };
}

/** Resolves when `check` returns a truthy value; re-checked after every core event and every 50 ms. */
export async function waitFor<T>(core: Core | Core[], check: () => Promise<T | null | undefined | false> | T | null | undefined | false, what: string, timeoutMs = 20_000): Promise<T> {
  const cores = Array.isArray(core) ? core : [core];
  return new Promise<T>((resolve, reject) => {
    let done = false;
    let checking = false;
    const offs = cores.map((c) => c.onEvent(() => void run()));
    const tick = setInterval(() => void run(), 50);
    const timer = setTimeout(() => finish(new Error(`timed out waiting for ${what}`)), timeoutMs);
    function finish(err: Error | null, value?: T) {
      if (done) return;
      done = true;
      clearInterval(tick);
      clearTimeout(timer);
      offs.forEach((o) => o());
      if (err) reject(err);
      else resolve(value as T);
    }
    async function run() {
      if (done || checking) return;
      checking = true;
      try {
        const v = await check();
        if (v) finish(null, v);
      } catch (e) {
        finish(e as Error);
      } finally {
        checking = false;
      }
    }
    void run();
  });
}

export function minimalPdf(text = 'Hello'): Uint8Array {
  // A tiny valid PDF with one page of Latin text (for tests that need a PDF but not the fixtures).
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = `BT /F1 12 Tf 20 100 Td (${text}) Tj ET`;
  objs[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
