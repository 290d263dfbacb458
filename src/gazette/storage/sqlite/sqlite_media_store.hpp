#pragma once
/// MediaStore over SQLite: the media table (migration 0006).

#include "gazette/storage/media_store.hpp"
#include "gazette/storage/sqlite/connection_pool.hpp"

namespace gazette::storage::sqlite {

class SqliteMediaStore final : public MediaStore {
 public:
  explicit SqliteMediaStore(ConnectionPool& pool) : pool_(pool) {}

  Result<std::int64_t> Create(const domain::MediaItem& item) override;
  Result<domain::MediaItem> FindById(std::int64_t id) override;
  Result<domain::MediaItem> FindBySha256(std::string_view sha256) override;
  Result<std::vector<domain::MediaItem>> List(std::int64_t offset, std::int64_t limit) override;
  Status UpdateAlt(std::int64_t id, std::string_view alt) override;
  Status Delete(std::int64_t id) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace gazette::storage::sqlite
