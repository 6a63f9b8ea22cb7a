/**
 * End to end in Chromium against the real renderer build, real client cores behind real browser hosts, and a real
 * central server: General Office sends a PDF to three units, a unit clerk signs it, the sender's grid shows it;
 * then the same with each side offline in turn, delivered after reconnecting.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PDFS, artifactPath, hasChromium, hasFixtures } from '../helpers/environment.ts';
import { minimalPdf } from '../core/harness.ts';
import { login, pickUnits } from './pages.ts';
import { ensureRenderer, launchChromium, openDesk, startE2eServer, type Desk, type Server } from './stack.ts';

const T = 30_000;
const ready = hasChromium() && hasFixtures();
const PDF = path.join(FIXTURE_PDFS, 'tracemonkey.pdf');

describe.runIf(ready)('document exchange in the browser', () => {
  let server: Server;
  let browser: Browser;
  let rendererDir: string;
  const desks: Desk[] = [];

  beforeAll(async () => {
    rendererDir = await ensureRenderer();
    server = await startE2eServer();
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    for (const d of desks) await d.close();
    await browser?.close();
    await server?.close();
  });

  it('General Office sends a PDF to three units; 道里区 opens and signs it; the sender sees it signed', async () => {
    const bgt = await openDesk(browser, rendererDir, 'bgt');
    desks.push(bgt);
    await login(bgt.page, server.url, 'bgt.clerk');
    expect(await bgt.page.getByTestId('header-unit').textContent()).toContain('办公厅');

    // Compose: title, 文号 (a wrong one is refused first), urgency, recipients by pinyin and by name, PDF, confirmation.
    await bgt.page.getByTestId('nav-compose').click();
    await bgt.page.getByTestId('compose-title').fill('关于做好2026年冬季供暖保障工作的通知');
    await bgt.page.getByTestId('compose-docnumber').fill('哈政办发〔2026〕012号');
    await bgt.page.getByTestId('compose-docnumber').blur();
    await bgt.page.getByText('发文字号格式不正确').first().waitFor({ timeout: T });
    await bgt.page.getByTestId('compose-docnumber').fill('哈政办发〔2026〕12号');
    await bgt.page.getByText('加急', { exact: true }).click();
    await pickUnits(bgt.page, 'compose-mainto', [{ search: 'DLQ', name: '道里区' }, { search: '南岗', name: '南岗区' }]);
    await pickUnits(bgt.page, 'compose-copyto', [{ search: 'daowai', name: '道外区' }]);
    expect(await bgt.page.getByTestId('compose-mainto').getAttribute('data-count')).toBe('2');
    await bgt.page.locator('[data-testid=drop-main] input[type=file]').setInputFiles(PDF);
    await bgt.page.locator('[data-testid=staged-file][data-name="tracemonkey.pdf"]').waitFor({ timeout: T });
    await bgt.page.getByTestId('compose-confirm').check();
    await bgt.page.screenshot({ path: artifactPath('e2e-compose.png'), fullPage: true });
    await bgt.page.getByTestId('compose-send').click();

    // The sender lands on the document with its status grid: 3 recipients.
    const docPage = bgt.page.getByTestId('document-page');
    await docPage.waitFor({ timeout: T });
    const documentId = await docPage.getAttribute('data-document-id');
    expect(documentId).toBeTruthy();
    await expect.poll(() => bgt.page.getByTestId('status-tile').count(), { timeout: T }).toBe(3);

    // A few more documents from the General Office (through its core, as another clerk would) so the inbox has a mix.
    const more: [string, 'normal' | 'urgent' | 'extra-urgent', number][] = [
      ['关于印发《哈尔滨市2026年政府信息公开工作要点》的通知', 'normal', 7], ['关于做好元旦春节期间安全生产工作的通知', 'extra-urgent', 9],
      ['关于召开全市优化营商环境工作推进会议的通知', 'normal', 10], ['关于进一步加强城市道路清冰雪工作的紧急通知', 'urgent', 11],
    ];
    for (const [title, urgency, sequence] of more) {
      const staged = await bgt.core.invoke('files.add', { name: `${sequence}.pdf`, data: minimalPdf(`Document ${sequence}`) });
      if (!staged.ok) throw new Error(staged.error.code);
      const r = await bgt.core.invoke('documents.send', {
        title, docNumber: { prefix: '哈政办发', year: 2026, sequence }, urgency, secrecy: 'none', mainTo: ['D-DAOLI'], copyTo: [],
        mainFile: staged.value, attachments: [], note: null, confirmNonClassified: true,
      });
      expect(r.ok ? 'sent' : r.error).toBe('sent');
    }

    // 道里区's clerk on another machine (own core and store) sees it in the inbox, opens the PDF, signs.
    const daoli = await openDesk(browser, rendererDir, 'daoli');
    desks.push(daoli);
    await login(daoli.page, server.url, 'daoli.clerk');
    const row = daoli.page.locator(`[data-testid=inbox-row][data-document-id="${documentId}"]`);
    await row.waitFor({ timeout: T });
    expect(await row.textContent()).toContain('哈政办发〔2026〕12号');
    expect(await row.getAttribute('class')).toContain('is-unsigned');
    await expect.poll(() => daoli.page.getByTestId('inbox-row').count(), { timeout: T }).toBe(5);
    // 特急 first, then 加急 (ours and the other), then 平件.
    expect(await daoli.page.locator('[data-testid=inbox-row][data-index="0"]').textContent()).toContain('元旦春节');
    await daoli.page.screenshot({ path: artifactPath('e2e-inbox.png') });
    await row.click();
    await daoli.page.locator('[data-testid=pdf-page][data-page="1"][data-rendered=yes]').waitFor({ timeout: T });
    expect(Number(await daoli.page.getByTestId('pdf-viewer').getAttribute('data-pages'))).toBe(14);
    await daoli.page.screenshot({ path: artifactPath('e2e-document.png') });
    await daoli.page.getByTestId('action-sign').click();
    await daoli.page.getByTestId('action-text').fill('已收到，按要求办理');
    await daoli.page.getByTestId('action-confirm').click();
    await daoli.page.locator('[data-testid=recipient-actions][data-status=signed]').waitFor({ timeout: T });

    // The sender's grid turns 道里区 green without a reload.
    await bgt.page.locator('[data-testid=status-tile][data-unit=D-DAOLI][data-status=signed]').waitFor({ timeout: T });
    expect(await bgt.page.getByTestId('sent-progress').getAttribute('data-signed')).toBe('1');
    await bgt.page.locator('[data-testid=status-tile][data-unit=D-DAOLI]').click();
    await bgt.page.getByTestId('unit-detail').getByText('已收到，按要求办理').waitFor({ timeout: T });
    await bgt.page.screenshot({ path: artifactPath('e2e-status-grid.png'), fullPage: true });

    expect(bgt.problems).toEqual([]);
    expect(daoli.problems).toEqual([]);
  }, 180_000);

  it('while offline: a send waits in the outbox and is delivered after reconnecting; an offline signature reaches the sender later', async () => {
    const bgt = desks[0];
    const nangang = await openDesk(browser, rendererDir, 'nangang');
    desks.push(nangang);
    await login(nangang.page, server.url, 'nangang.clerk');

    // The sender pulls the cable and sends.
    await bgt.page.getByTestId('toggle-offline').click();
    await bgt.page.getByTestId('offline-banner').waitFor({ timeout: T });
    await bgt.page.getByTestId('nav-compose').click();
    await bgt.page.getByTestId('compose-title').fill('关于开展安全生产大检查的紧急通知');
    await bgt.page.getByTestId('compose-docnumber').fill('哈政办发〔2026〕13号');
    await bgt.page.getByText('特急', { exact: true }).click();
    await bgt.page.getByTestId('compose-mainto-open').click();
    await bgt.page.getByTestId('group-all-all').click();
    // The picker itself shows the 69 chosen units before the dialog is confirmed.
    await expect.poll(async () => Number(await bgt.page.getByTestId('compose-mainto-picker-selected').getAttribute('data-count')), { timeout: T }).toBe(69);
    await bgt.page.getByTestId('compose-mainto-ok').click();
    await expect.poll(async () => Number(await bgt.page.getByTestId('compose-mainto').getAttribute('data-count')), { timeout: T }).toBe(69);
    await bgt.page.locator('[data-testid=drop-main] input[type=file]').setInputFiles(PDF);
    await bgt.page.locator('[data-testid=staged-file][data-name="tracemonkey.pdf"]').waitFor({ timeout: T });
    await bgt.page.getByTestId('compose-confirm').check();
    await bgt.page.getByTestId('compose-send').click();
    const docPage = bgt.page.getByTestId('document-page');
    await docPage.waitFor({ timeout: T });
    const documentId = await docPage.getAttribute('data-document-id');
    await expect.poll(async () => Number(await bgt.page.getByTestId('status-pending').getAttribute('data-count')), { timeout: T }).toBeGreaterThan(0);

    // Nothing reaches 南岗区 while the sender is offline (its inbox holds only the first document).
    await bgt.page.getByTestId('nav-sent').click();
    await bgt.page.getByTestId('sent-row').first().getByText('排队中').waitFor({ timeout: T });
    await bgt.page.screenshot({ path: artifactPath('e2e-sent-offline.png') });
    await nangang.page.locator('[data-testid=inbox-row]').first().waitFor({ timeout: T });
    expect(await nangang.page.locator(`[data-testid=inbox-row][data-document-id="${documentId}"]`).count()).toBe(0);

    // Reconnect: delivered.
    await bgt.page.getByTestId('toggle-offline').click();
    await bgt.page.getByTestId('offline-banner').waitFor({ state: 'detached', timeout: T });
    await bgt.page.getByTestId('sent-row').first().click();
    const row = nangang.page.locator(`[data-testid=inbox-row][data-document-id="${documentId}"]`);
    await row.waitFor({ timeout: T });
    // 特急 sorts first.
    expect(await nangang.page.locator('[data-testid=inbox-row][data-index="0"]').getAttribute('data-document-id')).toBe(documentId);

    // Now the recipient goes offline and signs; the sender sees it only after the recipient reconnects.
    await nangang.page.getByTestId('toggle-offline').click();
    await nangang.page.getByTestId('offline-banner').waitFor({ timeout: T });
    await row.click();
    await nangang.page.getByTestId('action-sign').click();
    await nangang.page.getByTestId('action-confirm').click();
    await nangang.page.locator('[data-testid=recipient-actions][data-status=signed]').waitFor({ timeout: T });
    const tile = bgt.page.locator('[data-testid=status-tile][data-unit=D-NANGANG]');
    await tile.waitFor({ timeout: T });
    expect(await tile.getAttribute('data-status')).toBe('delivered');
    await nangang.page.getByTestId('toggle-offline').click();
    await bgt.page.locator('[data-testid=status-tile][data-unit=D-NANGANG][data-status=signed]').waitFor({ timeout: T });
    expect(await bgt.page.getByTestId('status-tile').count()).toBe(69);
    await bgt.page.screenshot({ path: artifactPath('e2e-status-grid-69.png') });

    expect(bgt.problems).toEqual([]);
    expect(nangang.problems).toEqual([]);
  }, 180_000);

  it('the sender reminds, recalls and sends to an added unit; 道外区 refuses with a reason; search works offline', async () => {
    const [bgt, daoli, nangang] = desks;
    await bgt.page.getByTestId('nav-sent').click();
    await bgt.page.getByTestId('sent-row').filter({ hasText: '冬季供暖' }).click();
    const docPage = bgt.page.getByTestId('document-page');
    await docPage.waitFor({ timeout: T });
    const documentId = await docPage.getAttribute('data-document-id');
    const tile = (unit: string) => bgt.page.locator(`[data-testid=status-tile][data-unit=${unit}]`);

    // 催办 the unsigned (南岗区, 道外区).
    await bgt.page.getByTestId('remind-unsigned').click();
    await bgt.page.getByTestId('remind-confirm').click();
    await expect.poll(() => tile('D-DAOWAI').textContent(), { timeout: T }).toContain('已催办 1 次');

    // Recall from 南岗区 before it signs; its clerk sees it recalled.
    await tile('D-NANGANG').click();
    await bgt.page.getByTestId('recall').click();
    await bgt.page.getByTestId('recall-confirm').click();
    await bgt.page.locator('[data-testid=status-tile][data-unit=D-NANGANG][data-status=recalled]').waitFor({ timeout: T });
    await nangang.page.getByTestId('nav-inbox').click();
    await expect.poll(async () => nangang.page.locator(`[data-testid=inbox-row][data-document-id="${documentId}"]`).textContent(), { timeout: T }).toContain('已撤回');

    // 道外区 refuses it with a reason; the sender sees the refusal and the reason.
    const daowai = await openDesk(browser, rendererDir, 'daowai');
    desks.push(daowai);
    await login(daowai.page, server.url, 'daowai.clerk');
    await daowai.page.locator(`[data-testid=inbox-row][data-document-id="${documentId}"]`).click();
    await daowai.page.getByTestId('action-refuse').click();
    await daowai.page.getByTestId('action-text').fill('非本单位主管事项，请转市住建局');
    await daowai.page.getByTestId('action-confirm').click();
    await daowai.page.locator('[data-testid=recipient-actions][data-status=refused]').waitFor({ timeout: T });
    await bgt.page.locator('[data-testid=status-tile][data-unit=D-DAOWAI][data-status=refused]').waitFor({ timeout: T });
    await tile('D-DAOWAI').click();
    await bgt.page.getByTestId('unit-detail').getByText('非本单位主管事项，请转市住建局').waitFor({ timeout: T });

    // 补发 to 松北区, found by pinyin initials.
    await bgt.page.getByTestId('reissue').click();
    await bgt.page.getByTestId('unit-picker-search').fill('SBQ');
    await bgt.page.locator('.xt-picker-list').getByText('松北区', { exact: true }).click();
    await bgt.page.getByTestId('reissue-confirm').click();
    await tile('D-SONGBEI').waitFor({ timeout: T });
    expect(await bgt.page.getByTestId('status-tile').count()).toBe(4);
    await bgt.page.screenshot({ path: artifactPath('e2e-status-grid-actions.png') });

    // 道里区 searches its local store while offline: the title match is highlighted.
    await daoli.page.getByTestId('toggle-offline').click();
    await daoli.page.getByTestId('offline-banner').waitFor({ timeout: T });
    await daoli.page.getByTestId('nav-search').click();
    await daoli.page.getByTestId('search-input').locator('input').fill('供暖保障');
    await daoli.page.getByTestId('search-input').locator('input').press('Enter');
    await daoli.page.getByTestId('search-hit').first().waitFor({ timeout: T });
    expect(await daoli.page.locator('[data-testid=search-hit] mark.xt-hit').first().textContent()).toContain('供暖保障');
    await daoli.page.screenshot({ path: artifactPath('e2e-search.png') });
    await daoli.page.getByTestId('toggle-offline').click();

    for (const d of [bgt, daoli, nangang, daowai]) expect(d.problems).toEqual([]);
  }, 180_000);

  it('login: wrong password and unreachable server each show their message; the page switches to English', async () => {
    const desk = await openDesk(browser, rendererDir, 'login');
    desks.push(desk);
    const { page } = desk;
    await page.getByTestId('login-server').fill(server.url);
    await page.getByTestId('login-username').fill('daoli.clerk');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    expect(await page.getByTestId('error-alert').getAttribute('data-code', { timeout: T })).toBe('AUTH_BAD_PASSWORD');
    await page.getByText('用户名或密码错误').first().waitFor({ timeout: T });
    await page.getByTestId('login-server').fill('http://127.0.0.1:9');
    await page.getByTestId('login-submit').click();
    await page.locator('[data-testid=error-alert][data-code=SERVER_UNREACHABLE]').waitFor({ timeout: T });
    await page.getByText('无法连接服务器').first().waitFor({ timeout: T });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Cannot reach the server').first().waitFor({ timeout: T });
    await page.screenshot({ path: artifactPath('e2e-login-error-en.png') });
    expect(desk.problems).toEqual([]);
  }, 120_000);
});
