/**
 * Inbox at 100,000 documents, measured in Chromium against the real renderer, core, browser host and server
 * (npm run bench -- inbox-ui). Each figure has a baseline from the same run:
 *  1. open to interactive inbox (core opens the stored session, host starts, page loads, first rows painted) with
 *     100,000 documents in the local store — baseline: the same for a user with an empty store;
 *  2. inbox scroll: jump to a random position and wait until that row is painted with data (a page fetched by
 *     offset/limit) — baseline: a jump inside the already loaded first page (paint only);
 *  3. search from Enter to results painted, at 100,000 documents — baseline: the same search on the empty store.
 * The 100,000 documents are written straight into the client's SQLite store with the core's own record writers
 * (as the sync engine would after pulling them), so the server is not the bottleneck being measured.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Page } from 'playwright-core';
import { createCore } from '../../src-main/core/index.ts';
import { startBrowserHost } from '../../src-main/hosts/browser-host.ts';
import { openStore } from '../../src-main/core/store/db.ts';
import { writeDocument, writeServerDelivery } from '../../src-main/core/store/records.ts';
import type { Delivery, OfficialDocument, Urgency } from '../../shared/schemas/documents.ts';
import { ensureRenderer, launchChromium, PASSWORD, startE2eServer, tempDir } from '../e2e/stack.ts';
import { CHROMIUM } from '../helpers/environment.ts';
import { percentile, type BenchFigure } from './figures.ts';
import fs from 'node:fs';
import path from 'node:path';

const COUNT = 100_000;
const TOPICS = ['冬季供暖保障', '安全生产大检查', '优化营商环境', '城市道路清冰雪', '政府信息公开', '防汛抗旱', '乡村振兴', '招商引资', '疫情防控', '森林防火'];

function seedStore(file: string, unit: string): void {
  const db = openStore(file);
  const urgencies: Urgency[] = ['normal', 'normal', 'normal', 'urgent', 'extra-urgent'];
  const base = Date.parse('2026-01-01T00:00:00Z');
  db.transaction(() => {
    for (let i = 0; i < COUNT; i++) {
      const at = new Date(base + i * 60_000).toISOString();
      const doc: OfficialDocument = {
        id: uuidv7(), title: `关于做好${TOPICS[i % TOPICS.length]}工作的通知（第${i + 1}期）`,
        docNumber: { prefix: '哈政办发', year: 2026, sequence: i + 1 }, urgency: urgencies[i % urgencies.length], secrecy: 'none',
        mainTo: [unit], copyTo: [], mainFile: null, attachments: [], note: null,
        senderUnit: 'BGT', createdBy: '0190a0b0-0000-7000-8000-000000000001', createdByName: '王敏', sentAt: at,
      };
      const delivery: Delivery = {
        id: uuidv7(), documentId: doc.id, senderUnit: 'BGT', recipientUnit: unit, role: 'main', status: i % 3 === 0 ? 'delivered' : 'signed',
        deliveredAt: at, readAt: null, readBy: null, signedAt: null, signedBy: null, signOpinion: null, signNumber: null,
        registeredAt: null, registeredBy: null, refusedAt: null, refusedReason: null, recalledAt: null,
        remindCount: 0, lastRemindedAt: null, lastRemindMessage: null, updatedAt: at,
      };
      writeDocument(db, doc, true);
      writeServerDelivery(db, delivery, 'bench');
    }
  })();
  db.close();
}

async function firstRows(page: Page): Promise<void> {
  await page.locator('[data-testid=inbox-row] .xt-title-cell').first().waitFor({ timeout: 120_000 });
}

/** Runs in the page; kept as text because tsx would wrap named inner functions in a helper the page lacks. */
const JUMPS = `async (list) => {
  const box = document.querySelector('[data-testid=inbox-list]');
  const out = [];
  for (const index of list) {
    const t0 = performance.now();
    box.scrollTop = index * 44;
    await new Promise((resolve) => {
      const check = () => {
        const row = document.querySelector('[data-testid=inbox-row][data-index="' + index + '"] .xt-title-cell');
        if (row) resolve(); else requestAnimationFrame(check);
      };
      check();
    });
    out.push(performance.now() - t0);
  }
  return out;
}`;

async function jumps(page: Page, targets: number[]): Promise<number[]> {
  return page.evaluate(`(${JUMPS})(${JSON.stringify(targets)})`) as Promise<number[]>;
}

async function searchMs(page: Page, query: string): Promise<number> {
  await page.getByTestId('nav-search').click();
  const input = page.getByTestId('search-input').locator('input');
  await input.fill(query);
  const t0 = Date.now();
  await input.press('Enter');
  await page.getByTestId('search-results').waitFor({ timeout: 60_000 });
  return Date.now() - t0;
}

export async function run(): Promise<BenchFigure[]> {
  if (!CHROMIUM) return [];
  const rendererDir = await ensureRenderer();
  const server = await startE2eServer();
  const browser = await launchChromium();
  const dirs: Record<string, string> = {};
  try {
    // Log in once per user (real server), then close the core so the store can be filled.
    for (const user of ['daoli.clerk', 'nangang.clerk']) {
      dirs[user] = tempDir(`bench-${user}`);
      const core = await createCore({ dataDir: dirs[user] });
      const r = await core.invoke('auth.login', { serverUrl: server.url, username: user, password: PASSWORD });
      if (!r.ok) throw new Error(r.error.code);
      await core.close();
    }
    const seedT0 = performance.now();
    seedStore(path.join(dirs['daoli.clerk'], 'profiles', 'daoli.clerk.sqlite'), 'D-DAOLI');
    const seedMs = performance.now() - seedT0;

    const open = async (user: string) => {
      const t0 = performance.now();
      const core = await createCore({ dataDir: dirs[user] });
      const host = await startBrowserHost({ core, rendererDir });
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.goto(host.url);
      return { core, host, context, page, t0 };
    };
    const empty = await open('nangang.clerk');
    await empty.page.getByTestId('inbox-total').waitFor({ timeout: 120_000 });
    const emptyOpenMs = performance.now() - empty.t0;
    const full = await open('daoli.clerk');
    await firstRows(full.page);
    const fullOpenMs = performance.now() - full.t0;
    const total = await full.page.getByTestId('inbox-total').textContent();

    const far = Array.from({ length: 25 }, (_, i) => Math.floor(((i * 7919) % 997) / 997 * (COUNT - 20)) + 3);
    const farMs = (await jumps(full.page, far)).sort((a, b) => a - b);
    await jumps(full.page, [0]);
    const nearMs = (await jumps(full.page, [5, 20, 40, 60, 80, 10, 30, 50, 70, 90])).sort((a, b) => a - b);

    const searchFull = await searchMs(full.page, '清冰雪');
    const searchEmpty = await searchMs(empty.page, '清冰雪');
    const hits = await full.page.getByTestId('search-results').getAttribute('data-count');

    for (const d of [empty, full]) { await d.context.close(); await d.host.close(); await d.core.close(); }
    return [
      { name: `open to interactive inbox, ${COUNT} documents in the store`, value: Math.round(fullOpenMs), unit: 'ms',
        baseline: { name: 'same with an empty store', value: Math.round(emptyOpenMs), unit: 'ms' }, extra: { inboxTotal: total ?? '', seedMs: Math.round(seedMs) } },
      { name: 'inbox jump to a random row, painted with data (p50)', value: Math.round(percentile(farMs, 50)), unit: 'ms',
        baseline: { name: 'jump inside the loaded first page (p50)', value: Math.round(percentile(nearMs, 50)), unit: 'ms' }, extra: { p95: Math.round(percentile(farMs, 95)), jumps: far.length } },
      { name: `search "清冰雪" at ${COUNT} documents, Enter to results painted`, value: searchFull, unit: 'ms',
        baseline: { name: 'same search, empty store', value: searchEmpty, unit: 'ms' }, extra: { hitsShown: hits ?? '' } },
    ];
  } finally {
    for (const dir of Object.values(dirs)) fs.rmSync(dir, { recursive: true, force: true });
    await browser.close();
    await server.close();
  }
}
