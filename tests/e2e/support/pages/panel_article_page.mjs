// An expert panel's page (an article page with its panel): the question, the lead and each expert's
// contribution in order.
import { ArticlePage } from './article_page.mjs';

export class PanelArticlePage extends ArticlePage {
  constructor(page) {
    super(page);
    this.panel = this.main.locator('section.panel');
    this.question = this.panel.locator('.panel-question');
    this.lead = this.panel.locator('.panel-lead');
    this.contributions = this.panel.locator('section.panel-contribution');
  }

  /** The experts' names, in the order the page shows them. */
  expertNames() {
    return this.contributions.locator('.panel-expert-name').allInnerTexts();
  }

  /** The text of the answer of contribution index (0 is the first). */
  answer(index) {
    return this.contributions.nth(index).locator('.panel-answer').innerText();
  }
}
