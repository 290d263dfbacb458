#pragma once
/// PanelStore: the expert panels of articles (a question, a lead, and the experts' answers in order).
/// Every write also sets the article's updated_at in the same transaction, so that caches, feeds and the
/// editors' list see the change. Implemented once per backend, like ArticleStore.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/base/clock.hpp"
#include "gazette/base/result.hpp"
#include "gazette/domain/expert_panel.hpp"

namespace gazette::storage {

/// One contribution as written by the back office: the answer's HTML is already rendered.
struct ContributionFields {
  std::string expert_name;
  std::string expert_role;
  std::string expert_organisation;
  std::optional<std::int64_t> photo_media_id;  ///< a library image, or none
  std::string answer_markdown;
  std::string answer_html;
};

/// Which way a contribution moves in its panel's order.
enum class MoveDirection { kUp, kDown };

/// Thread-safe. Text bounds are domain::kMax* (in characters); the store checks them again in bytes at
/// four bytes a character, so that no caller stores unbounded rows whatever it checked.
class PanelStore {
 public:
  virtual ~PanelStore() = default;

  /// The panel of article_id with its contributions in order, each with its photo: one query. Empty when
  /// the article is not a panel (or does not exist).
  virtual Result<std::optional<domain::ExpertPanel>> FindByArticle(std::int64_t article_id) = 0;

  /// The newest visible featured article that is a panel (publish_at, then id, descending), with its
  /// first contribution: one query. Empty when there is none.
  virtual Result<std::optional<domain::FeaturedPanel>> FindFeatured(Timestamp now) = 0;

  /// Makes article_id a panel, or changes its question and lead. kNotFound for an unknown article;
  /// kInvalid for an empty question or text over the bounds.
  virtual Status SavePanel(std::int64_t article_id, std::string_view question, std::string_view lead,
                           Timestamp now) = 0;

  /// Makes article_id an ordinary article again: its panel and every contribution are deleted.
  /// kNotFound when it is not a panel.
  virtual Status RemovePanel(std::int64_t article_id, Timestamp now) = 0;

  /// Adds a contribution at the end of the panel; returns its id. kNotFound when article_id is not a
  /// panel; kInvalid when the panel already has domain::kMaxContributions, for an empty name, text over
  /// the bounds, or a photo that is not in the media library.
  virtual Result<std::int64_t> AddContribution(std::int64_t article_id, const ContributionFields& fields,
                                               Timestamp now) = 0;

  /// Replaces contribution_id's fields (its place is kept). kNotFound unless it belongs to article_id;
  /// kInvalid as for AddContribution.
  virtual Status UpdateContribution(std::int64_t article_id, std::int64_t contribution_id,
                                    const ContributionFields& fields, Timestamp now) = 0;

  /// Swaps contribution_id with its neighbour above or below. Moving the first up or the last down
  /// changes nothing and is not an error. kNotFound unless it belongs to article_id.
  virtual Status MoveContribution(std::int64_t article_id, std::int64_t contribution_id,
                                  MoveDirection direction, Timestamp now) = 0;

  /// Deletes contribution_id; the ones after it move up. kNotFound unless it belongs to article_id.
  virtual Status RemoveContribution(std::int64_t article_id, std::int64_t contribution_id, Timestamp now) = 0;
};

}  // namespace gazette::storage
