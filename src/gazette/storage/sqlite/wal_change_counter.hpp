#pragma once
/// WalChangeCounter: whether anything was committed to a WAL database since the last look, found without
/// a lock or a system call. SQLite raises a counter in the WAL-index header (the -shm file, mapped in
/// memory) with every committed transaction, by any process (https://www.sqlite.org/walformat.html,
/// "iChange" at offset 8 of the first header copy). Reading it is a memory load; reading a row takes a
/// read transaction, whose shared-memory locks are fcntl() calls, which a busy page cache would make on
/// every request. Internal to the backend.

#include <sqlite3.h>

#include <cstdint>
#include <optional>

namespace gazette::storage::sqlite {

/// One per connection; used by that connection's thread only.
class WalChangeCounter {
 public:
  explicit WalChangeCounter(sqlite3* db) : db_(db) {}

  /// The counter now, or empty when no WAL-index can be mapped: callers then read what they need the
  /// ordinary way. Only for a database in WAL mode (for another, the VFS would make an unused -shm file).
  std::optional<std::uint32_t> Current();

 private:
  sqlite3* db_;
  const volatile std::uint32_t* change_ = nullptr;  ///< into the mapped WAL-index header, once found
};

}  // namespace gazette::storage::sqlite
