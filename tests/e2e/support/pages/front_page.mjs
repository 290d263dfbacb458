// The front page (and its later pages, /?page=N): featured leads, the latest teasers and pagination.
import { SiteChrome } from './site_chrome.mjs';

export class FrontPage extends SiteChrome {
  constructor(page) {
    super(page);
    this.main = page.getByRole('main');
    this.leads = this.main.locator('article.lead');
    // The featured expert panel: a lead of its own kind (its question and the first expert's opening).
    this.panelFeature = this.main.locator('article.panel-feature');
    this.teaserList = this.main.getByRole('region', { name: 'Latest articles' });
    this.teasers = this.teaserList.getByRole('article');
    this.pagination = this.main.getByRole('navigation', { name: 'Pages' });
    this.olderArticles = this.pagination.getByRole('link', { name: 'Older articles' });
    this.newerArticles = this.pagination.getByRole('link', { name: 'Newer articles' });
    this.currentPage = this.pagination.locator('.pagination-page');
  }

  /** Opens the front page (or /?page=N) and checks that it answered 200. */
  async open(pageNumber = 1) {
    const response = await this.page.goto(pageNumber === 1 ? '/' : `/?page=${pageNumber}`);
    if (response?.status() !== 200) throw new Error(`the front page answered ${response?.status()}`);
    return this;
  }

  /** A teaser (or lead) as the reader sees it: title, its link, and the "Read more: ..." link. */
  story(article) {
    return {
      article,
      titleLink: article.getByRole('heading').getByRole('link'),
      readMore: article.getByRole('link', { name: /^Read more: / }),
    };
  }

  teaser(index) {
    return this.story(this.teasers.nth(index));
  }

  lead(index = 0) {
    return this.story(this.leads.nth(index));
  }

  /** The titles of the teasers on this page, in order. */
  teaserTitles() {
    return this.teasers.getByRole('heading').allInnerTexts();
  }
}
