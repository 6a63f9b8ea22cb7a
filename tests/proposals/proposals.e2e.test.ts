/**
 * End to end in Chromium (real renderer build, real cores behind real browser hosts, real server): the General Office
 * imports items and assigns one; 道里区 signs, records a contact and answers with category A; the office reviews and
 * records 满意. Screenshots of the list, the item's timeline and the statistics page are saved as artifacts.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRenderer } from '../../src-main/hosts/renderer-build.ts';
import { artifactPath, hasChromium, REPO_ROOT } from '../helpers/environment.ts';
import { login } from '../e2e/pages.ts';
import { launchChromium, openDesk, startE2eServer, tempDir, type Desk, type Server } from '../e2e/stack.ts';
import { itemsXlsx } from './xlsxFixture.ts';

const T = 30_000;

async function goto(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => { location.hash = h; }, hash);
}
async function status(page: Page, text: string): Promise<void> {
  await page.getByTestId('proposal-status').filter({ hasText: text }).waitFor({ timeout: T });
}
async function act(page: Page, action: string, fill: () => Promise<void> = async () => undefined): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  await fill();
  await page.getByTestId('action-submit').click();
}

describe.runIf(hasChromium())('proposal handling in the browser', () => {
  let server: Server;
  let browser: Browser;
  let rendererDir: string;
  const desks: Desk[] = [];
  beforeAll(async () => {
    rendererDir = tempDir('renderer-proposals');
    await buildRenderer(REPO_ROOT, rendererDir); // a private, current build of the renderer
    server = await startE2eServer();
    browser = await launchChromium();
  }, 400_000);
  afterAll(async () => {
    for (const d of desks) await d.close();
    await browser?.close();
    await server?.close();
  });

  it('import → assign → sign → reply → review → 满意, with list, timeline and statistics screenshots', async () => {
    const office = await openDesk(browser, rendererDir, 'bgt-proposals');
    const daoli = await openDesk(browser, rendererDir, 'daoli-proposals');
    desks.push(office, daoli);
    await login(office.page, server.url, 'bgt.handler');
    await login(daoli.page, server.url, 'daoli.handler');
    const o = office.page;
    const d = daoli.page;

    // import 12 items from an xlsx file: preview, then all at once
    await goto(o, '#/proposals/import');
    await o.getByTestId('import-file').setInputFiles({ name: '2026年建议提案.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await itemsXlsx(12)) });
    await o.getByTestId('import-summary').filter({ hasText: '可导入 12 行' }).waitFor({ timeout: T });
    await o.getByTestId('import-commit').click();
    await o.getByTestId('proposals-list').waitFor({ timeout: T });
    await o.locator('[data-testid=proposal-row][data-number="1"]').waitFor({ timeout: T });
    expect(await o.getByTestId('proposal-row').count()).toBe(12);

    // 分办 to 道里区
    await o.locator('[data-testid=proposal-row][data-number="1"]').click();
    await status(o, '已登记');
    await act(o, 'assign', async () => {
      await o.getByTestId('action-lead').click();
      await o.keyboard.type('道里');
      await o.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '道里区' }).first().click();
    });
    await status(o, '已交办');

    // 道里区: sign, record a phone contact, answer with category A
    await goto(d, '#/proposals');
    await d.locator('[data-testid=proposal-row][data-number="1"]').waitFor({ timeout: T });
    expect(await d.getByTestId('proposal-row').count()).toBe(1); // only what is assigned to the unit
    await d.locator('[data-testid=proposal-row][data-number="1"]').click();
    await status(d, '已交办');
    await act(d, 'sign');
    await status(d, '已签收');
    await act(d, 'note', async () => {
      await d.getByText('电话沟通', { exact: true }).click();
      await d.getByTestId('action-text').fill('已电话联系代表，介绍办理思路');
    });
    await status(d, '办理中');
    await act(d, 'reply', async () => {
      await d.getByText('A 已解决', { exact: true }).click();
      await d.getByTestId('action-text').fill('经研究，已将老旧小区改造纳入年度计划并完成。');
    });
    await status(d, '已答复');

    // the office reviews and records 满意
    await status(o, '已答复');
    await act(o, 'review');
    await status(o, '已审核');
    await act(o, 'feedback', async () => { await o.getByTestId('action-satisfaction').getByText('满意', { exact: true }).click(); });
    await status(o, '已办结');
    const events = await o.getByTestId('timeline-event').allTextContents();
    expect(events.map((e) => e.split(' · ')[0])).toEqual(['登记', '交办', '签收', '电话沟通', '答复', '审核通过', '代表委员反馈']);
    await o.screenshot({ path: artifactPath('proposals-timeline.png'), fullPage: true });

    await goto(o, '#/proposals');
    await o.locator('[data-testid=proposal-row][data-number="12"]').waitFor({ timeout: T });
    await o.screenshot({ path: artifactPath('proposals-list.png'), fullPage: true });
    await goto(o, '#/proposals/stats');
    await o.getByTestId('proposals-stats').waitFor({ timeout: T });
    await o.locator('canvas').first().waitFor({ timeout: T });
    expect(await o.getByTestId('stat-answered').textContent()).toContain('1');
    await o.screenshot({ path: artifactPath('proposals-stats.png'), fullPage: true });
    expect([...office.problems, ...daoli.problems].filter((p) => p.startsWith('pageerror'))).toEqual([]);
  }, 240_000);
});
