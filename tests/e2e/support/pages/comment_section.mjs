// The comments under an article page: the count, the approved comments and the comment form.
export class CommentSection {
  constructor(page) {
    this.page = page;
    this.region = page.getByRole('region', { name: /^Comments/ });
    this.count = this.region.locator('h2 .comment-count');
    this.notice = this.region.getByRole('status');
    this.problem = this.region.getByRole('alert');
    this.list = this.region.locator('ol.comment-list');
    this.comments = this.region.locator('li.comment');
    this.form = this.region.locator('form.comment-form');
    this.name = this.form.getByLabel('Name');
    this.email = this.form.getByLabel(/^E-mail/);
    this.text = this.form.getByLabel('Comment');
    this.send = this.form.getByRole('button', { name: 'Send comment' });
  }

  /** Fills in the form and sends it; returns the POST's answer once the page it leads to has loaded. */
  async post({ name, email = '', text }) {
    await this.name.fill(name);
    await this.email.fill(email);
    await this.text.fill(text);
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => r.request().method() === 'POST'),
      this.send.click()]);
    await this.page.waitForLoadState('load');
    return response;
  }

  /** The comment whose text contains text. */
  commentWith(text) {
    return this.comments.filter({ hasText: text });
  }
}
