#pragma once
/// CommentStore over SQLite: the comments table (migration 0008).

#include "gazette/storage/comment_store.hpp"
#include "gazette/storage/sqlite/connection_pool.hpp"

namespace gazette::storage::sqlite {

class SqliteCommentStore final : public CommentStore {
 public:
  explicit SqliteCommentStore(ConnectionPool& pool) : pool_(pool) {}

  Result<std::int64_t> Insert(const domain::Comment& comment) override;
  Result<domain::Comment> Find(std::int64_t id) override;
  Result<std::vector<domain::Comment>> ListApproved(std::int64_t article_id) override;
  Result<std::vector<domain::Comment>> ListLatestApproved(std::int64_t article_id,
                                                          std::int64_t limit) override;
  Result<std::map<std::int64_t, std::int64_t>> CountApproved(std::span<const std::int64_t> article_ids) override;
  Result<bool> HasApprovedEmail(std::string_view email) override;
  Result<bool> IsDuplicate(std::int64_t article_id, std::string_view text, std::string_view ip_hash,
                           Timestamp since) override;
  Result<std::vector<QueuedComment>> ListQueue(std::optional<domain::CommentState> state, std::int64_t offset,
                                               std::int64_t limit) override;
  Result<std::int64_t> CountInState(std::optional<domain::CommentState> state) override;
  Result<std::int64_t> SetState(std::span<const std::int64_t> ids, domain::CommentState state) override;
  Status Update(std::int64_t id, std::string_view name, std::string_view email, std::string_view text) override;
  Result<std::int64_t> Delete(std::span<const std::int64_t> ids) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace gazette::storage::sqlite
