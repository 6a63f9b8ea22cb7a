/**
 * Shell benchmark (npm run bench -- shell), every figure beside a baseline measured in the same run:
 *  1. bridge round trip of a contract call through the browser host (token, origin, frame decode, schema gate) with an
 *     instant core (baseline: raw `ws` echo round trip on loopback);
 *  2. a 10 MB attachment (files.add input) through the bridge (baseline: the same bytes echoed by raw `ws`);
 *  3. `npm start` to the printed URL, first run (embedded server seeds the 69 units) and second run on the same data
 *     directory (baseline: tsx running an empty script).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket, { WebSocketServer } from 'ws';
import { startBrowserHost } from '../../src-main/hosts/browser-host.ts';
import type { CorePort } from '../../src-main/hosts/core-port.ts';
import { createBridgeClient } from '../../shared/ipc/bridge-client.ts';
import { REPO_ROOT } from '../helpers/environment.ts';
import { percentile, type BenchFigure } from './figures.ts';

const ROUNDS = 2000;

function connect(url: string, origin?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

async function rawEcho(payload: string, rounds: number): Promise<number[]> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: 64 << 20 });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  wss.on('connection', (ws) => ws.on('message', (d) => ws.send(d.toString())));
  const ws = await connect(`ws://127.0.0.1:${(wss.address() as { port: number }).port}`);
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await new Promise<void>((r) => {
      ws.once('message', () => r());
      ws.send(payload);
    });
    times.push(performance.now() - t0);
  }
  ws.close();
  await new Promise<void>((r) => wss.close(() => r()));
  return times.sort((a, b) => a - b);
}

async function bridgeTimes(channel: string, input: unknown, rounds: number): Promise<number[]> {
  const core: CorePort = {
    invoke: async () => ({ ok: true, value: { ok: true } }),
    onEvent: () => () => undefined,
    close: async () => undefined,
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xt-bench-shell-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
  const host = await startBrowserHost({ core, rendererDir: dir, host: '127.0.0.1' });
  const token = new URL(host.url).searchParams.get('token');
  const ws = await connect(`ws://127.0.0.1:${host.port}/bridge?token=${token}`, host.origin);
  const client = createBridgeClient(ws as unknown as Parameters<typeof createBridgeClient>[0]);
  await client.ready;
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    const r = await client.invoke(channel, input);
    if (!r.ok) throw new Error(`bridge refused ${channel}: ${r.error.code}`);
    times.push(performance.now() - t0);
  }
  client.close();
  await host.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return times.sort((a, b) => a - b);
}

function timeToLine(args: string[], pattern: RegExp): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const tsx = path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs');
    const child = spawn(process.execPath, [tsx, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (pattern.test(out)) {
        const ms = performance.now() - t0;
        process.kill(-child.pid!, 'SIGINT');
        child.once('exit', () => resolve(ms));
      }
    });
    child.once('exit', (code) => {
      if (!pattern.test(out)) reject(new Error(`exited ${code} before ${pattern}: ${out}`));
    });
  });
}

export async function run(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const smallFrame = JSON.stringify({ id: 1, channel: 'documents.counts', input: {} });
  const raw = await rawEcho(smallFrame, ROUNDS);
  const bridge = await bridgeTimes('documents.counts', {}, ROUNDS);
  figures.push({
    name: 'bridge round trip, documents.counts (p50)',
    value: percentile(bridge, 50),
    unit: 'ms',
    baseline: { name: 'raw ws echo (p50)', value: percentile(raw, 50), unit: 'ms' },
    extra: { p95: percentile(bridge, 95), baselineP95: percentile(raw, 95), rounds: ROUNDS },
  });

  const tenMb = new Uint8Array(10 * 1024 * 1024).map((_, i) => i & 255);
  const bigInput = { name: '附件.pdf', data: tenMb };
  const bigRaw = await rawEcho(JSON.stringify({ id: 1, channel: 'files.add', input: { name: '附件.pdf', data: { $bytes: Buffer.from(tenMb).toString('base64') } } }), 10);
  const bigBridge = await bridgeTimes('files.add', bigInput, 10);
  figures.push({
    name: 'bridge 10 MB files.add input (p50)',
    value: percentile(bigBridge, 50),
    unit: 'ms',
    baseline: { name: 'raw ws echo of the same frame (p50)', value: percentile(bigRaw, 50), unit: 'ms' },
  });

  const empty = await timeToLine(['-e', "console.log('ready')"], /ready/);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xt-bench-start-'));
  const startArgs = ['src-main/start.ts', '--browser', '--data-dir', dataDir, '--port', '0'];
  const first = await timeToLine(startArgs, /browser host: http/);
  const second = await timeToLine(startArgs, /browser host: http/);
  fs.rmSync(dataDir, { recursive: true, force: true });
  figures.push({ name: 'npm start to URL, first run (seeds demo server)', value: first, unit: 'ms', baseline: { name: 'tsx empty script', value: empty, unit: 'ms' } });
  figures.push({ name: 'npm start to URL, second run', value: second, unit: 'ms', baseline: { name: 'tsx empty script', value: empty, unit: 'ms' } });
  return figures;
}
