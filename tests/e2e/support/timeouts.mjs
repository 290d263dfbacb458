// Bounds on every wait in the browser tests, in one place. They are generous because the tests also run
// against the ASan + UBSan debug build on a two-core machine shared with other test binaries; a bound
// only decides how long a broken build takes to fail, never how long a working one takes to pass.
// GAZETTE_E2E_TIMEOUT_SCALE multiplies them all (e.g. 3 under valgrind or a very slow machine).

const scale = Number(process.env.GAZETTE_E2E_TIMEOUT_SCALE ?? '1') || 1;
const scaled = (ms) => Math.round(ms * scale);

export const timeouts = {
  /** `gazette demo` creating the test site. */
  createSite: scaled(60_000),
  /** `gazette serve` from start to its first answer. */
  serverStart: scaled(60_000),
  /** A graceful stop (SIGTERM) before the server is killed. */
  serverStop: scaled(20_000),
  /** Chromium's start. */
  browserLaunch: scaled(60_000),
  /** Playwright's default for one action or navigation. */
  action: scaled(30_000),
  /** A figure written by the background flusher (at least once a second) showing up. */
  counterUpdate: scaled(15_000),
  /** One test, all its steps. */
  test: scaled(120_000),
  /** One HTTP request made by the harness itself. */
  request: scaled(10_000),
};
