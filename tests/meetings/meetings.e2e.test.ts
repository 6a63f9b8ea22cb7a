/**
 * End to end in Chromium (real renderer build, real cores behind real browser hosts, real server): the secretary issues
 * a notice with a PDF agenda to two units; 道里区 signs and replies with two attendees; the secretary's dashboard shows
 * it; the secretary distributes 纪要 that 道里区 sees live; a second, overlapping notice shows as a clash in 道里区's week
 * view. Screenshots of the notice form, the unit's reply form, the dashboard and the week view are saved as artifacts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRenderer } from '../../src-main/hosts/renderer-build.ts';
import { REPO_ROOT, artifactPath, hasChromium } from '../helpers/environment.ts';
import { minimalPdf } from '../core/harness.ts';
import { login, pickUnits as pick } from '../e2e/pages.ts';
import { launchChromium, openDesk, startE2eServer, tempDir, type Desk, type Server } from '../e2e/stack.ts';

const T = 30_000;
const DAY = 86_400_000;

/** datetime-local value in Asia/Shanghai (the browser context's zone) for an instant. */
function shanghaiInput(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16);
}

async function openMeetings(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: '会议' }).click();
  await page.getByTestId('meetings-page').waitFor({ timeout: T });
}

describe.runIf(hasChromium())('meeting notices in the browser', () => {
  let server: Server;
  let browser: Browser;
  let rendererDir: string;
  const desks: Desk[] = [];

  beforeAll(async () => {
    // A build of the current renderer of our own (the shared dist/ may predate the meeting screens).
    rendererDir = path.join(tempDir('meetings-renderer'), 'renderer');
    await buildRenderer(REPO_ROOT, rendererDir);
    server = await startE2eServer();
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    for (const d of desks) await d.close();
    await browser?.close();
    await server?.close();
  });

  it('secretary issues a notice with a PDF agenda; 道里区 signs and replies with two attendees; the dashboard shows it', async () => {
    const sec = await openDesk(browser, rendererDir, 'sec');
    desks.push(sec);
    await login(sec.page, server.url, 'bgt.secretary');
    await openMeetings(sec.page);
    await sec.page.getByTestId('meeting-new').click();
    await sec.page.getByTestId('meeting-form').waitFor({ timeout: T });

    const start = Date.now() + 3 * DAY;
    await sec.page.getByTestId('meeting-title').fill('全市冬季安全生产工作会议');
    await sec.page.getByTestId('meeting-start').fill(shanghaiInput(start));
    await sec.page.getByTestId('meeting-end').fill(shanghaiInput(start + 2 * 3600_000));
    await sec.page.getByTestId('meeting-deadline').fill(shanghaiInput(Date.now() + 2 * DAY));
    await sec.page.getByTestId('meeting-place').fill('市政府第一会议室');
    await sec.page.getByTestId('meeting-room').fill('第一会议室');
    await sec.page.getByTestId('meeting-contact').fill('王秘书');
    await sec.page.getByTestId('meeting-phone').fill('0451-86000000');
    await sec.page.getByTestId('meeting-agenda').fill('通报今年安全生产形势\n部署冬季安全工作');
    await pick(sec.page, 'meeting-recipients', [{ search: 'DLQ', name: '道里区' }, { search: '南岗', name: '南岗区' }]);
    const agendaPdf = path.join(tempDir('agenda'), '会议议程.pdf');
    fs.writeFileSync(agendaPdf, minimalPdf('Agenda'));
    await sec.page.getByTestId('meeting-materials').setInputFiles(agendaPdf);
    await sec.page.getByTestId('meeting-material').filter({ hasText: '会议议程.pdf' }).waitFor({ timeout: T });
    await sec.page.screenshot({ path: artifactPath('meetings-notice-form.png'), fullPage: true });
    await sec.page.getByTestId('meeting-send').click();
    await sec.page.locator('[data-testid=meeting-page][data-role=organiser]').waitFor({ timeout: T });
    await sec.page.getByTestId('meeting-dashboard').waitFor({ timeout: T });
    expect(await sec.page.getByTestId('dash-invited').textContent()).toContain('2');

    const daoli = await openDesk(browser, rendererDir, 'daoli');
    desks.push(daoli);
    await login(daoli.page, server.url, 'daoli.clerk');
    await openMeetings(daoli.page);
    const row = daoli.page.getByTestId('meeting-row').filter({ hasText: '全市冬季安全生产工作会议' });
    await row.waitFor({ timeout: T });
    await row.click();
    await daoli.page.locator('[data-testid=meeting-page][data-role=invited]').waitFor({ timeout: T });
    expect(await daoli.page.getByTestId('meeting-title').textContent()).toBe('全市冬季安全生产工作会议');
    await daoli.page.getByTestId('reply-sign').click();
    await daoli.page.getByTestId('reply-state').filter({ hasText: '已签收' }).waitFor({ timeout: T });
    await daoli.page.getByTestId('reply-name-0').fill('李明');
    await daoli.page.getByTestId('reply-title-0').fill('副区长');
    await daoli.page.getByTestId('reply-phone-0').fill('13900000001');
    await daoli.page.getByTestId('reply-add-person').click();
    await daoli.page.getByTestId('reply-name-1').fill('赵强');
    await daoli.page.getByTestId('reply-title-1').fill('应急管理科科长');
    await daoli.page.getByTestId('reply-phone-1').fill('13900000002');
    await daoli.page.screenshot({ path: artifactPath('meetings-reply-form.png'), fullPage: true });
    await daoli.page.getByTestId('reply-submit').click();
    await daoli.page.getByText('回执已提交').first().waitFor({ timeout: T });

    // The secretary's dashboard updates live: 道里区 replied with both names; 南岗区 still silent.
    const daoliRow = sec.page.locator('[data-testid=dash-row][data-unit=D-DAOLI][data-state=attend]');
    await daoliRow.waitFor({ timeout: T });
    expect(await daoliRow.textContent()).toContain('李明、赵强');
    await sec.page.locator('[data-testid=dash-row][data-unit=D-NANGANG][data-state=unsigned]').waitFor({ timeout: T });
    await sec.page.getByTestId('dash-replied').filter({ hasText: '1' }).waitFor({ timeout: T });
    expect(await sec.page.getByTestId('dash-attendees').textContent()).toContain('2 / 4');
    await sec.page.screenshot({ path: artifactPath('meetings-dashboard.png'), fullPage: true });

    // 纪要: the secretary attaches the minutes and distributes them; 道里区's open notice shows them without a reload.
    const minutesPdf = path.join(tempDir('minutes'), '会议纪要.pdf');
    fs.writeFileSync(minutesPdf, minimalPdf('Minutes'));
    await sec.page.getByTestId('minutes-input').setInputFiles(minutesPdf);
    await sec.page.getByTestId('minutes-staged').filter({ hasText: '会议纪要.pdf' }).waitFor({ timeout: T });
    await sec.page.getByTestId('minutes-distribute').click();
    await sec.page.getByTestId('minutes-file').filter({ hasText: '会议纪要.pdf' }).waitFor({ timeout: T });
    await daoli.page.getByTestId('minutes-file').filter({ hasText: '会议纪要.pdf' }).waitFor({ timeout: T });

    // A second notice to 道里区 an hour later clashes with the first: 道里区's week view marks both.
    await sec.page.evaluate(() => { location.hash = '#/meetings/new'; });
    await sec.page.getByTestId('meeting-form').waitFor({ timeout: T });
    const second: [string, string][] = [
      ['meeting-title', '冬季供暖保障调度会'], ['meeting-start', shanghaiInput(start + 3600_000)], ['meeting-end', shanghaiInput(start + 3 * 3600_000)],
      ['meeting-deadline', shanghaiInput(Date.now() + 2 * DAY)], ['meeting-place', '市政府第二会议室'], ['meeting-contact', '王秘书'], ['meeting-phone', '0451-86000000'],
    ];
    for (const [id, value] of second) await sec.page.getByTestId(id).fill(value);
    await pick(sec.page, 'meeting-recipients', [{ search: 'DLQ', name: '道里区' }]);
    await sec.page.getByTestId('meeting-send').click();
    await sec.page.locator('[data-testid=meeting-page][data-role=organiser]').waitFor({ timeout: T });

    await daoli.page.evaluate(() => { location.hash = '#/meetings'; });
    await daoli.page.getByTestId('meetings-page').waitFor({ timeout: T });
    await daoli.page.getByRole('tab', { name: '周视图' }).click();
    const startDay = new Date(start + 8 * 3600_000).toISOString().slice(0, 10);
    const dayColumn = daoli.page.locator(`[data-testid=week-day][data-day="${startDay}"]`);
    if ((await dayColumn.count()) === 0) await daoli.page.getByTestId('week-next').click();
    await dayColumn.locator('[data-testid=week-meeting][data-conflict=true]').nth(1).waitFor({ timeout: T });
    expect(await dayColumn.getByTestId('week-conflict').count()).toBe(2);
    await daoli.page.screenshot({ path: artifactPath('meetings-week.png'), fullPage: true });

    const problems = [...sec.problems, ...daoli.problems].filter((p) => !p.includes('favicon'));
    expect(problems).toEqual([]);
  }, 300_000);
});
