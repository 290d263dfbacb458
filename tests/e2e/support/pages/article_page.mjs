// An article page (/YYYY/MM/slug): title, meta line, intro and body, and links to its neighbours.
import { SiteChrome } from './site_chrome.mjs';

export class ArticlePage extends SiteChrome {
  constructor(page) {
    super(page);
    this.main = page.getByRole('main');
    this.article = this.main.getByRole('article');
    this.title = this.article.getByRole('heading', { level: 1 });
    this.category = this.article.locator('.article-category');
    this.published = this.article.locator('.article-meta time');
    this.author = this.article.locator('.article-author');
    this.intro = this.article.locator('.article-intro');
    this.body = this.article.locator('.article-body');
    this.neighbours = this.main.getByRole('navigation', { name: 'More articles' });
  }

  /** Opens an article by its path and checks that it answered 200. */
  async open(path) {
    const response = await this.page.goto(path);
    if (response?.status() !== 200) throw new Error(`${path} answered ${response?.status()}`);
    return this;
  }

  /** True for the URL of an article page: /YYYY/MM/slug. */
  static isArticlePath(pathname) {
    return /^\/\d{4}\/\d{2}\/[a-z0-9-]+$/.test(pathname);
  }
}
