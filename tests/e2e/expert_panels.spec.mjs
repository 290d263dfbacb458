// Expert panels in a real browser: an editor turns a new article into a panel with two contributions and
// publishes it; a reader finds it leading the front page, follows "Read more" and reads both answers in
// order. Every test also fails on a console error, an uncaught exception or a CSP violation on any page it
// opened (support/fixture.mjs).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { useGazette } from './support/fixture.mjs';
import { AdminEditorPage } from './support/pages/admin_editor_page.mjs';
import { AdminLoginPage } from './support/pages/admin_login_page.mjs';
import { AdminPanelPage } from './support/pages/admin_panel_page.mjs';
import { FrontPage } from './support/pages/front_page.mjs';
import { PanelArticlePage } from './support/pages/panel_article_page.mjs';
import { timeouts } from './support/timeouts.mjs';

const editor = { email: 'editor@example.com', name: 'Edith Editor', role: 'editor',
                 password: 'a long enough pass phrase for editors' };

describe('expert panels', () => {
  const site = useGazette({ articles: 12, timezone: 'UTC', users: [editor] });
  const options = { timeout: timeouts.test };

  test('an editor builds a panel and a reader finds it on the front page and reads it', options, async () => {
    const page = await site.newPage();
    await (await new AdminLoginPage(page).open()).logIn(editor.email, editor.password);

    const editorPage = await new AdminEditorPage(page).openNew();
    const title = 'Expert round-up: one login for every service';
    await editorPage.write({ title, country: 'GB', intro: 'Two practitioners answer.', body: '' });
    await page.getByLabel('Featured', { exact: true }).check();
    await editorPage.press('Publish now');
    assert.equal(await editorPage.notice.innerText(), 'Published.');

    const panel = await new AdminPanelPage(page).openFromEditor();
    await panel.setQuestion('Should every council use the national login?', 'We asked two practitioners.');
    assert.equal(await panel.notice.innerText(), 'Saved.');
    await panel.addContribution({ name: 'Grace Okafor', role: 'Head of Digital', organisation: 'Leeds City Council',
                                  answer: 'Yes, and **soon**: residents should not need ten passwords.' });
    await panel.addContribution({ name: 'Tomas Berg', role: 'Chief Information Officer',
                                  organisation: 'Region of Uppsala',
                                  answer: 'Only with an offline route for those who cannot use it.' });
    await panel.move('Tomas Berg', 'up');
    await panel.move('Grace Okafor', 'up');
    assert.deepEqual(await panel.names(), ['Grace Okafor', 'Tomas Berg']);

    const reader = await site.newPage();
    const front = await new FrontPage(reader).open();
    const feature = front.panelFeature;
    assert.equal(await feature.count(), 1, 'the front page leads with the panel');
    assert.equal(await feature.locator('.panel-question').innerText(), 'Should every council use the national login?');
    assert.match(await feature.innerText(), /Read the advice of our experts and share your own thoughts/);
    assert.equal(await feature.locator('.panel-expert').innerText(), 'Grace Okafor, Head of Digital at Leeds City Council');
    await Promise.all([reader.waitForURL((url) => PanelArticlePage.isArticlePath(url.pathname)),
                       feature.getByRole('link', { name: `Read more: GB: ${title}` }).click()]);

    const article = new PanelArticlePage(reader);
    assert.equal(await article.question.innerText(), 'Should every council use the national login?');
    assert.equal(await article.lead.innerText(), 'We asked two practitioners.');
    assert.deepEqual(await article.expertNames(), ['Grace Okafor', 'Tomas Berg']);
    assert.match(await article.answer(0), /residents should not need ten passwords/);
    assert.match(await article.answer(1), /offline route/);
  });
});
