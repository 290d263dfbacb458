// The back office's login page (/admin/login): the Email and Password fields, "Log in", and the message
// shown when they are refused.
export class AdminLoginPage {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1 });
    this.email = page.getByLabel('Email');
    this.password = page.getByLabel('Password');
    this.logInButton = page.getByRole('button', { name: 'Log in' });
    this.problem = page.getByRole('alert');
    this.notice = page.getByRole('status');
  }

  /** Opens /admin/login and checks that it answered 200. */
  async open() {
    const response = await this.page.goto('/admin/login');
    if (response?.status() !== 200) throw new Error(`/admin/login answered ${response?.status()}`);
    return this;
  }

  /** True when the browser shows the login page (whatever the address asked for first). */
  isShown() {
    return new URL(this.page.url()).pathname === '/admin/login';
  }

  /** Fills the form and sends it, waiting for the page that answers. */
  async logIn(email, password) {
    await this.email.fill(email);
    await this.password.fill(password);
    // The form's answer is a new page (the dashboard, or this page with a message).
    await Promise.all([this.page.waitForResponse((response) => response.request().method() === 'POST'),
                       this.logInButton.click()]);
    await this.page.waitForLoadState('load');
  }
}
