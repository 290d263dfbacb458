// Readers' comments in a real browser: a reader comments and is told it awaits moderation, an editor
// approves it in the back office, and the reader then sees it with the count; and a corpus of script
// injections posted as names and texts is shown as plain text, with nothing run and no element injected.
// Every test also fails on a console error, an uncaught exception or a CSP violation (support/fixture.mjs).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { useGazette } from './support/fixture.mjs';
import { AdminCommentQueuePage } from './support/pages/admin_comment_queue_page.mjs';
import { AdminLoginPage } from './support/pages/admin_login_page.mjs';
import { ArticlePage } from './support/pages/article_page.mjs';
import { CommentSection } from './support/pages/comment_section.mjs';
import { FrontPage } from './support/pages/front_page.mjs';
import { timeouts } from './support/timeouts.mjs';

const editor = { email: 'editor@example.com', name: 'Edith Editor', role: 'editor',
                 password: 'a long enough pass phrase for editors' };

// Each payload, if it ever ran, would set window.__xss or open a dialog.
const payloads = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1;alert(1)">',
  '"><img src=x onerror=window.__xss=1>',
  '<svg onload=window.__xss=1><circle r=5 /></svg>',
  '<iframe src="javascript:window.__xss=1"></iframe>',
  'javascript:window.__xss=1',
  '&#x6a;avascript:window.__xss=1',
  '&lt;script&gt;window.__xss=1&lt;/script&gt;',
  'http://x"onmouseover="window.__xss=1" style="display:block',
  '<a href="javascript:window.__xss=1">click me</a>',
  '<b onmouseover=window.__xss=1>broken <i',
  '</textarea><script>window.__xss=1</script>',
];

describe('readers\' comments', () => {
  // Comments come through a trusted proxy here, so that each test speaks for its own readers' addresses
  // (the per-address rate limit would otherwise count every test's comments together); min_seconds 0 so
  // that the form may be sent as soon as a test has filled it in.
  const site = useGazette({ articles: 8, timezone: 'UTC', users: [editor],
                            env: { GAZETTE_COMMENTS_MIN_SECONDS: '0',
                                   GAZETTE_SERVER_TRUSTED_PROXIES: '127.0.0.1/32' } });
  const options = { timeout: timeouts.test };

  async function firstArticlePath() {
    const page = await site.newPage();
    const front = await new FrontPage(page).open();
    const href = await front.teaser(0).readMore.getAttribute('href');
    await page.close();
    return href;
  }

  async function readerPage(address) {
    return site.newPage({ extraHTTPHeaders: { 'X-Forwarded-For': address } });
  }

  async function editorQueue() {
    const page = await site.newPage();
    await (await new AdminLoginPage(page).open()).logIn(editor.email, editor.password);
    return new AdminCommentQueuePage(page).open('pending');
  }

  test('a reader comments, an editor approves it, and the reader then sees it with the count', options, async () => {
    const path = await firstArticlePath();
    const page = await readerPage('192.0.2.1');
    await new ArticlePage(page).open(path);
    const comments = new CommentSection(page);
    assert.equal(await comments.count.innerText(), 'No comments');
    const answer = await comments.post({ name: 'Rita Reader', email: 'rita@example.org',
                                         text: 'A clear report.\n\nMore at https://example.org/more.' });
    assert.equal(answer.status(), 303);
    assert.equal(await comments.notice.innerText(), 'Thank you, your comment awaits moderation.');
    assert.equal(await comments.commentWith('A clear report.').count(), 0, 'shown before approval');

    const queue = await editorQueue();
    assert.equal(await queue.itemWith('A clear report.').count(), 1);
    await queue.act('A clear report.', 'Approve');
    assert.equal(await queue.itemWith('A clear report.').count(), 0, 'still pending after approval');

    await page.reload();
    const approved = comments.commentWith('A clear report.');
    assert.equal(await approved.count(), 1);
    assert.match(await approved.locator('.comment-author').innerText(), /Rita Reader/);
    assert.equal(await approved.getByRole('link', { name: 'https://example.org/more' }).getAttribute('rel'),
                 'nofollow ugc noopener');
    assert.equal(await comments.count.innerText(), '1 comment');
    assert.equal(await page.locator('article .comment-count').innerText(), '1 comment');
    assert.equal((await page.content()).includes('rita@example.org'), false, 'the e-mail address is shown');
  });

  test('script injections in names and texts are shown as text and never run', options, async () => {
    const front = new FrontPage(await site.newPage());
    await front.open();
    const path = await front.teaser(1).readMore.getAttribute('href');

    for (const [i, payload] of payloads.entries()) {
      const page = await readerPage(`198.51.100.${i + 1}`);
      await new ArticlePage(page).open(path);
      const answer = await new CommentSection(page).post({ name: payload.slice(0, 100), text: `${payload} #${i}` });
      assert.equal(answer.status(), 303, `payload ${i} was refused`);
      await page.close();
    }
    const queue = await editorQueue();
    await queue.actOnAll('Approve');

    const page = await site.newPage();
    const dialogs = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await new ArticlePage(page).open(path);
    const comments = new CommentSection(page);
    assert.equal(await comments.comments.count(), payloads.length);
    // Hovering and clicking give event-handler payloads every chance to fire.
    for (const link of await comments.list.getByRole('link').all()) await link.hover();
    for (const item of await comments.comments.all()) await item.hover();

    assert.deepEqual(dialogs, []);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    const injected = await comments.list.evaluate((list) => ({
      elements: list.querySelectorAll('script, img, svg, iframe, b, i, textarea, style, object, embed').length,
      handlers: [...list.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name)))
        .length,
      styled: list.querySelectorAll('[style]').length,
      // Links made from what readers wrote (the reply links are the site's own).
      hrefs: [...list.querySelectorAll('.comment-text a')].map((a) => a.getAttribute('href')),
    }));
    assert.deepEqual({ ...injected, hrefs: undefined }, { elements: 0, handlers: 0, styled: 0, hrefs: undefined });
    for (const href of injected.hrefs) assert.match(href, /^https?:\/\/[^"\s]*$/, `a link to ${href}`);
    const shown = await comments.list.innerText();
    for (const payload of payloads) assert.ok(shown.includes(payload), `not shown literally: ${payload}`);
  });
});
