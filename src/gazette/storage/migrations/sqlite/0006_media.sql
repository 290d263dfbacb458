-- 0006: the media library: images uploaded in the back office, stored on disk under the site's media/
-- directory by the SHA-256 of their bytes (media::MediaLibrary). Never edit this file once it is on main.
-- Instants are INTEGER Unix seconds (UTC).

-- Small columns first, text people type last (as in articles). The files are named from sha256 and the
-- type (mime), never from original_name, which is only shown.
-- AUTOINCREMENT: the id of a deleted image is never given to the next upload, so that a back-office page
-- still open on the old image cannot change or delete the new one.
CREATE TABLE media (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  -- The same bytes uploaded twice are one item: the upload finds the row by this hash.
  sha256        TEXT NOT NULL UNIQUE
                CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  -- When accepting another type, also update media::ImageType.
  mime          TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/gif', 'image/webp')),
  width         INTEGER NOT NULL CHECK (width > 0),
  height        INTEGER NOT NULL CHECK (height > 0),
  bytes         INTEGER NOT NULL CHECK (bytes > 0),
  -- The widths of the smaller copies made beside the original, ascending, comma-separated ('320,640');
  -- '' when none was made (a small image, an animation).
  sizes         TEXT NOT NULL DEFAULT '' CHECK (sizes NOT GLOB '*[^0-9,]*'),
  -- A user id without a foreign key: deleting a user keeps the images their articles show.
  uploaded_by   INTEGER,
  uploaded_at   INTEGER NOT NULL,
  original_name TEXT NOT NULL DEFAULT '',
  alt           TEXT NOT NULL DEFAULT ''
);
-- The library lists newest first: ORDER BY uploaded_at DESC, id DESC, read from this index.
CREATE INDEX media_newest ON media(uploaded_at, id);
