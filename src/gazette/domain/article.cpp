#include "gazette/domain/article.hpp"

#include <array>
#include <utility>

namespace gazette::domain {

namespace {
constexpr std::array<std::pair<ArticleState, const char*>, 5> kStateNames{{
    {ArticleState::kDraft, "draft"},
    {ArticleState::kScheduled, "scheduled"},
    {ArticleState::kPublished, "published"},
    {ArticleState::kArchived, "archived"},
    {ArticleState::kTrashed, "trashed"},
}};
}  // namespace

const char* ArticleStateName(ArticleState state) noexcept {
  for (const auto& [value, name] : kStateNames) {
    if (value == state) return name;
  }
  return "draft";
}

Result<ArticleState> ParseArticleState(std::string_view name) {
  for (const auto& [value, state_name] : kStateNames) {
    if (name == state_name) return value;
  }
  // The name may come from a form or an import: quote only a bounded prefix of it.
  constexpr std::size_t kQuoted = 40;
  return MakeError(ErrorCode::kInvalid, "unknown article state '" + std::string(name.substr(0, kQuoted)) +
                                            "'; expected draft, scheduled, published, archived or trashed");
}

bool IsVisible(ArticleState state, std::optional<Timestamp> publish_at, std::optional<Timestamp> unpublish_at,
               Timestamp now) {
  if (state != ArticleState::kScheduled && state != ArticleState::kPublished) return false;
  if (!publish_at || *publish_at > now) return false;
  return !unpublish_at || *unpublish_at > now;
}

std::string LabelledTitle(std::string_view country, std::string_view title) {
  std::string out;
  if (!country.empty()) {
    out.reserve(country.size() + 2 + title.size());
    out.append(country).append(": ");
  }
  out.append(title);
  return out;
}

bool IsValidCountryLabel(std::string_view country) {
  if (country.empty()) return true;
  return country.size() == 2 && country[0] >= 'A' && country[0] <= 'Z' && country[1] >= 'A' &&
         country[1] <= 'Z';
}

}  // namespace gazette::domain
