/** Page-model helpers: what a clerk does on each screen, in the words of the UI. */
import type { Page } from 'playwright-core';
import { PASSWORD } from './stack.ts';

const T = 30_000;

export async function login(page: Page, serverUrl: string, username: string): Promise<void> {
  await page.getByTestId('login-server').fill(serverUrl);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('status-bar').waitFor({ timeout: T });
}

/** Opens a recipient picker, finds each unit by the given search text and ticks it. */
export async function pickUnits(page: Page, field: string, picks: { search: string; name: string }[]): Promise<void> {
  await page.getByTestId(`${field}-open`).click();
  const picker = page.getByTestId(`${field}-picker`);
  await picker.waitFor({ timeout: T });
  for (const p of picks) {
    await page.getByTestId(`${field}-picker-search`).fill(p.search);
    await picker.locator('.xt-picker-list').getByText(p.name, { exact: true }).click();
  }
  await page.getByTestId(`${field}-ok`).click();
  await picker.waitFor({ state: 'detached', timeout: T });
}

export async function waitForText(page: Page, text: string): Promise<void> {
  await page.getByText(text).first().waitFor({ timeout: T });
}
