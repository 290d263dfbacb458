// The back office's panel screen (/admin/articles/{id}/panel): the question and lead, the contributions
// with their order buttons, and the form that adds one.
export class AdminPanelPage {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('main').getByRole('heading', { level: 1 });
    this.question = page.getByLabel('Question', { exact: true });
    this.lead = page.getByLabel('Lead', { exact: true });
    this.expertName = page.getByLabel("Expert's name", { exact: true });
    this.expertRole = page.getByLabel('Role', { exact: true });
    this.expertOrganisation = page.getByLabel('Organisation', { exact: true });
    this.photo = page.getByLabel('Photo', { exact: true });
    this.answer = page.getByLabel('Answer (Markdown)', { exact: true });
    this.contributionNames = page.locator('table.panel-contributions .contribution-name');
    this.notice = page.getByRole('status');
  }

  /** Follows the article editor's link to its panel. */
  async openFromEditor() {
    await Promise.all([this.page.waitForURL(/\/admin\/articles\/\d+\/panel$/),
                       this.page.getByRole('link', { name: 'Expert panel: question and contributions' }).click()]);
    return this;
  }

  async #submit(name) {
    await Promise.all([this.page.waitForResponse((response) => response.request().method() === 'POST'),
                       this.page.getByRole('button', { name, exact: true }).click()]);
    await this.page.waitForLoadState('load');
  }

  /** Saves the question and lead (making the article a panel the first time). */
  async setQuestion(question, lead = '') {
    await this.question.fill(question);
    await this.lead.fill(lead);
    const first = await this.page.getByRole('button', { name: 'Make this article a panel', exact: true }).count();
    await this.#submit(first ? 'Make this article a panel' : 'Save the question');
  }

  /** Adds a contribution at the end of the panel. */
  async addContribution({ name, role = '', organisation = '', answer }) {
    await this.expertName.fill(name);
    await this.expertRole.fill(role);
    await this.expertOrganisation.fill(organisation);
    await this.answer.fill(answer);
    await this.#submit('Add the contribution');
  }

  /** Moves the contribution of the expert called name one place up or down. */
  async move(name, direction) {
    await this.#submit(`Move ${name} ${direction}`);
  }

  /** The experts' names in the order readers will see them. */
  names() {
    return this.contributionNames.allInnerTexts();
  }
}
