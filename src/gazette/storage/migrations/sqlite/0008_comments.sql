-- 0008: readers' comments on articles and their moderation (comments::CommentService). Never edit this file
-- once it is on main. Instants are INTEGER Unix seconds (UTC).

-- Small columns first, text people type last (as in articles). The e-mail address is never shown to
-- readers; the sender's IP address is kept only as a keyed hash (ip_hash), never as it came.
-- AUTOINCREMENT: a deleted comment's id is never given to a new one, so that a queue page still open on the
-- old comment cannot approve or delete the new one.
CREATE TABLE comments (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  -- Threads are one level deep: a reply's parent is always a top-level comment of the same article.
  parent_id   INTEGER REFERENCES comments(id) ON DELETE CASCADE,
  -- When adding a state, also update domain::CommentState.
  state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected', 'spam')),
  created_at  INTEGER NOT NULL,
  ip_hash     TEXT NOT NULL CHECK (length(ip_hash) <= 64),
  -- The limits are the comments module's (in characters there, in bytes here: at most 4 per character).
  name        TEXT NOT NULL CHECK (length(CAST(name AS BLOB)) BETWEEN 1 AND 400),
  email       TEXT NOT NULL DEFAULT '' CHECK (length(CAST(email AS BLOB)) <= 254),
  text        TEXT NOT NULL CHECK (length(CAST(text AS BLOB)) BETWEEN 1 AND 20000)
);
-- The article page reads its approved comments oldest first; teaser lists count them per article.
CREATE INDEX comments_by_article ON comments(article_id, state, created_at, id);
-- The moderation queue lists one state, newest first, and counts it for the dashboard.
CREATE INDEX comments_by_state ON comments(state, created_at, id);
-- Rate limits and duplicates look at what one sender posted in the last day.
CREATE INDEX comments_by_sender ON comments(ip_hash, created_at);
-- "Trusted" moderation asks whether an e-mail address already has an approved comment.
CREATE INDEX comments_by_email ON comments(email, state) WHERE email <> '';
