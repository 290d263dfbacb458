// The back office's article editor (/admin/articles/new and /admin/articles/{id}): its fields by label,
// its publish buttons, the live preview and the image panel.
export class AdminEditorPage {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('main').getByRole('heading', { level: 1 });
    this.title = page.getByLabel('Title', { exact: true });
    this.slug = page.getByLabel('Slug');
    this.country = page.getByLabel('Country label');
    this.category = page.getByLabel('Category');
    this.tags = page.getByLabel('Tags');
    // Only for those who may write as someone else (editors); an author writes as their own profile.
    this.author = page.getByLabel('Author', { exact: true });
    this.intro = page.getByLabel('Intro');
    this.body = page.getByLabel('Body');
    this.publishAt = page.getByLabel('Publish at', { exact: true });
    this.preview = page.locator('#preview');
    this.previewBody = page.locator('#preview-body');
    this.notice = page.getByRole('status');
    this.problem = page.getByRole('alert');
    this.revisionsLink = page.getByRole('link', { name: 'Revisions' });
  }

  button(name) {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Opens the form for a new article. */
  async openNew() {
    const response = await this.page.goto('/admin/articles/new');
    if (response?.status() !== 200) throw new Error(`/admin/articles/new answered ${response?.status()}`);
    return this;
  }

  /** Fills the fields a new article needs; the category (and author, when offered) is the first one. */
  async write({ title, country = '', intro, body }) {
    await this.title.fill(title);
    if (country) await this.country.fill(country);
    await this.category.selectOption({ index: 1 });
    if (await this.author.count()) await this.author.selectOption({ index: 1 });
    await this.intro.fill(intro);
    await this.body.fill(body);
  }

  /** Presses one of the form's buttons ("Publish now", "Save draft", ...) and waits for the answer. */
  async press(name) {
    await Promise.all([this.page.waitForResponse((response) => response.request().method() === 'POST'),
                       this.button(name).click()]);
    await this.page.waitForLoadState('load');
  }

  /** The "Insert" button of the image panel for the image whose Markdown mentions name. */
  insertButtonFor(name) {
    return this.page.locator('.image-snippets li', { hasText: name }).getByRole('button', { name: 'Insert' });
  }
}
