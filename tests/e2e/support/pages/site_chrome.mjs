// The parts every public page shares: the header (visitor counter, today's date, site name, tagline,
// category navigation) and the footer ("Go to top"). Page objects extend it.
import { timeouts } from '../timeouts.mjs';
import { waitUntil } from '../wait.mjs';

/** Figures as the counter prints them ("53,860,060") to numbers. */
export function parseFigure(text) {
  const digits = text.replace(/[^\d]/g, '');
  if (digits === '') throw new Error(`not a figure: ${JSON.stringify(text)}`);
  return Number(digits);
}

export class SiteChrome {
  constructor(page) {
    this.page = page;
    this.header = page.getByRole('banner');
    this.footer = page.getByRole('contentinfo');
    this.counter = this.header.getByRole('complementary', { name: 'Visitors' });
    this.siteName = this.header.locator('a[rel="home"]');
    this.tagline = this.header.locator('.site-tagline');
    this.date = this.header.locator('time.site-date');
    this.categories = this.header.getByRole('navigation', { name: 'Categories' });
    this.goToTop = this.footer.getByRole('link', { name: 'Go to top' });
  }

  /** The counter's rows as [{ label: 'Today', key: 'today', value: 3256 }, ...], in page order. */
  async counterRows() {
    return this.counter.locator('dd[data-counter]').evaluateAll((cells) => cells.map((cell) => ({
      label: cell.previousElementSibling?.textContent.trim() ?? '',
      key: cell.dataset.counter,
      text: cell.textContent.trim(),
    }))).then((rows) => rows.map(({ label, key, text }) => ({ label, key, value: parseFigure(text) })));
  }

  /** One figure of the counter, by its key (today, yesterday, this_week, this_month, all). */
  async counterFigure(key) {
    return parseFigure(await this.counter.locator(`dd[data-counter="${key}"]`).innerText());
  }

  /** window.scrollY */
  scrollTop() {
    return this.page.evaluate(() => window.scrollY);
  }

  /** Scrolls to the very end of the page as a reader would (End key) and waits until it got there. */
  async scrollToBottom() {
    const atEnd = () => this.page.evaluate(
      () => window.scrollY > 0 &&
            Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight - 1);
    await this.page.keyboard.press('End');
    // On a busy machine the first key press can land before the page takes keys, or the page can grow
    // after it (images, fonts): press End again until the end stays reached.
    await waitUntil(async () => {
      if (await atEnd()) return true;
      await this.page.keyboard.press('End');
      return false;
    }, { what: 'the page to be scrolled to its end', timeoutMs: timeouts.action, intervalMs: 200 });
  }

  /** True when the element is inside the window (at least partly). */
  isInViewport(locator) {
    return locator.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight && box.right > 0 && box.left < window.innerWidth;
    });
  }
}
