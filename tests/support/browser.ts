import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { eventually } from './eventually';

export const SCREENSHOTS = resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

/** Debian's Chromium (scripts/ensure-deps.mjs installs it); Playwright cannot download browsers here. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A page whose script errors and CSP violations are collected, so a test can assert there were none. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Europe/London', ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Uncaught/i.test(msg.text())) errors.push(msg.text());
  });
  return { page, errors };
}

export const screenshot = (page: Page, name: string) => page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });

/** Waits until the element's text matches (Playwright's own `expect` is in @playwright/test, not here). */
export async function expectText(locator: Locator, expected: string | RegExp, timeoutMs = 15_000): Promise<void> {
  await eventually(async () => {
    const text = (await locator.first().textContent({ timeout: timeoutMs })) ?? '';
    if (typeof expected === 'string' ? !text.includes(expected) : !expected.test(text)) throw new Error(`text ${JSON.stringify(text)} does not match ${String(expected)}`);
  }, timeoutMs);
}

export async function expectAttribute(locator: Locator, name: string, expected: string | RegExp, timeoutMs = 15_000): Promise<void> {
  await eventually(async () => {
    const value = (await locator.first().getAttribute(name, { timeout: timeoutMs })) ?? '';
    if (typeof expected === 'string' ? value !== expected : !expected.test(value)) throw new Error(`${name}=${JSON.stringify(value)} does not match ${String(expected)}`);
  }, timeoutMs);
}
