#pragma once
/// SearchStore over SQLite FTS5 (migration 0010): the article_search index joined with articles under the
/// visibility rule. The page's rows are ranked from the index and articles alone; snippets, categories
/// and authors are read only for the rows shown.

#include "gazette/storage/search_store.hpp"
#include "gazette/storage/sqlite/connection_pool.hpp"

namespace gazette::storage::sqlite {

class SqliteSearchStore final : public SearchStore {
 public:
  explicit SqliteSearchStore(ConnectionPool& pool) : pool_(pool) {}

  Result<std::vector<SearchHit>> Search(std::string_view match, const SearchFilter& filter, SearchOrder order,
                                        Timestamp now, std::int64_t offset, std::int64_t limit) override;
  Result<std::int64_t> Count(std::string_view match, const SearchFilter& filter, Timestamp now,
                             std::int64_t cap) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace gazette::storage::sqlite
