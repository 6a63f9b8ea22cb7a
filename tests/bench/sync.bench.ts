/**
 * Sync benchmark (npm run bench -- sync), every figure beside a baseline measured in the same run on the same box:
 *  1. one document fanned out to 69 live clients: ms from send to each client's 'changed' event with the document
 *     (baseline: 69 concurrent raw GET /health on loopback against the same server);
 *  2. a fresh client pulling 10,000 documents (baseline: raw better-sqlite3 insert of the same rows in one transaction);
 *  3. 200 × 1 MB attachments, upload then download (baseline: raw loopback node:http POST of the same bytes);
 *  4. peak RSS of the bench process while clients sync (server in the same process; baseline: RSS before).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { createCore, type Core } from '../../src-main/core/index.ts';
import { API_PREFIX } from '../../shared/sync/protocol.ts';
import { percentile, type BenchFigure } from './figures.ts';
import { call, PASSWORD, startTestServer, tempDir, waitFor } from '../core/harness.ts';

interface DemoUser { username: string; unitCode: string; roles: string[] }
const demo = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../resources/seed/demo-users.json'), 'utf8')) as { users: DemoUser[] };
const clerks = new Map<string, string>();
for (const u of demo.users) if (u.roles.includes('clerk') && !clerks.has(u.unitCode)) clerks.set(u.unitCode, u.username);

function fileOf(size: number, seed: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(crypto.randomBytes(size));
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  b[8] = seed & 255;
  return b;
}

async function login(url: string, username: string): Promise<Core> {
  const core = await createCore({ dataDir: tempDir(`bench-${username}`), serverUrl: url });
  await call(core, 'auth.login', { serverUrl: url, username, password: PASSWORD });
  await call(core, 'sync.now');
  return core;
}

const draft = (title: string, mainTo: string[], mainFile: unknown, seq: number) => ({
  title, docNumber: { prefix: '哈政办发', year: 2026, sequence: seq }, urgency: 'normal', secrecy: 'none', mainTo, copyTo: [], mainFile, attachments: [], note: null, confirmNonClassified: true,
});

let peakRss = 0;
const rssTimer = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 50);
rssTimer.unref();

async function fanOut(): Promise<BenchFigure[]> {
  const server = await startTestServer();
  const cores: Core[] = [];
  try {
    const sender = await login(server.url, 'bgt.clerk');
    const units = [...clerks.keys()].filter((u) => u !== 'BGT');
    const receivers: { unit: string; core: Core }[] = [];
    for (const unit of units) receivers.push({ unit, core: await login(server.url, clerks.get(unit)!) });
    cores.push(sender, ...receivers.map((r) => r.core));
    await waitFor(receivers.map((r) => r.core), async () => {
      for (const r of receivers) if (!(await call(r.core, 'sync.status')).live) return false;
      return true;
    }, 'all live channels', 30_000);
    const file = await call(sender, 'files.add', { name: 'fanout.png', data: fileOf(2048, 1) });
    const samples: number[] = [];
    const rounds = 8;
    for (let round = 0; round < rounds; round++) {
      const got = new Map<string, number>();
      let t0 = 0;
      let documentId = '';
      const offs = receivers.map((r) => r.core.onEvent((e) => {
        if (e.type !== 'changed' || got.has(r.unit) || !documentId) return;
        const at = performance.now();
        void call(r.core, 'documents.inbox', { limit: 5 }).then((p) => {
          if (!got.has(r.unit) && p.rows.some((x) => x.documentId === documentId)) got.set(r.unit, at - t0);
        });
      }));
      t0 = performance.now();
      documentId = (await call(sender, 'documents.send', draft(`联调通知${round}`, units, file, round + 1))).documentId;
      await waitFor(receivers.map((r) => r.core), () => got.size === receivers.length, 'fan-out round', 30_000);
      offs.forEach((o) => o());
      samples.push(...got.values());
    }
    samples.sort((a, b) => a - b);
    // Baseline: 69 concurrent raw HTTP GETs of /health against the same server, same process.
    const raw: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const t0 = performance.now();
      await Promise.all(units.map(async () => {
        const r = await fetch(`${server.url}${API_PREFIX}/health`);
        await r.arrayBuffer();
        raw.push(performance.now() - t0);
      }));
    }
    raw.sort((a, b) => a - b);
    const base = (v: number) => ({ name: '69 concurrent raw GET /health', value: v, unit: 'ms' });
    return [
      { name: `fan-out to ${units.length} live clients p50`, value: percentile(samples, 50), unit: 'ms', baseline: base(percentile(raw, 50)), extra: { samples: samples.length, target_p50: 41 } },
      { name: `fan-out to ${units.length} live clients p95`, value: percentile(samples, 95), unit: 'ms', baseline: base(percentile(raw, 95)) },
      { name: `fan-out to ${units.length} live clients max`, value: samples[samples.length - 1], unit: 'ms', baseline: base(raw[raw.length - 1]), extra: { target_max: 71 } },
    ];
  } finally {
    await Promise.all(cores.map((c) => c.close()));
    await server.close();
  }
}

async function rawLogin(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}${API_PREFIX}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  return ((await res.json()) as { token: string }).token;
}

async function bigPull(): Promise<BenchFigure[]> {
  const server = await startTestServer();
  const N = Number(process.env.XT_BENCH_PULL_DOCS ?? 10_000);
  const cores: Core[] = [];
  try {
    // Seed: the General Office's 10,000 sends, pushed over the wire protocol in batches of 100 (setup, not timed).
    const token = await rawLogin(server.url, 'bgt.clerk');
    const auth = { authorization: `Bearer ${token}` };
    const png = fileOf(4096, 2);
    const sha256 = crypto.createHash('sha256').update(png).digest('hex');
    await fetch(`${server.url}${API_PREFIX}/blobs/${sha256}?offset=0&size=${png.length}&name=pull.png`, { method: 'PUT', headers: { ...auth, 'content-type': 'application/octet-stream' }, body: png });
    const mainFile = { sha256, name: 'pull.png', size: png.length, kind: 'png' };
    for (let i = 0; i < N; i += 100) {
      const mutations = Array.from({ length: Math.min(100, N - i) }, (_, k) => ({
        id: uuidv7(), clientTime: new Date().toISOString(), type: 'document.send',
        payload: { ...draft(`批量测试文件第${i + k + 1}号：关于做好有关工作的通知`, ['D-DAOLI'], mainFile, ((i + k) % 99999) + 1), confirmNonClassified: undefined, documentId: uuidv7() },
      }));
      const res = await fetch(`${server.url}${API_PREFIX}/sync/push`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ mutations }) });
      const body = (await res.json()) as { results: { status: string }[] };
      if (!res.ok || body.results.some((r) => r.status !== 'applied')) throw new Error(`seeding failed: ${res.status}`);
    }

    const t0 = performance.now();
    const fresh = await createCore({ dataDir: tempDir('bench-fresh'), serverUrl: server.url });
    cores.push(fresh);
    await call(fresh, 'auth.login', { serverUrl: server.url, username: 'daoli.clerk', password: PASSWORD });
    await call(fresh, 'sync.now');
    const total = (await call(fresh, 'documents.inbox', { limit: 1 })).total;
    const seconds = (performance.now() - t0) / 1000;
    if (total < N) throw new Error(`pulled only ${total} of ${N}`);

    // Baseline: the same change rows, fetched raw, inserted into better-sqlite3 (WAL) in one transaction.
    const rawToken = await rawLogin(server.url, 'daoli.handler');
    const rows: { seq: number; json: string }[] = [];
    for (let cursor = 0, more = true; more;) {
      const r = await fetch(`${server.url}${API_PREFIX}/sync/pull?cursor=${cursor}&limit=1000`, { headers: { authorization: `Bearer ${rawToken}` } });
      const page = (await r.json()) as { changes: { seq: number }[]; cursor: number; hasMore: boolean };
      for (const c of page.changes) rows.push({ seq: c.seq, json: JSON.stringify(c) });
      cursor = page.cursor;
      more = page.hasMore;
    }
    const db = new Database(path.join(tempDir('bench-raw'), 'raw.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE changes (seq INTEGER PRIMARY KEY, json TEXT NOT NULL)');
    const ins = db.prepare('INSERT INTO changes (seq, json) VALUES (?, ?)');
    const r0 = performance.now();
    db.transaction(() => { for (const r of rows) ins.run(r.seq, r.json); })();
    const rawSeconds = (performance.now() - r0) / 1000;
    db.close();
    return [{
      name: `fresh client pulls ${total} documents (${rows.length} changes)`, value: seconds, unit: 's',
      baseline: { name: 'raw better-sqlite3 insert of the same rows, one transaction', value: rawSeconds, unit: 's' },
      extra: { docs_per_s: total / seconds, target_s: 0.35 },
    }];
  } finally {
    await Promise.all(cores.map((c) => c.close()));
    await server.close();
  }
}

async function attachments(): Promise<BenchFigure[]> {
  const server = await startTestServer();
  const cores: Core[] = [];
  const COUNT = 200;
  const SIZE = 1024 * 1024;
  try {
    const sender = await login(server.url, 'bgt.clerk');
    const receiver = await login(server.url, 'daoli.clerk');
    cores.push(sender, receiver);
    const files = [];
    for (let i = 0; i < COUNT; i++) files.push(await call(sender, 'files.add', { name: `附件${i}.png`, data: fileOf(SIZE, i) }));
    await call(sender, 'sync.setOffline', { offline: true });
    await call(receiver, 'sync.setOffline', { offline: true }); // downloads are measured on their own below
    for (let i = 0; i < COUNT; i++) await call(sender, 'documents.send', draft(`附件测试${i}`, ['D-DAOLI'], files[i], i + 1));
    const rssBefore = process.memoryUsage().rss;
    peakRss = rssBefore;
    const u0 = performance.now();
    await call(sender, 'sync.setOffline', { offline: false });
    await waitFor(sender, async () => (await call(sender, 'sync.status')).pending === 0, 'uploads', 120_000);
    const upSeconds = (performance.now() - u0) / 1000;
    let downloaded = 0;
    const off = receiver.onEvent((e) => {
      if (e.type === 'changed' && e.entities.includes('files')) downloaded++;
    });
    const d0 = performance.now();
    await call(receiver, 'sync.setOffline', { offline: false });
    await call(receiver, 'sync.now');
    await waitFor(receiver, () => downloaded >= COUNT, 'downloads', 120_000);
    const downSeconds = (performance.now() - d0) / 1000;
    off();
    const inbox = await call(receiver, 'documents.inbox', { limit: 500 });
    for (const row of inbox.rows) {
      const d = await call(receiver, 'documents.get', { documentId: row.documentId });
      if (!d.files.every((f) => f.available)) throw new Error('a download is missing');
    }
    if (inbox.rows.length < COUNT) throw new Error(`received only ${inbox.rows.length}`);
    const peak = peakRss;

    // Baseline: the same 200 × 1 MB over raw loopback node:http POST (keep-alive, 4 at a time like the download queue).
    const sink = http.createServer((req, res) => { req.resume(); req.on('end', () => res.end('ok')); });
    await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
    const port = (sink.address() as { port: number }).port;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    const payload = fileOf(SIZE, 0);
    const b0 = performance.now();
    await Promise.all(Array.from({ length: COUNT }, () => new Promise<void>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/', agent, headers: { 'content-length': SIZE } }, (res) => { res.resume(); res.on('end', resolve); });
      req.on('error', reject);
      req.end(payload);
    })));
    const rawSeconds = (performance.now() - b0) / 1000;
    agent.destroy();
    sink.close();
    // Context: the same server's own blob ingest, 50 raw PUTs of 1 MB with no client core in between.
    const token = await rawLogin(server.url, 'bgt.secretary');
    const p0 = performance.now();
    for (let i = 0; i < 50; i++) {
      const b = fileOf(SIZE, 250 - i);
      const sha = crypto.createHash('sha256').update(b).digest('hex');
      const r = await fetch(`${server.url}${API_PREFIX}/blobs/${sha}?offset=0&size=${SIZE}&name=raw.png`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, body: b });
      await r.arrayBuffer();
    }
    const serverPut = 50 / ((performance.now() - p0) / 1000);
    const mb = (COUNT * SIZE) / (1024 * 1024);
    const baseline = { name: 'raw loopback node:http POST, same bytes', value: mb / rawSeconds, unit: 'MB/s' };
    return [
      { name: `${COUNT} × 1 MB upload (resumable chunks, hash-checked)`, value: mb / upSeconds, unit: 'MB/s', baseline, extra: { seconds: upSeconds, same_server_raw_put_MBps: serverPut } },
      { name: `${COUNT} × 1 MB download (queue, hash-checked, to files)`, value: mb / downSeconds, unit: 'MB/s', baseline, extra: { seconds: downSeconds } },
      { name: 'peak RSS during attachment sync (2 clients + server in one process)', value: peak / 1e6, unit: 'MB', baseline: { name: 'RSS before', value: rssBefore / 1e6, unit: 'MB' } },
    ];
  } finally {
    await Promise.all(cores.map((c) => c.close()));
    await server.close();
  }
}

export async function run(): Promise<BenchFigure[]> {
  const out: BenchFigure[] = [];
  const only = process.env.XT_BENCH_ONLY;
  for (const [name, part] of [['fanout', fanOut], ['attachments', attachments], ['pull', bigPull]] as const) {
    if (only && only !== name) continue;
    const t0 = performance.now();
    out.push(...(await part()));
    console.log(`  (${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  return out;
}
