/**
 * Headless Chromium for the UI tests: the system's binary (Debian's `chromium`, which .ci/run installs
 * when missing) driven by playwright-core, with a fresh profile in the test's temporary folder.
 * Nothing downloads a browser.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env['SWIRL_CHROMIUM'] ?? '/usr/bin/chromium';

export interface TestBrowser {
  /** The test's temporary folder (the profile lives inside it; screenshots go there too). */
  readonly dir: string;
  readonly context: BrowserContext;
  /** A new page that records every JavaScript dialog and page error, so a test can assert none happened. */
  newPage(): Promise<{ page: Page; dialogs: string[]; errors: string[] }>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's package (apt-get install -y chromium) or point SWIRL_CHROMIUM at a Chromium binary`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'swirl-ui-test-'));
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 1000 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  context.setDefaultTimeout(20_000);
  return {
    dir,
    context,
    newPage: async () => {
      const page = await context.newPage();
      const dialogs: string[] = [];
      const errors: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('pageerror', (error) => errors.push(error.message));
      return { page, dialogs, errors };
    },
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
