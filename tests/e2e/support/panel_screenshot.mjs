// Writes a full-page PNG of an expert panel's page, as a reader sees it: a demo site is created and
// served, the front page's featured panel is followed ("Read more: ..."), and the whole page is captured.
//
//   GAZETTE_BIN=build/debug/gazette node tests/e2e/support/panel_screenshot.mjs docs/panel-page.png
//
// Run it from anywhere; the output path is taken relative to the current directory. The demo's featured
// articles are panels (src/gazette/demo/demo_panels.cpp), so the page shows real contributions and,
// once readers' comments exist, their discussion below them.
import path from 'node:path';
import process from 'node:process';

import { kViewport, launchBrowser } from './browser.mjs';
import { GazetteServer } from './gazette_server.mjs';

async function main() {
  const output = process.argv[2];
  if (!output || !output.endsWith('.png')) {
    console.error('usage: GAZETTE_BIN=path/to/gazette node panel_screenshot.mjs OUTPUT.png');
    process.exit(2);
  }
  const server = await GazetteServer.start({ articles: 60, timezone: 'UTC' });
  let browser;
  try {
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: kViewport, baseURL: server.baseUrl });
    const page = await context.newPage();
    const front = await page.goto('/');
    if (front?.status() !== 200) throw new Error(`the front page answered ${front?.status()}`);
    const feature = page.locator('article.panel-feature');
    if ((await feature.count()) === 0) throw new Error('the front page shows no featured expert panel');
    await Promise.all([page.waitForURL((url) => /^\/\d{4}\/\d{2}\/[a-z0-9-]+$/.test(url.pathname)),
                       feature.getByRole('link', { name: /^Read more: / }).click()]);
    await page.waitForLoadState('load');
    await page.screenshot({ path: path.resolve(output), fullPage: true });
    console.log(`wrote ${path.resolve(output)} from ${page.url()}`);
  } finally {
    await browser?.close();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
