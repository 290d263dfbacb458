#pragma once
/// PanelStore over SQLite: the expert_panels and panel_contributions tables (migration 0009).

#include "gazette/storage/panel_store.hpp"
#include "gazette/storage/sqlite/connection_pool.hpp"

namespace gazette::storage::sqlite {

class SqlitePanelStore final : public PanelStore {
 public:
  explicit SqlitePanelStore(ConnectionPool& pool) : pool_(pool) {}

  Result<std::optional<domain::ExpertPanel>> FindByArticle(std::int64_t article_id) override;
  Result<std::optional<domain::FeaturedPanel>> FindFeatured(Timestamp now) override;
  Status SavePanel(std::int64_t article_id, std::string_view question, std::string_view lead,
                   Timestamp now) override;
  Status RemovePanel(std::int64_t article_id, Timestamp now) override;
  Result<std::int64_t> AddContribution(std::int64_t article_id, const ContributionFields& fields,
                                       Timestamp now) override;
  Status UpdateContribution(std::int64_t article_id, std::int64_t contribution_id,
                            const ContributionFields& fields, Timestamp now) override;
  Status MoveContribution(std::int64_t article_id, std::int64_t contribution_id, MoveDirection direction,
                          Timestamp now) override;
  Status RemoveContribution(std::int64_t article_id, std::int64_t contribution_id, Timestamp now) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace gazette::storage::sqlite
