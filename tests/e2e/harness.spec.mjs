// The harness checks itself: the problems every browser test fails on are really seen (so that "no
// console errors, no CSP violations" can fail), a bounded wait really ends, and a server is really
// stopped and its site removed, by SIGKILL if SIGTERM is not enough. The browser pages are made in the
// browser; the server tests use the real binary and a stand-in that misbehaves (support/fake_gazette.mjs).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { kViewport, launchBrowser } from './support/browser.mjs';
import { GazetteServer } from './support/gazette_server.mjs';
import { PageProblems } from './support/page_problems.mjs';
import { timeouts } from './support/timeouts.mjs';
import { waitUntil } from './support/wait.mjs';

describe('browser test harness', () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  }, { timeout: timeouts.browserLaunch });
  after(() => browser?.close());

  async function watchedPage(contextOptions = {}) {
    const problems = new PageProblems();
    const context = await browser.newContext({ viewport: kViewport, ...contextOptions });
    await problems.watchContext(context);
    return { problems, page: await context.newPage(), context };
  }

  // setContent() fires no load of its own subresources before it returns, so wait for what was seen.
  const seen = (problems, pattern) =>
    waitUntil(() => {
      const found = problems.take();
      return found.some((problem) => pattern.test(problem)) && found;
    }, { what: `a problem matching ${pattern}`, timeoutMs: 5_000 });

  test('a console error on a page is a problem', async () => {
    const { problems, page, context } = await watchedPage();
    await page.setContent('<p>x</p><script>console.error("broken widget")</script>');
    await seen(problems, /^console error on .*: broken widget$/);
    await context.close();
  });

  test('an uncaught exception on a page is a problem', async () => {
    const { problems, page, context } = await watchedPage();
    await page.setContent('<script>null.property</script>');
    await seen(problems, /^uncaught exception on .*null/);
    await context.close();
  });

  test('a Content Security Policy violation is a problem', async () => {
    const { problems, page, context } = await watchedPage();
    await page.setContent('<meta http-equiv="Content-Security-Policy" content="style-src \'none\'">' +
                          '<p style="color: red">inline style</p>');
    await seen(problems, /Content Security Policy/);
    await context.close();
  });

  test('a Content Security Policy violation is a problem with JavaScript off too', async () => {
    const { problems, page, context } = await watchedPage({ javaScriptEnabled: false });
    await page.setContent('<meta http-equiv="Content-Security-Policy" content="style-src \'none\'">' +
                          '<p style="color: red">inline style</p>');
    await seen(problems, /Content Security Policy/);
    await context.close();
  });

  test('a quiet page has no problems', async () => {
    const { problems, page, context } = await watchedPage();
    await page.setContent('<p>Nothing wrong here</p><script>console.log("fine")</script>');
    await page.getByText('Nothing wrong here').waitFor();
    await context.close();
    assert.deepEqual(problems.take(), []);
  });

  test('a wait that is never satisfied ends at its bound and says what it saw', async () => {
    const started = Date.now();
    await assert.rejects(waitUntil(() => 0, { what: 'zero to be truthy', timeoutMs: 200, intervalMs: 20 }),
                         /timed out after 200 ms waiting for zero to be truthy \(last value: 0\)/);
    assert.ok(Date.now() - started < 5_000);
  });
});

describe('gazette server for a test file', () => {
  const fake = fileURLToPath(new URL('./support/fake_gazette.mjs', import.meta.url));
  const options = { timeout: timeouts.test };

  test('a served demo site answers, stops cleanly on SIGTERM and leaves no files', options, async () => {
    const server = await GazetteServer.start({ articles: 3 });
    assert.match(server.baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.equal((await server.stats()).today, 0);
    assert.ok(existsSync(server.dir));

    const stopped = await server.stop();
    assert.equal(stopped.code, 0, stopped.output);
    assert.equal(existsSync(server.dir), false, 'the site directory is removed');
  });

  test('users are added before the server starts, each password on standard input', options, async () => {
    const server = await GazetteServer.start({
      binary: fake,
      users: [{ email: 'ed@example.com', name: 'Ed', role: 'editor', password: 'pass phrase one' },
              { email: 'al@example.com', name: 'Al', role: 'author', password: 'pass phrase two' }],
    });
    try {
      assert.equal(readFileSync(`${server.dir}/users.txt`, 'utf8'),
                   'ed@example.com editor pass phrase one\nal@example.com author pass phrase two\n');
    } finally {
      await server.stop();
    }
  });

  test('a user that gazette refuses fails start() with its message', options, async () => {
    await assert.rejects(
      GazetteServer.start({ binary: fake, users: [{ email: 'x@example.com', name: 'X', role: 'owner',
                                                    password: 'pass phrase' }] }),
      /gazette user add x@example.com failed \(exit 2\):\ngazette: unknown role 'owner'/);
  });

  test('a server that fails at start fails start() with its output, without waiting', options, async () => {
    const started = Date.now();
    await assert.rejects(GazetteServer.start({ binary: fake, env: { FAKE_GAZETTE_SERVE: 'exit' } }),
                         /gazette serve did not start: gave up .*: the server exited[^]*fake failure/);
    assert.ok(Date.now() - started < timeouts.serverStart / 2, 'it did not wait for the start-up bound');
  });

  test('a server that ignores SIGTERM is killed after the bound and said not to stop cleanly', options,
       async () => {
    const server = await GazetteServer.start({ binary: fake, stopTimeoutMs: 500,
                                               env: { FAKE_GAZETTE_SERVE: 'ignore-sigterm' } });
    const stopped = await server.stop();
    assert.equal(stopped.signal, 'SIGKILL');
    assert.match(stopped.problem, /did not stop within 500 ms of SIGTERM/);
    assert.equal(existsSync(server.dir), false, 'the site directory is removed');
  });
});
