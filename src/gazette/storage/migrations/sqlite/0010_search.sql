-- 0010: full-text search over articles (SQLite FTS5). Never edit this file once it is on main.
-- Every article is indexed whatever its state; the search query joins articles and applies the same
-- visibility rule as the public pages, so a scheduled article is found the moment it is due, without any
-- write, and a draft, trashed or withdrawn one never is. The triggers keep the index in the same
-- transaction as the article, so an edit is found at once.

-- The index reads the Markdown sources (closer to plain text than the HTML) through this view, which
-- gives the indexed columns their names. Keep its columns in step with the triggers below.
CREATE VIEW article_search_source AS
  SELECT id, title, intro_markdown AS intro, body_markdown AS body FROM articles;

-- External content: the text lives once, in articles; the index holds only the terms and positions.
-- porter: English stemming ("councils" finds "council"); unicode61 remove_diacritics 2: accents folded
-- ("Zurich" finds "Zürich"), case ignored.
CREATE VIRTUAL TABLE article_search USING fts5(
  title, intro, body,
  content = 'article_search_source',
  content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER article_search_after_insert AFTER INSERT ON articles
BEGIN
  INSERT INTO article_search (rowid, title, intro, body)
  VALUES (NEW.id, NEW.title, NEW.intro_markdown, NEW.body_markdown);
END;

-- An external-content index must be told the old text to remove its terms.
CREATE TRIGGER article_search_after_delete AFTER DELETE ON articles
BEGIN
  INSERT INTO article_search (article_search, rowid, title, intro, body)
  VALUES ('delete', OLD.id, OLD.title, OLD.intro_markdown, OLD.body_markdown);
END;

-- Only a change of the indexed text re-indexes: counting hits or changing the state writes nothing here.
CREATE TRIGGER article_search_after_update AFTER UPDATE OF title, intro_markdown, body_markdown ON articles
WHEN NEW.title IS NOT OLD.title OR NEW.intro_markdown IS NOT OLD.intro_markdown
  OR NEW.body_markdown IS NOT OLD.body_markdown
BEGIN
  INSERT INTO article_search (article_search, rowid, title, intro, body)
  VALUES ('delete', OLD.id, OLD.title, OLD.intro_markdown, OLD.body_markdown);
  INSERT INTO article_search (rowid, title, intro, body)
  VALUES (NEW.id, NEW.title, NEW.intro_markdown, NEW.body_markdown);
END;

-- A search checks visibility and the filters of every candidate article. Read from the table, each check
-- would load a page holding a whole article (bodies included); this index holds just what the checks read,
-- keyed by id, and stays small enough to be cached.
CREATE INDEX articles_search_filter
  ON articles(id, state, publish_at, unpublish_at, category_id, author_id, country);

-- The articles already there.
INSERT INTO article_search (article_search) VALUES ('rebuild');
