#pragma once
/// ArticleRevision: one saved version of an article, a full copy of what an editor can change, kept so
/// that editors can see who changed what, compare two versions and bring an old one back.

#include <cstdint>
#include <optional>
#include <string>

#include "gazette/base/clock.hpp"
#include "gazette/domain/article.hpp"

namespace gazette::domain {

/// What the list of an article's revisions shows: no Markdown, so that the list stays small.
struct ArticleRevisionSummary {
  std::int64_t id = 0;
  std::int64_t article_id = 0;
  std::int64_t version = 0;  ///< the article's version this revision holds
  Timestamp saved_at{};
  std::optional<std::int64_t> saved_by;  ///< the user who saved it; empty for imports and the command line
  ArticleState state = ArticleState::kDraft;
  std::string title;
};

struct ArticleRevision {
  ArticleRevisionSummary summary;
  std::string slug;
  std::string country;
  std::int64_t category_id = 0;  ///< may name a category deleted since
  std::int64_t author_id = 0;
  std::string tags;  ///< tag names, sorted, separated by ", " (names never hold a comma)
  bool featured = false;
  int featured_order = 0;
  bool comments_open = true;
  std::optional<Timestamp> publish_at;
  std::optional<Timestamp> unpublish_at;
  std::string intro_markdown;
  std::string body_markdown;
};

}  // namespace gazette::domain
