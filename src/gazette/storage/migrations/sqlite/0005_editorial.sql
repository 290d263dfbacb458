-- 0005: the editorial back office: optimistic concurrency on articles, revisions, "waiting for review",
-- comments on or off per article, author photos, and the indexes of the editors' article list.
-- Never edit this file once it is on main. Depends only on 0001 and 0002.

-- version goes up by one on every change, so that a save made from a stale form is refused instead of
-- silently overwriting someone else's work. The new columns land after the article bodies (ALTER TABLE
-- can only append); the public lists never read them, and the editors' list reads few rows at a time.
ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE articles ADD COLUMN comments_open INTEGER NOT NULL DEFAULT 1 CHECK (comments_open IN (0, 1));
-- An author's draft handed to the editors: a flag rather than a state, because the article is still a
-- draft (never shown, still editable by its author) and no query about visibility needs to know.
ALTER TABLE articles ADD COLUMN review_requested INTEGER NOT NULL DEFAULT 0
  CHECK (review_requested IN (0, 1));

-- A path under the site's media directory, or empty.
ALTER TABLE authors ADD COLUMN photo TEXT NOT NULL DEFAULT '';

-- The editors' list: every state, newest change first by default, filtered by state, category or author.
-- The default view and a state filter walk articles_by_updated in order and skip the rows of other
-- states; a category or author filter walks its own index in the same order. There is deliberately no
-- index led by state: SQLite would take it for the public lists' "state IN ('scheduled', 'published')"
-- instead of their publication-order indexes, and sort every visible article on each page.
CREATE INDEX articles_by_updated ON articles(updated_at, id);
CREATE INDEX articles_by_category_updated ON articles(category_id, updated_at, id);
CREATE INDEX articles_by_author_updated ON articles(author_id, updated_at, id);
-- Sorting by publication date or title across every state (the visible-only indexes of 0001 skip drafts).
CREATE INDEX articles_by_publish ON articles(publish_at, id);
CREATE INDEX articles_by_title ON articles(title COLLATE NOCASE, id);
-- The dashboard's "drafts waiting for review": a handful of rows.
CREATE INDEX articles_review_requested ON articles(updated_at) WHERE review_requested = 1;

-- One row per saved version of an article: a full copy of what an editor can change, so that any version
-- can be shown, compared and restored. category_id and author_id have no foreign key: an old revision must
-- not stop a category from being deleted, and restoring checks them again through the article's own keys.
-- saved_by is a user id with no foreign key either, so that this table does not depend on the accounts
-- tables, and a revision outlives the account that saved it.
CREATE TABLE article_revisions (
  id             INTEGER PRIMARY KEY,
  article_id     INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  version        INTEGER NOT NULL,
  saved_at       INTEGER NOT NULL,
  saved_by       INTEGER,
  state          TEXT NOT NULL
                 CHECK (state IN ('draft', 'scheduled', 'published', 'archived', 'trashed')),
  publish_at     INTEGER,
  unpublish_at   INTEGER,
  category_id    INTEGER NOT NULL,
  author_id      INTEGER NOT NULL,
  featured       INTEGER NOT NULL DEFAULT 0 CHECK (featured IN (0, 1)),
  featured_order INTEGER NOT NULL DEFAULT 0,
  comments_open  INTEGER NOT NULL DEFAULT 1 CHECK (comments_open IN (0, 1)),
  country        TEXT NOT NULL DEFAULT '',
  slug           TEXT NOT NULL,
  title          TEXT NOT NULL,
  -- The tag names, sorted, separated by ", " (names never hold a comma): a restore finds or recreates
  -- them by name, even after a tag was renamed, merged or deleted.
  tags           TEXT NOT NULL DEFAULT '',
  intro_markdown TEXT NOT NULL DEFAULT '',
  body_markdown  TEXT NOT NULL DEFAULT '',
  UNIQUE (article_id, version)
);

-- Tag autocomplete (name LIKE 'prefix%') and the tag list, both case-insensitive.
CREATE INDEX tags_by_name ON tags(name COLLATE NOCASE);
