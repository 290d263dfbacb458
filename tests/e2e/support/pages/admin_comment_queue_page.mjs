// The back office's comment moderation queue (/admin/comments): filter by state, act on one or many.
export class AdminCommentQueuePage {
  constructor(page) {
    this.page = page;
    this.main = page.getByRole('main');
    this.items = this.main.locator('li.comment-queue-item');
    this.stateFilter = this.main.getByLabel('Show');
  }

  /** Opens the queue for a state ("pending", "approved", "rejected", "spam" or "all"). */
  async open(state = 'pending') {
    const response = await this.page.goto(`/admin/comments?state=${state}`);
    if (response?.status() !== 200) throw new Error(`/admin/comments answered ${response?.status()}`);
    return this;
  }

  /** The queue entry whose text contains text. */
  itemWith(text) {
    return this.items.filter({ hasText: text });
  }

  /** Presses one entry's own button ("Approve", "Reject", "Mark as spam", "Delete") and waits for the queue. */
  async act(text, action) {
    await Promise.all([this.page.waitForURL(/done=/),
                       this.itemWith(text).getByRole('button', { name: action }).click()]);
    return this;
  }

  /** Ticks every entry on the page and applies action (its label) to them all. */
  async actOnAll(action) {
    for (const box of await this.items.getByRole('checkbox').all()) await box.check();
    await this.main.getByLabel('With the selected comments').selectOption({ label: action });
    await Promise.all([this.page.waitForURL(/done=/),
                       this.main.getByRole('button', { name: 'Apply' }).click()]);
    return this;
  }
}
