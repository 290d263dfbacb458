// The newsroom's daily work in a real browser: an editor uploads an image, writes an article with it,
// previews it, publishes it and finds it on the front page; schedules one and sees it appear by itself;
// restores an earlier revision; and an author, who may write but not publish, is refused publishing.
// Every test also fails on a console error, an uncaught exception or a CSP violation on any page it opened
// (support/fixture.mjs).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { useGazette } from './support/fixture.mjs';
import { AdminEditorPage } from './support/pages/admin_editor_page.mjs';
import { AdminLoginPage } from './support/pages/admin_login_page.mjs';
import { FrontPage } from './support/pages/front_page.mjs';
import { solidPng } from './support/png.mjs';
import { timeouts } from './support/timeouts.mjs';
import { waitUntil } from './support/wait.mjs';

const editor = { email: 'editor@example.com', name: 'Edith Editor', role: 'editor',
                 password: 'a long enough pass phrase for editors' };
const admin = { email: 'admin@example.com', name: 'Ada Admin', role: 'admin',
                password: 'a long enough pass phrase for admins' };
const author = { email: 'author@example.com', name: 'Arthur Author', password: 'a long enough pass phrase for authors' };

/** "YYYY-MM-DDTHH:MM" of a Date in UTC (the test site's zone), as a datetime-local field takes it. */
function localMinute(date) {
  return date.toISOString().slice(0, 16);
}

describe('back office editorial work', () => {
  const site = useGazette({ articles: 12, timezone: 'UTC', users: [editor, admin] });
  const options = { timeout: timeouts.test };

  async function loggedIn(user) {
    const page = await site.newPage();
    const login = await new AdminLoginPage(page).open();
    await login.logIn(user.email, user.password);
    assert.equal(new URL(page.url()).pathname, '/admin', `logging in as ${user.email} ended at ${page.url()}`);
    return page;
  }

  test('an editor uploads an image, writes an article with it, previews and publishes it, and readers see it',
       options, async () => {
    const page = await loggedIn(editor);

    await page.goto('/admin/media');
    await page.getByLabel('Image file').setInputFiles({ name: 'harbour.png', mimeType: 'image/png',
                                                       buffer: solidPng(800, 500, [20, 90, 160]) });
    await page.getByLabel('Alt text').first().fill('The harbour at dawn');
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'),
                       page.getByRole('button', { name: 'Upload' }).click()]);
    await page.waitForLoadState('load');
    assert.deepEqual(await page.getByRole('alert').allInnerTexts(), [], 'the upload was refused');

    const editorPage = await new AdminEditorPage(page).openNew();
    const title = 'Harbour authority publishes its open data';
    await editorPage.write({ title, country: 'GB', intro: 'The **harbour** data is *open* now.',
                             body: 'First paragraph of the story.\n\n' });
    // The live preview follows the typing (a script; the form works without it too).
    await waitUntil(async () => (await editorPage.preview.innerHTML()).includes('<strong>harbour</strong>'),
                    { what: 'the preview to show the intro', timeoutMs: timeouts.action });
    await editorPage.body.click();
    await editorPage.body.press('End');
    await editorPage.insertButtonFor('harbour').click();
    assert.match(await editorPage.body.inputValue(), /!\[The harbour at dawn\]\(\/media\//);
    await waitUntil(async () => (await editorPage.previewBody.locator('img').count()) > 0,
                    { what: 'the preview to show the image', timeoutMs: timeouts.action });

    await editorPage.press('Publish now');
    assert.equal(await editorPage.notice.innerText(), 'Published.');

    const reader = await site.newPage();
    const front = await new FrontPage(reader).open();
    assert.ok((await front.teaserTitles()).includes(title) ||
                (await reader.getByRole('heading', { name: title }).count()) > 0,
              'the new article is on the front page');
    await reader.getByRole('link', { name: `Read more: GB: ${title}` }).first().click();
    await reader.waitForLoadState('load');
    const image = reader.getByRole('img', { name: 'The harbour at dawn' });
    assert.ok(await image.isVisible(), 'the article shows the image');
    assert.ok(await image.evaluate((img) => img.complete && img.naturalWidth > 0), 'the image loaded');
  });

  test('an article scheduled for the next minute appears on the front page by itself', {
    // The schedule has minute precision: the wait may be a minute long.
    timeout: timeouts.test + 90_000,
  }, async () => {
    const page = await loggedIn(editor);
    const editorPage = await new AdminEditorPage(page).openNew();
    const title = 'Council publishes its spending at midday';
    await editorPage.write({ title, intro: 'Scheduled intro.', body: 'Scheduled body.' });
    const at = new Date(Math.ceil((Date.now() + 15_000) / 60_000) * 60_000);
    await editorPage.publishAt.fill(localMinute(at));
    await editorPage.press('Schedule');
    assert.equal(await editorPage.notice.innerText(), 'Scheduled.');

    const reader = await site.newPage();
    const front = new FrontPage(reader);
    await front.open();
    assert.ok(!(await front.teaserTitles()).includes(title), 'a scheduled article is not shown before its time');
    await waitUntil(async () => {
      await front.open();
      return (await front.teaserTitles()).includes(title);
    }, { what: `"${title}" on the front page after ${at.toISOString()}`, timeoutMs: 90_000, intervalMs: 1000 });
    assert.ok(Date.now() >= at.getTime() - 1000, 'it did not appear before its time');
  });

  test('an editor restores an earlier revision of an article', options, async () => {
    const page = await loggedIn(editor);
    const editorPage = await new AdminEditorPage(page).openNew();
    await editorPage.write({ title: 'First headline', intro: 'Intro.', body: 'Body.' });
    await editorPage.press('Save draft');
    assert.equal(await editorPage.notice.innerText(), 'Created.');
    await editorPage.title.fill('Second headline');
    await editorPage.press('Save draft');
    assert.equal(await editorPage.notice.innerText(), 'Saved.');
    assert.equal(await editorPage.title.inputValue(), 'Second headline');

    await editorPage.revisionsLink.click();
    await page.waitForLoadState('load');
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'),
                       page.getByRole('button', { name: 'Restore version 1' }).click()]);
    await page.waitForLoadState('load');
    assert.equal(await editorPage.notice.innerText(), 'The revision is restored as a new version.');
    assert.equal(await editorPage.title.inputValue(), 'First headline');
  });

  test('an author writes and submits for review, and cannot publish even with a forged button', options,
       async () => {
    // An administrator adds the author in the back office, linked to the profile they write as.
    const adminPage = await loggedIn(admin);
    await adminPage.goto('/admin/users');
    await adminPage.getByLabel('Email').fill(author.email);
    await adminPage.getByLabel('Name').fill(author.name);
    await adminPage.getByLabel('Role').selectOption('author');
    await adminPage.getByLabel('Author profile').selectOption({ index: 1 });
    await adminPage.getByLabel('Initial password').fill(author.password);
    await Promise.all([adminPage.waitForResponse((r) => r.request().method() === 'POST'),
                       adminPage.getByRole('button', { name: 'Add user' }).click()]);
    await adminPage.waitForLoadState('load');
    assert.equal(await adminPage.getByRole('alert').count(), 0, 'adding the author was refused');

    const page = await loggedIn(author);
    const editorPage = await new AdminEditorPage(page).openNew();
    assert.equal(await editorPage.button('Publish now').count(), 0, 'an author is offered "Publish now"');
    assert.equal(await editorPage.button('Schedule').count(), 0, 'an author is offered "Schedule"');
    const title = 'A draft from the author';
    await editorPage.write({ title, intro: 'Intro.', body: 'Body.' });
    await editorPage.press('Submit for review');
    assert.equal(await editorPage.notice.innerText(), 'Submitted for review.');

    // A button added to the page by hand sends mode=publish: the server refuses it and publishes nothing.
    await page.evaluate(() => {
      const button = document.createElement('button');
      button.type = 'submit';
      button.name = 'mode';
      button.value = 'publish';
      button.textContent = 'Forged publish';
      document.getElementById('article-form').append(button);
    });
    site.problems.ignore(/403 \(Forbidden\)/);  // the browser logs the refused request
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Forged publish' }).click(),
    ]);
    assert.equal(answer.status(), 403);

    const reader = await site.newPage();
    const front = await new FrontPage(reader).open();
    assert.ok(!(await front.teaserTitles()).includes(title), 'the author\'s draft is not on the site');
  });
});
