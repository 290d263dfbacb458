-- 0003: the day's visitor identities as an append-only log of packed batches. Never edit this file once
-- it is on main.
--
-- 0002 kept one row per identity in a table keyed on the identity. The keys are random 64-bit hashes, so
-- a second's batch of new visitors touched a different B-tree page per identity: under a burst of new
-- visitors the flusher wrote megabytes a second, and the page reads of the public site paid for the growing
-- write-ahead log. Here a flush appends one row per kind holding all of its new identities: a few pages,
-- at the end of the table. Duplicates cannot arise (the in-memory set hands out each identity once) and
-- would be harmless (the set ignores them when the day is loaded back).
--
-- Identities written by 0002's tables before this migration are still read for their day and expire with
-- it; nothing writes to those tables any more.
CREATE TABLE visitor_identity_batches (
  id     INTEGER PRIMARY KEY,
  day    TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  kind   TEXT NOT NULL CHECK (kind IN ('visitor', 'bot')),
  -- The identities as unsigned 64-bit little-endian integers, 8 bytes apiece.
  hashes BLOB NOT NULL CHECK (typeof(hashes) = 'blob' AND length(hashes) > 0 AND length(hashes) % 8 = 0)
);
-- BeginDay: whether the day has batches, and deleting other days' batches, without reading the blobs.
CREATE INDEX visitor_identity_batches_by_day ON visitor_identity_batches(day);
