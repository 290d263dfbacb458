// Writes a full-page PNG of an expert panel's page, as a reader sees it: a demo site is created and
// served, the front page's featured panel is followed ("Read more: ..."), three readers share their
// thoughts through the page's form, an editor approves them in the back office, and the whole page is
// captured with its discussion.
//
//   GAZETTE_BIN=build/debug/gazette node tests/e2e/support/panel_screenshot.mjs docs/panel-page.png
//
// Run it from anywhere; the output path is taken relative to the current directory. The demo's featured
// articles are panels (src/gazette/demo/demo_panels.cpp), so the page shows real contributions.
import path from 'node:path';
import process from 'node:process';

import { kViewport, launchBrowser } from './browser.mjs';
import { GazetteServer } from './gazette_server.mjs';
import { AdminCommentQueuePage } from './pages/admin_comment_queue_page.mjs';
import { AdminLoginPage } from './pages/admin_login_page.mjs';
import { CommentSection } from './pages/comment_section.mjs';

const kEditor = { email: 'editor@example.org', name: 'Edith Editor', role: 'editor',
                  password: 'a long editor passphrase 42' };
// Each reader writes from an address of their own (the server trusts loopback as a proxy), as readers do.
const kReaders = [
  { address: '192.0.2.11', name: 'Margit Szabó', email: 'margit@example.org',
    text: 'We tried a shared service centre for three councils in 2019. What made it work was not the ' +
          'software but agreeing one way of doing each task first.\n\nThe panel is right about that.' },
  { address: '192.0.2.12', name: 'Tom Okafor',
    text: 'Good advice, but who pays for the first two years, before the savings come? ' +
          'Our finance team would like to read that part.' },
  { address: '192.0.2.13', name: 'Ana Ribeiro',
    text: 'In Lisbon we published every step on https://example.org/roadmap and people noticed.' },
];

async function main() {
  const output = process.argv[2];
  if (!output || !output.endsWith('.png')) {
    console.error('usage: GAZETTE_BIN=path/to/gazette node panel_screenshot.mjs OUTPUT.png');
    process.exit(2);
  }
  const server = await GazetteServer.start({
    articles: 60, timezone: 'UTC', users: [kEditor],
    env: { GAZETTE_COMMENTS_MIN_SECONDS: '0', GAZETTE_SERVER_TRUSTED_PROXIES: '127.0.0.1/32' } });
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
    const panelUrl = page.url();

    for (const reader of kReaders) {
      const readerContext = await browser.newContext({ viewport: kViewport, baseURL: server.baseUrl,
                                                       extraHTTPHeaders: { 'X-Forwarded-For': reader.address } });
      const readerPage = await readerContext.newPage();
      await readerPage.goto(panelUrl);
      const sent = await new CommentSection(readerPage).post(reader);
      if (sent.status() !== 303) throw new Error(`posting ${reader.name}'s comment answered ${sent.status()}`);
      await readerContext.close();
    }

    const editorContext = await browser.newContext({ viewport: kViewport, baseURL: server.baseUrl });
    const editorPage = await editorContext.newPage();
    const login = new AdminLoginPage(editorPage);
    await login.open();
    await login.logIn(kEditor.email, kEditor.password);
    const queue = await new AdminCommentQueuePage(editorPage).open('pending');
    await queue.actOnAll('Approve');
    await editorContext.close();

    await page.goto(panelUrl);
    const comments = new CommentSection(page);
    if ((await comments.comments.count()) !== kReaders.length) {
      throw new Error(`the panel page shows ${await comments.comments.count()} comments, not ${kReaders.length}`);
    }
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
