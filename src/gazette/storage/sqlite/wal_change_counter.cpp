#include "gazette/storage/sqlite/wal_change_counter.hpp"

namespace gazette::storage::sqlite {
namespace {

/// The WAL-index header's layout (walformat.html, 2.2.1): iVersion, padding, then iChange.
constexpr std::size_t kChangeCounterOffset = 8;
/// The size SQLite maps the WAL-index in (32 KiB regions); region 0 starts with the header.
constexpr int kWalIndexRegionBytes = 32768;

}  // namespace

std::optional<std::uint32_t> WalChangeCounter::Current() {
  if (change_ == nullptr) {
    sqlite3_file* file = nullptr;
    if (sqlite3_file_control(db_, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK || file == nullptr ||
        file->pMethods == nullptr || file->pMethods->iVersion < 2 || file->pMethods->xShmMap == nullptr) {
      return std::nullopt;
    }
    void volatile* region = nullptr;
    // bExtend 0: only an existing mapping, which the connection's own reads of a WAL database have made.
    if (file->pMethods->xShmMap(file, 0, kWalIndexRegionBytes, 0, &region) != SQLITE_OK || region == nullptr) {
      return std::nullopt;
    }
    change_ = reinterpret_cast<const volatile std::uint32_t*>(static_cast<volatile char*>(region) +
                                                              kChangeCounterOffset);
  }
  // The writer updates the header copy at offset 0 last, after a memory barrier (walIndexWriteHdr).
  return __atomic_load_n(change_, __ATOMIC_ACQUIRE);
}

}  // namespace gazette::storage::sqlite
