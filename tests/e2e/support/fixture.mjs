// useGazette(): the one call a spec file makes to get a served demo site and a browser for its tests.
// Called inside a describe() block, it registers node:test hooks that
//   - before all tests: create and serve the site (GazetteServer) and launch Chromium;
//   - after each test: close the test's browser contexts and fail the test if any page it opened logged a
//     console error, threw, or violated the Content Security Policy;
//   - after all tests: close the browser, stop the server and fail if it did not stop cleanly (a
//     sanitizer report at exit included), then remove the site.
// Each test gets fresh browser contexts (no cookies, cache or storage from another test), while the
// server and its database are shared by the file: tests that read shared state (the visitor counter)
// measure changes, not absolute values.
import assert from 'node:assert/strict';
import { after, afterEach, before } from 'node:test';

import { kViewport, launchBrowser } from './browser.mjs';
import { GazetteServer } from './gazette_server.mjs';
import { PageProblems } from './page_problems.mjs';
import { timeouts } from './timeouts.mjs';

/** Options are GazetteServer.start()'s (articles, seed, name, tagline, timezone, env, prepare). */
export function useGazette(options = {}) {
  let server;
  let browser;
  let contexts = [];
  const problems = new PageProblems();

  const site = {
    /** The running GazetteServer: baseUrl, url(path), stats(), dir, name, tagline, timezone. */
    get server() {
      return server;
    },
    get browser() {
      return browser;
    },
    /** Problems seen on this test's pages so far; problems.ignore(/pattern/) allows an expected one. */
    problems,
    url: (path) => server.url(path),

    /**
     * A fresh browser context on the site (relative URLs work in page.goto). contextOptions are
     * Playwright's, e.g. { userAgent: desktopChromeUserAgent(), javaScriptEnabled: false }.
     */
    async newContext(contextOptions = {}) {
      const context = await browser.newContext({ viewport: kViewport, baseURL: server.baseUrl,
                                                 ...contextOptions });
      context.setDefaultTimeout(timeouts.action);
      context.setDefaultNavigationTimeout(timeouts.action);
      await problems.watchContext(context);
      contexts.push(context);
      return context;
    },

    /** A page in a fresh context of its own. */
    async newPage(contextOptions = {}) {
      const context = await site.newContext(contextOptions);
      return context.newPage();
    },
  };

  before(async () => {
    server = await GazetteServer.start(options);
    browser = await launchBrowser();
  }, { timeout: timeouts.createSite + timeouts.serverStart + timeouts.browserLaunch });

  afterEach(async () => {
    const closing = contexts;
    contexts = [];
    await Promise.all(closing.map((context) => context.close()));
    assert.deepEqual(problems.take(), [], 'the pages had console errors, exceptions or CSP violations');
  });

  after(async () => {
    await browser?.close();
    if (!server) return;
    const stopped = await server.stop();
    assert.ok(stopped.code === 0 && !stopped.problem,
              `gazette serve did not stop cleanly (exit ${stopped.code ?? stopped.signal}` +
                `${stopped.problem ? `: ${stopped.problem}` : ''}); its last output:\n${stopped.output}`);
  }, { timeout: timeouts.serverStop * 2 });

  return site;
}
