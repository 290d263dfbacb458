// The back office's dashboard (/admin) and the parts every back-office page shares: the navigation, the
// logged-in user and "Log out"; the cards of the dashboard itself.
export class AdminDashboardPage {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('main').getByRole('heading', { level: 1 });
    this.navigation = page.getByRole('navigation', { name: 'Back office' });
    this.user = page.locator('.admin-user');
    this.logOutButton = page.getByRole('button', { name: 'Log out' });
    this.notice = page.getByRole('status');
    this.reviewQueue = page.getByRole('region', { name: /^(Waiting for review|Your drafts)/ });
    this.scheduled = page.getByRole('region', { name: /[Ss]cheduled/ });
    this.mostRead = page.getByRole('region', { name: 'Most read this week' });
    this.visitors = page.getByRole('region', { name: 'Visitors' });
    this.chart = this.visitors.getByRole('img');
  }

  /** Opens /admin and checks that it answered 200 (a visitor without a session is sent to log in). */
  async open() {
    const response = await this.page.goto('/admin');
    if (response?.status() !== 200) throw new Error(`/admin answered ${response?.status()}`);
    return this;
  }

  /** True when the browser shows the dashboard. */
  isShown() {
    return new URL(this.page.url()).pathname === '/admin';
  }

  /** One figure of the visitor card (today, yesterday, this_week, all) as a number. */
  async visitorFigure(key) {
    const text = await this.visitors.locator(`dd[data-figure="${key}"]`).innerText();
    return Number(text.replace(/[^\d]/g, ''));
  }

  /** Presses "Log out" and waits for the page that answers. */
  async logOut() {
    await Promise.all([this.page.waitForURL((url) => url.pathname !== '/admin'), this.logOutButton.click()]);
  }
}
