// The back office's door in a real browser: an editor logs in, sees the dashboard and logs out; a wrong
// password is refused with one message for every failure; the gate sends a visitor without a session to
// the login page and answers an unknown back-office address with its 404 page. Every test also fails on a
// console error, an uncaught exception or a CSP violation on any page it opened (support/fixture.mjs).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { useGazette } from './support/fixture.mjs';
import { AdminDashboardPage } from './support/pages/admin_dashboard_page.mjs';
import { AdminLoginPage } from './support/pages/admin_login_page.mjs';
import { timeouts } from './support/timeouts.mjs';

const editor = { email: 'editor@example.com', name: 'Edith Editor', role: 'editor',
                 password: 'a long enough pass phrase for editors' };
const author = { email: 'author@example.com', name: 'Arthur Author', role: 'author',
                 password: 'a long enough pass phrase for authors' };

describe('back office login', () => {
  const site = useGazette({ articles: 12, users: [editor, author] });
  const options = { timeout: timeouts.test };

  async function loggedIn(user) {
    const login = await new AdminLoginPage(await site.newPage()).open();
    await login.logIn(user.email, user.password);
    return login.page;
  }

  test('an editor logs in, sees the dashboard, logs out and is back at the login page', options, async () => {
    const dashboard = new AdminDashboardPage(await loggedIn(editor));
    assert.ok(dashboard.isShown(), `after logging in the browser is at ${dashboard.page.url()}`);
    assert.equal(await dashboard.heading.innerText(), 'Dashboard');
    assert.equal(await dashboard.user.innerText(), 'Edith Editor (editor)');
    assert.ok(await dashboard.navigation.getByRole('link', { name: 'Dashboard' }).isVisible());
    assert.match(await dashboard.reviewQueue.getByRole('heading').innerText(), /^Waiting for review/);
    assert.ok(await dashboard.chart.isVisible(), 'the visitor chart is drawn');
    assert.equal(await dashboard.chart.locator('rect.bar').count(), 90);

    await dashboard.logOut();
    const login = new AdminLoginPage(dashboard.page);
    assert.ok(login.isShown(), `after logging out the browser is at ${dashboard.page.url()}`);
    assert.equal(await login.notice.innerText(), 'You are logged out.');
    assert.ok(await login.logInButton.isVisible());

    // The session is over: the dashboard sends the browser back to the login page.
    await dashboard.page.goto('/admin');
    assert.ok(login.isShown(), `the dashboard after logging out shows ${dashboard.page.url()}`);
  });

  test('a wrong password is refused with "The email or password is not right."', options, async () => {
    const login = await new AdminLoginPage(await site.newPage()).open();
    await login.logIn(editor.email, 'not the pass phrase at all');
    assert.equal(await login.problem.innerText(), 'The email or password is not right.');
    assert.ok(login.isShown());
    assert.equal(await login.email.inputValue(), editor.email, 'the address typed is kept');
    assert.equal(await login.password.inputValue(), '', 'the password is not sent back');
  });

  test('an author opening an unknown back-office address gets the 404 page', options, async () => {
    const page = await loggedIn(author);
    site.problems.ignore(/status of 404/);
    const response = await page.goto('/admin/no-such-page');
    assert.equal(response?.status(), 404);
    assert.equal(await page.getByRole('main').getByRole('heading', { level: 1 }).innerText(), 'Not found');
    // Still logged in, with the navigation of the back office.
    assert.equal(await new AdminDashboardPage(page).user.innerText(), 'Arthur Author (author)');
  });

  test('a visitor without a session who opens /admin is sent to the login page', options, async () => {
    const page = await site.newPage();
    await page.goto('/admin');
    const login = new AdminLoginPage(page);
    assert.ok(login.isShown(), `/admin without a session shows ${page.url()}`);
    assert.ok(await login.email.isVisible());
    assert.ok(await login.password.isVisible());
  });
});
