-- 0002: visitor statistics: the current day's private visitor state (its salt and the keyed hashes of the
-- visitors seen), kept only for that day so that a restart does not count returning visitors again, and
-- article hits per day for "most read" lists. Never edit this file once it is on main.
-- Days are 'YYYY-MM-DD' in the site's time zone, as in daily_stats.

-- At most one row in practice: StatsStore::BeginDay deletes every other day's salt.
CREATE TABLE visitor_salts (
  day  TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  salt BLOB NOT NULL CHECK (typeof(salt) = 'blob' AND length(salt) = 16)
) WITHOUT ROWID;

-- hash is an unsigned 64-bit keyed hash stored as the same 64 bits in a signed INTEGER (values of 2^63 and
-- more read as negative numbers): SQLite has no unsigned type, and the bits, not the numeric value, matter.
-- Visitors and crawlers are two tables, not one with a flag, because one identity can be both: counted as
-- a visitor on its first page, then found to be a crawler when it fetches robots.txt.
CREATE TABLE visitor_identities (
  day  TEXT NOT NULL,
  hash INTEGER NOT NULL,
  PRIMARY KEY (day, hash)
) WITHOUT ROWID;

CREATE TABLE bot_identities (
  day  TEXT NOT NULL,
  hash INTEGER NOT NULL,
  PRIMARY KEY (day, hash)
) WITHOUT ROWID;

-- The primary key (day, article_id) serves the "most read" query: a range of days is one contiguous run
-- of the key holding every column it needs, so the ranking never reads rows outside the range.
CREATE TABLE article_daily_hits (
  day        TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  hits       INTEGER NOT NULL DEFAULT 0 CHECK (hits >= 0),
  PRIMARY KEY (day, article_id)
) WITHOUT ROWID;
-- Deleting an article deletes its daily hits (ON DELETE CASCADE) through this index, not a full scan.
CREATE INDEX article_daily_hits_by_article ON article_daily_hits(article_id);
