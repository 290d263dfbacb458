// The public site as a reader uses it, in a real browser: the front page from top to bottom, an article
// and back, the visitor counter counting a reader (and not a headless browser), and all of it without
// JavaScript. Every test also fails on a console error, an uncaught exception or a CSP violation on any
// page it opened (support/fixture.mjs).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { desktopChromeUserAgent } from './support/browser.mjs';
import { useGazette } from './support/fixture.mjs';
import { ArticlePage } from './support/pages/article_page.mjs';
import { FrontPage } from './support/pages/front_page.mjs';
import { timeouts } from './support/timeouts.mjs';
import { waitUntil } from './support/wait.mjs';

const kPageSize = 8;

/** Today in a time zone as the header shows it: { iso: '2026-01-02', text: 'Friday, 2.01.2026' }. */
function todayIn(timeZone, now = new Date()) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long', year: 'numeric', month: '2-digit',
                                       day: '2-digit' })
      .formatToParts(now).map(({ type, value }) => [type, value]));
  return { iso: `${parts.year}-${parts.month}-${parts.day}`,
           text: `${parts.weekday}, ${Number(parts.day)}.${parts.month}.${parts.year}` };
}

describe('public site', () => {
  // A time zone far from UTC, so that for half of every day "today" differs between the two and a date
  // taken from the wrong clock shows.
  const site = useGazette({ articles: 40, timezone: 'Pacific/Auckland',
                            env: { GAZETTE_SITE_PAGE_SIZE: String(kPageSize) } });
  const options = { timeout: timeouts.test };

  test('the front page shows the site name, the tagline and today\'s date in the site\'s time zone',
       options, async () => {
    const page = await site.newPage();
    const before = todayIn(site.server.timezone);
    const front = await new FrontPage(page).open();
    const after = todayIn(site.server.timezone);

    assert.equal(await front.siteName.innerText(), site.server.name);
    assert.equal(await page.title(), site.server.name);
    assert.equal(await front.tagline.innerText(), site.server.tagline);
    // The page may have been made either side of midnight: either day is right, nothing else is.
    const shown = { iso: await front.date.getAttribute('datetime'), text: await front.date.innerText() };
    assert.ok([before, after].some((day) => day.iso === shown.iso && day.text === shown.text),
              `the header shows ${JSON.stringify(shown)}, today in ${site.server.timezone} is ` +
                `${JSON.stringify(before)}`);
  });

  test('the visitor counter shows the Today, Yesterday and All rows with figures', options, async () => {
    const front = await new FrontPage(await site.newPage()).open();

    const rows = await front.counterRows();
    assert.deepEqual(rows.map(({ label, key }) => ({ label, key })), [
      { label: 'Today', key: 'today' },
      { label: 'Yesterday', key: 'yesterday' },
      { label: 'All', key: 'all' },
    ]);
    for (const { label, value } of rows) assert.ok(Number.isSafeInteger(value) && value >= 0, label);
    const today = rows.find((row) => row.key === 'today').value;
    assert.ok(rows.find((row) => row.key === 'all').value >= today, 'All counts at least Today\'s visitors');
  });

  test('the lead and every teaser end with a "Read more" link to their article', options, async () => {
    const front = await new FrontPage(await site.newPage()).open();

    assert.equal(await front.leads.count(), 1);
    assert.equal(await front.teasers.count(), kPageSize);
    const stories = [front.lead(), ...Array.from({ length: kPageSize }, (_, i) => front.teaser(i))];
    const targets = new Set();
    for (const story of stories) {
      const title = (await story.titleLink.innerText()).trim();
      const href = await story.titleLink.getAttribute('href');
      assert.equal((await story.readMore.innerText()).trim(), `Read more: ${title}`);
      assert.equal(await story.readMore.getAttribute('href'), href, `"Read more" of ${title}`);
      assert.ok(ArticlePage.isArticlePath(href), `${href} is an article address`);
      targets.add(href);
    }
    assert.equal(targets.size, stories.length, 'no article is teased twice on one page');
  });

  test('pagination leads to older articles and back to the newest', options, async () => {
    const page = await site.newPage();
    const front = await new FrontPage(page).open();
    const firstPageTitles = await front.teaserTitles();
    assert.equal(await front.currentPage.innerText(), 'Page 1');
    assert.equal(await front.newerArticles.count(), 0, 'no newer page before the first');

    await front.olderArticles.click();
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    assert.equal(await front.currentPage.innerText(), 'Page 2');
    const secondPageTitles = await front.teaserTitles();
    assert.equal(secondPageTitles.length, kPageSize);
    assert.deepEqual(secondPageTitles.filter((title) => firstPageTitles.includes(title)), [],
                     'page 2 repeats no teaser of page 1');

    await front.newerArticles.click();
    await page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('page') !== '2');
    assert.equal(await front.currentPage.innerText(), 'Page 1');
    assert.deepEqual(await front.teaserTitles(), firstPageTitles);
  });

  test('"Go to top" at the foot of the page brings the site name back into sight', options, async () => {
    const front = await new FrontPage(await site.newPage()).open();
    await front.scrollToBottom();
    assert.equal(await front.isInViewport(front.siteName), false, 'the site name is out of sight at the end');

    await front.goToTop.click();
    await waitUntil(() => front.isInViewport(front.siteName),
                    { what: 'the site name to be in sight after "Go to top"', timeoutMs: timeouts.action });
  });

  test('"Go to top" scrolls to the very top, visitor counter and date in sight', options, async () => {
    const front = await new FrontPage(await site.newPage()).open();
    await front.scrollToBottom();

    await front.goToTop.click();
    await waitUntil(async () => (await front.scrollTop()) === 0 && (await front.isInViewport(front.counter)) &&
                                (await front.isInViewport(front.date)),
                    { what: 'the page to be scrolled to its top, counter and date in sight',
                      timeoutMs: timeouts.action });
  });

  test('a teaser leads to its article, and Back returns to the front page', options, async () => {
    const page = await site.newPage();
    const front = await new FrontPage(page).open();
    const teaser = front.teaser(2);
    const title = (await teaser.titleLink.innerText()).trim();
    const href = await teaser.titleLink.getAttribute('href');

    await teaser.readMore.click();
    await page.waitForURL((url) => url.pathname === href);
    const article = new ArticlePage(page);
    assert.equal((await article.title.innerText()).trim(), title);
    assert.ok((await article.body.innerText()).trim().length > 0, 'the article has a body');
    assert.match(await page.title(), new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    assert.equal(await article.siteName.innerText(), site.server.name, 'the article keeps the site header');

    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/');
    assert.equal((await new FrontPage(page).teaser(2).titleLink.innerText()).trim(), title);
  });

  test('a reader with an ordinary browser raises Today by one, and only once a day', options, async () => {
    const before = await site.server.stats();
    const reader = await site.newPage({ userAgent: desktopChromeUserAgent(1) });
    const front = await new FrontPage(reader).open();

    const counted = await waitUntil(async () => {
      const now = await site.server.stats();
      return now.today > before.today && now;
    }, { what: 'Today to rise after the visit', timeoutMs: timeouts.counterUpdate });
    assert.equal(counted.today, before.today + 1);
    assert.equal(counted.all, before.all + 1);

    // The counter on the page says so too (the reader's return visit here is not a new visitor).
    await waitUntil(async () => {
      await reader.reload();
      return (await front.counterFigure('today')) === before.today + 1;
    }, { what: `the page's Today to show ${before.today + 1}`, timeoutMs: timeouts.counterUpdate });

    // Another reader is counted; the first one's return visits above were not.
    await new FrontPage(await site.newPage({ userAgent: desktopChromeUserAgent(2) })).open();
    const afterSecond = await waitUntil(async () => {
      const now = await site.server.stats();
      return now.today > counted.today && now;
    }, { what: 'Today to rise after a second reader', timeoutMs: timeouts.counterUpdate });
    assert.equal(afterSecond.today, before.today + 2);
  });

  test('a headless browser is not counted as a visitor', options, async () => {
    const before = await site.server.stats();
    const robot = await site.newPage();  // Chromium's own User-Agent says HeadlessChrome
    assert.match(await robot.evaluate(() => navigator.userAgent), /HeadlessChrome/);
    await new FrontPage(robot).open();
    // A reader after it: once the reader shows in the figures, so would the robot counted before.
    await new FrontPage(await site.newPage({ userAgent: desktopChromeUserAgent(3) })).open();

    const now = await waitUntil(async () => {
      const figures = await site.server.stats();
      return figures.today > before.today && figures;
    }, { what: 'Today to rise after the reader\'s visit', timeoutMs: timeouts.counterUpdate });
    assert.equal(now.today, before.today + 1, 'only the reader is counted');
  });

  test('with JavaScript off a reader can read, page through and go back to the top', options, async () => {
    const page = await site.newPage({ javaScriptEnabled: false });
    const front = await new FrontPage(page).open();
    assert.equal(await front.teasers.count(), kPageSize);
    assert.equal(await front.counterRows().then((rows) => rows.length), 3);

    await front.olderArticles.click();
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    const teaser = front.teaser(0);
    const title = (await teaser.titleLink.innerText()).trim();
    await teaser.readMore.click();
    const article = new ArticlePage(page);
    await page.waitForURL((url) => ArticlePage.isArticlePath(url.pathname));
    assert.equal((await article.title.innerText()).trim(), title);

    await article.scrollToBottom();
    await article.goToTop.click();
    await waitUntil(() => article.isInViewport(article.siteName),
                    { what: 'the site name to be in sight after "Go to top"' });
  });
});
