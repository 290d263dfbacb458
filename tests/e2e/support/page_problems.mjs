// What a reader would not see but a broken page shows: console errors (failed loads included),
// uncaught exceptions, and Content Security Policy violations. Every page a test opens is watched, and
// the fixture fails the test if anything was seen (see fixture.mjs).

// Reports CSP violations from inside the page too, as console errors: Chromium logs most of them by
// itself, this also catches the ones reported only as events. It does not run with JavaScript off, where
// Chromium's own log still speaks.
function reportPolicyViolations() {
  document.addEventListener('securitypolicyviolation', (event) => {
    console.error(`Content Security Policy violation: ${event.violatedDirective} blocked ` +
                  `${event.blockedURI || 'inline content'} in ${event.sourceFile || document.URL}`);
  });
}

// Problems of the product that are known and reported, allowed here so that they do not fail every test.
// Remove an entry when its problem is fixed.
const kKnownProblems = [];

export class PageProblems {
  #found = [];
  #ignored = [];

  /** Watches every page of a browser context, those opened later included. */
  async watchContext(context) {
    await context.addInitScript(reportPolicyViolations);
    context.on('page', (page) => this.watchPage(page));
    for (const page of context.pages()) this.watchPage(page);
  }

  watchPage(page) {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const where = message.location()?.url || page.url();
      this.#record(`console error on ${where}: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.#record(`uncaught exception on ${page.url()}: ${error.message}`));
  }

  /** Lets a test that provokes an error on purpose (a 404 page) say which problems it expects. */
  ignore(pattern) {
    this.#ignored.push(pattern);
  }

  /** The problems seen since the last call, and forgets them (and the ignore list). */
  take() {
    const found = this.#found;
    this.#found = [];
    this.#ignored = [];
    return found;
  }

  #record(problem) {
    const allowed = [...kKnownProblems, ...this.#ignored];
    if (!allowed.some((pattern) => pattern.test(problem))) this.#found.push(problem);
  }
}
