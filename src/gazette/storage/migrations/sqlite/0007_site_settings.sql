-- 0007: site settings changed in the back office (/admin/settings). Each row overrides the gazette.toml key
-- of the same name ("site.name", "stats.rows") with its text, written as an environment override would be.
-- Never edit this file once it is on main. Instants are INTEGER Unix seconds (UTC).

-- A few rows at most: one per editable key. The keys and values are checked by the settings module before
-- they are stored; the CHECKs only keep the table bounded.
CREATE TABLE site_settings (
  name        TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64),
  value       TEXT NOT NULL CHECK (length(value) <= 4096),
  updated_at  INTEGER NOT NULL
) WITHOUT ROWID;
