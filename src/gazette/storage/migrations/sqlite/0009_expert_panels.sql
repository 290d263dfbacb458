-- 0009: expert panels: an article that puts one question to several named experts, each answering under
-- their name, role and organisation. Never edit this file once it is on main. Depends on 0001 and 0006.

-- One row per article that is a panel; deleting the article deletes its panel.
CREATE TABLE expert_panels (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  question   TEXT NOT NULL,
  lead       TEXT NOT NULL DEFAULT ''
);

-- Small columns first, the answers last (as in articles). position orders the answers on the page; it is
-- not UNIQUE, so that two answers can swap places one row at a time, and ties fall back to id.
-- photo_media_id loses its image (NULL) when the image is deleted from the library: the answer stays.
-- AUTOINCREMENT: a removed answer's id is never reused, so that a form still open on it cannot change
-- another expert's answer.
CREATE TABLE panel_contributions (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id          INTEGER NOT NULL REFERENCES expert_panels(article_id) ON DELETE CASCADE,
  position            INTEGER NOT NULL,
  photo_media_id      INTEGER REFERENCES media(id) ON DELETE SET NULL,
  expert_name         TEXT NOT NULL,
  expert_role         TEXT NOT NULL DEFAULT '',
  expert_organisation TEXT NOT NULL DEFAULT '',
  answer_html         TEXT NOT NULL DEFAULT '',
  answer_markdown     TEXT NOT NULL DEFAULT ''
);
-- The panel page reads a panel's answers in order from this index; the front page reads the first one.
CREATE INDEX panel_contributions_in_order ON panel_contributions(article_id, position, id);
-- Deleting a library image finds the answers that show it.
CREATE INDEX panel_contributions_by_photo ON panel_contributions(photo_media_id)
  WHERE photo_media_id IS NOT NULL;
