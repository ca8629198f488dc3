/**
 * Saves a PNG of a UI page with the system's Chromium, e.g. docs/ui.png from `pnpm demo --keep`:
 *   node --import tsx packages/ui/scripts/screenshot.ts '<page URL the demo printed>' docs/ui.png
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const [url, out] = process.argv.slice(2);
if (url === undefined || out === undefined) {
  process.stderr.write('usage: screenshot.ts <page URL> <output.png>\n');
  process.exit(2);
}
const profile = mkdtempSync(join(tmpdir(), 'swirl-ui-shot-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env['SWIRL_CHROMIUM'] ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1200, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('timeline').locator('[data-bar]').first().waitFor();
  await page.screenshot({ path: resolve(out) });
  process.stdout.write(`saved ${resolve(out)}\n`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
