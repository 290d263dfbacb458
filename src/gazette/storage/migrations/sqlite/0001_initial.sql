-- 0001: the content model of the public site: authors, nested categories, tags, articles, daily visitor
-- figures. Never edit this file once it is on main; add a new numbered migration instead.
-- Instants are INTEGER Unix seconds (UTC); days are 'YYYY-MM-DD' in the site's time zone.

CREATE TABLE authors (
  id           INTEGER PRIMARY KEY,
  slug         TEXT NOT NULL UNIQUE,
  name         TEXT NOT NULL,
  role         TEXT NOT NULL DEFAULT '',
  organisation TEXT NOT NULL DEFAULT '',
  bio          TEXT NOT NULL DEFAULT ''
);

CREATE TABLE categories (
  id          INTEGER PRIMARY KEY,
  parent_id   INTEGER REFERENCES categories(id) ON DELETE RESTRICT,
  slug        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  position    INTEGER NOT NULL DEFAULT 0
);
-- ListCategories: ORDER BY parent_id, position, name.
CREATE INDEX categories_by_parent ON categories(parent_id, position, name);

CREATE TABLE tags (
  id   INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
);

-- Small columns first, large text last: SQLite reads a row's columns in order and spills long rows to
-- overflow pages, so lists and visibility checks never read the bodies.
CREATE TABLE articles (
  id             INTEGER PRIMARY KEY,
  -- When adding a state, also update domain::ArticleState.
  state          TEXT NOT NULL DEFAULT 'draft'
                 CHECK (state IN ('draft', 'scheduled', 'published', 'archived', 'trashed')),
  publish_at     INTEGER,
  unpublish_at   INTEGER,
  category_id    INTEGER NOT NULL REFERENCES categories(id) ON DELETE RESTRICT,
  author_id      INTEGER NOT NULL REFERENCES authors(id) ON DELETE RESTRICT,
  featured       INTEGER NOT NULL DEFAULT 0 CHECK (featured IN (0, 1)),
  featured_order INTEGER NOT NULL DEFAULT 0,
  country        TEXT NOT NULL DEFAULT ''
                 CHECK (country = '' OR (length(country) = 2 AND country GLOB '[A-Z][A-Z]')),
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  hits           INTEGER NOT NULL DEFAULT 0,
  slug           TEXT NOT NULL UNIQUE,
  title          TEXT NOT NULL,
  intro_html     TEXT NOT NULL DEFAULT '',
  intro_markdown TEXT NOT NULL DEFAULT '',
  body_html      TEXT NOT NULL DEFAULT '',
  body_markdown  TEXT NOT NULL DEFAULT ''
);
-- The public lists read only visible candidates (state scheduled or published), newest first. Each index
-- holds (..., publish_at, id, unpublish_at, state), so that the whole visibility rule and the order
-- (publish_at DESC, id DESC) come from the index, and rows skipped by OFFSET never touch the table.
CREATE INDEX articles_visible ON articles(publish_at, id, unpublish_at, state)
  WHERE state IN ('scheduled', 'published');
CREATE INDEX articles_visible_by_category ON articles(category_id, publish_at, id, unpublish_at, state)
  WHERE state IN ('scheduled', 'published');
CREATE INDEX articles_visible_by_author ON articles(author_id, publish_at, id, unpublish_at, state)
  WHERE state IN ('scheduled', 'published');
-- The lead of the front page: a handful of rows.
CREATE INDEX articles_featured ON articles(featured_order) WHERE featured = 1;
-- NextVisibilityChange: the next instant an article disappears.
CREATE INDEX articles_by_unpublish ON articles(unpublish_at) WHERE unpublish_at IS NOT NULL;

-- publish_at is copied from the article so that a tag page reads its rows in publication order from
-- one index instead of sorting all of the tag's articles; the trigger below keeps the copy in step.
CREATE TABLE article_tags (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  tag_id     INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  publish_at INTEGER,
  PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_by_tag ON article_tags(tag_id, publish_at, article_id);

CREATE TRIGGER article_tags_follow_publish_at AFTER UPDATE OF publish_at ON articles
WHEN NEW.publish_at IS NOT OLD.publish_at
BEGIN
  UPDATE article_tags SET publish_at = NEW.publish_at WHERE article_id = NEW.id;
END;

CREATE TABLE daily_stats (
  day        TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  visitors   INTEGER NOT NULL DEFAULT 0,
  page_views INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
