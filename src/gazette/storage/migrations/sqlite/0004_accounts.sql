-- 0004: back-office accounts: users, their sessions, failed logins (for throttling), the audit log, and the
-- keys the accounts services keep. Never edit this file once it is on main.
-- Instants are INTEGER Unix seconds (UTC).

-- Users are disabled, never deleted, so that the audit log keeps naming who did what.
-- email is the login name, stored lower-cased (ASCII letters: SQLite's lower() folds only those, and
-- so does accounts::NormaliseEmail). password_hash is libsodium's crypto_pwhash_str string (argon2id,
-- its parameters and salt included).
CREATE TABLE users (
  id                  INTEGER PRIMARY KEY,
  email               TEXT NOT NULL UNIQUE CHECK (email = lower(email) AND length(CAST(email AS BLOB)) <= 254),
  name                TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- When adding a role, also update domain::Role.
  role                TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'author')),
  author_id           INTEGER REFERENCES authors(id) ON DELETE SET NULL,
  password_hash       TEXT NOT NULL,
  disabled            INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at          INTEGER NOT NULL,
  password_changed_at INTEGER NOT NULL
);

-- A session is found by a hash of its cookie value: the value itself is never stored, so a copy of the
-- database does not let anyone log in. Nothing about the client's address is kept.
CREATE TABLE sessions (
  id_hash      BLOB PRIMARY KEY CHECK (typeof(id_hash) = 'blob' AND length(id_hash) = 32),
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token   TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  user_agent   TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
-- "Log out everywhere" and ending a disabled user's sessions.
CREATE INDEX sessions_by_user ON sessions(user_id);
-- Purging expired sessions.
CREATE INDEX sessions_by_last_seen ON sessions(last_seen_at);

-- Failed logins of the last minutes, counted per account and per client address. Both are kept only as
-- keyed hashes (the key is in account_keys): a mistyped e-mail field can hold a password, and the
-- addresses of people who mistype theirs are nobody's business. Rows older than the window are purged.
CREATE TABLE login_failures (
  at        INTEGER NOT NULL,
  email_key BLOB NOT NULL CHECK (typeof(email_key) = 'blob' AND length(email_key) = 16),
  ip_key    BLOB NOT NULL CHECK (typeof(ip_key) = 'blob' AND length(ip_key) = 16)
);
CREATE INDEX login_failures_by_email ON login_failures(email_key, at);
CREATE INDEX login_failures_by_ip ON login_failures(ip_key, at);
CREATE INDEX login_failures_by_at ON login_failures(at);

-- What was done in the back office, by whom, from where. user_id is NULL for the command line and for
-- failed logins; target names the object (an e-mail address, an article id).
CREATE TABLE audit_log (
  id      INTEGER PRIMARY KEY,
  at      INTEGER NOT NULL,
  user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  action  TEXT NOT NULL,
  target  TEXT NOT NULL DEFAULT '',
  detail  TEXT NOT NULL DEFAULT '',
  ip      TEXT NOT NULL DEFAULT ''
);

-- Random keys made once per site (the login throttle's hash key), shared by every server of the site.
CREATE TABLE account_keys (
  name TEXT PRIMARY KEY,
  key  BLOB NOT NULL CHECK (typeof(key) = 'blob' AND length(key) = 32)
) WITHOUT ROWID;
