// Debian's Chromium driven by playwright-core: no browser of Playwright's own is downloaded or used.
// GAZETTE_E2E_CHROMIUM picks another binary; GAZETTE_E2E_HEADED=1 shows the window (it needs a display,
// e.g. `xvfb-run` or a desktop session) and GAZETTE_E2E_SLOWMO=250 slows every action by 250 ms.
import { chromium } from 'playwright-core';

import { timeouts } from './timeouts.mjs';

/** Every page is looked at through the same window, so that layout (and scrolling) is reproducible. */
export const kViewport = Object.freeze({ width: 1280, height: 800 });

/**
 * An ordinary desktop Chrome on Linux. Headless Chromium says "HeadlessChrome", which the visitor counter
 * rightly takes for a bot: tests of counting must look like a reader. visitor gives another minor
 * version, i.e. another User-Agent and so another visitor from the same address.
 */
export function desktopChromeUserAgent(visitor = 0) {
  return 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) ' +
         `Chrome/156.0.${visitor}.0 Safari/537.36`;
}

export function chromiumPath() {
  return process.env.GAZETTE_E2E_CHROMIUM || '/usr/bin/chromium';
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: process.env.GAZETTE_E2E_HEADED !== '1',
    slowMo: Number(process.env.GAZETTE_E2E_SLOWMO ?? '0') || 0,
    timeout: timeouts.browserLaunch,
    args: [
      // Tests run as root in CI, where Chromium's sandbox cannot start; the pages are our own.
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      // The machine has no network but loopback: no connections of Chromium's own, which would be
      // refused over and over and make start-up slow.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}
