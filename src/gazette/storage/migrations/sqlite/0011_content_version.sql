-- The content version: a number that grows in the same transaction as every change to what public pages
-- show, made by any process (the server, the command line, an import). The page cache keeps each page
-- with the version it was made at and reads this one row per request: a page is current while they are
-- equal. Visitor figures, sessions, login throttling, the audit log and revisions have no trigger here:
-- they change no public page, and the visitor figures are written every second.
CREATE TABLE content_version (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);
INSERT INTO content_version (id, version) VALUES (1, 1);

CREATE TRIGGER authors_insert_bumps_content_version AFTER INSERT ON authors BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER authors_update_bumps_content_version AFTER UPDATE ON authors BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER authors_delete_bumps_content_version AFTER DELETE ON authors BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER categories_insert_bumps_content_version AFTER INSERT ON categories BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER categories_update_bumps_content_version AFTER UPDATE ON categories BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER categories_delete_bumps_content_version AFTER DELETE ON categories BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER tags_insert_bumps_content_version AFTER INSERT ON tags BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER tags_update_bumps_content_version AFTER UPDATE ON tags BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER tags_delete_bumps_content_version AFTER DELETE ON tags BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER articles_insert_bumps_content_version AFTER INSERT ON articles BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
-- Every column but hits, which the visitor figures raise every second (no page caches them). A migration
-- that adds a column to articles must recreate this trigger with it.
CREATE TRIGGER articles_update_bumps_content_version AFTER UPDATE OF
  id, state, publish_at, unpublish_at, category_id, author_id, featured, featured_order, country,
  created_at, updated_at, slug, title, intro_html, intro_markdown, body_html, body_markdown, version,
  comments_open, review_requested ON articles BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER articles_delete_bumps_content_version AFTER DELETE ON articles BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER article_tags_insert_bumps_content_version AFTER INSERT ON article_tags BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER article_tags_update_bumps_content_version AFTER UPDATE ON article_tags BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER article_tags_delete_bumps_content_version AFTER DELETE ON article_tags BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER site_settings_insert_bumps_content_version AFTER INSERT ON site_settings BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER site_settings_update_bumps_content_version AFTER UPDATE ON site_settings BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER site_settings_delete_bumps_content_version AFTER DELETE ON site_settings BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER comments_insert_bumps_content_version AFTER INSERT ON comments BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER comments_update_bumps_content_version AFTER UPDATE ON comments BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER comments_delete_bumps_content_version AFTER DELETE ON comments BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER expert_panels_insert_bumps_content_version AFTER INSERT ON expert_panels BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER expert_panels_update_bumps_content_version AFTER UPDATE ON expert_panels BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER expert_panels_delete_bumps_content_version AFTER DELETE ON expert_panels BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER panel_contributions_insert_bumps_content_version AFTER INSERT ON panel_contributions BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER panel_contributions_update_bumps_content_version AFTER UPDATE ON panel_contributions BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER panel_contributions_delete_bumps_content_version AFTER DELETE ON panel_contributions BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER media_insert_bumps_content_version AFTER INSERT ON media BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER media_update_bumps_content_version AFTER UPDATE ON media BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER media_delete_bumps_content_version AFTER DELETE ON media BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1;
END;
