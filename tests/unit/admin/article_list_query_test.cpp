#include "gazette/admin/article_list_query.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace gazette::admin {
namespace {

ArticleListQuery Read(const std::map<std::string, std::string>& values) {
  return ReadArticleListQuery([&](std::string_view name) -> std::optional<std::string_view> {
    auto found = values.find(std::string(name));
    if (found == values.end()) return std::nullopt;
    return std::string_view(found->second);
  });
}

TEST(ArticleListQuery, TurnsTheAddressIntoTheStoresFilter) {
  const auto query = Read({{"state", "scheduled"},
                           {"category", "3"},
                           {"country", "gb"},
                           {"author", "7"},
                           {"q", " budget "},
                           {"sort", "title"},
                           {"page", "2"}});
  const auto filter = query.Filter();
  EXPECT_EQ(filter.state, domain::ArticleState::kScheduled);
  EXPECT_EQ(filter.category_id, 3);
  EXPECT_EQ(filter.country, "GB");
  EXPECT_EQ(filter.author_id, 7);
  EXPECT_EQ(filter.text, "budget");
  EXPECT_EQ(filter.sort, storage::EditorSort::kTitle);
  EXPECT_FALSE(filter.descending);
  EXPECT_EQ(query.page, 2);
}

TEST(ArticleListQuery, ReviewMeansDraftsHandedInForReview) {
  const auto filter = Read({{"state", "review"}}).Filter();
  EXPECT_EQ(filter.state, domain::ArticleState::kDraft);
  EXPECT_TRUE(filter.review_requested_only);
}

TEST(ArticleListQuery, ValuesThatNameNothingFilterNothing) {
  const auto query =
      Read({{"state", "lost"}, {"category", "x"}, {"author", "-1"}, {"sort", "hits; drop"}, {"page", "0"}});
  const auto filter = query.Filter();
  EXPECT_FALSE(filter.state.has_value());
  EXPECT_FALSE(filter.category_id.has_value());
  EXPECT_FALSE(filter.author_id.has_value());
  EXPECT_EQ(filter.sort, storage::EditorSort::kUpdatedAt);
  EXPECT_TRUE(filter.descending);
  EXPECT_EQ(query.page, 1);
  EXPECT_EQ(Read({{"page", "99999999999999"}}).page, kMaxListPage);
}

TEST(ArticleListQuery, OverlongTextIsCutWithinTheStoresBoundOnACharacterBoundary) {
  std::string text(kMaxListQueryValueBytes - 1, 'a');
  text += "\xC3\xA9\xC3\xA9";  // "éé": the bound falls inside the first one
  const auto query = Read({{"q", text}});
  EXPECT_EQ(query.text, std::string(kMaxListQueryValueBytes - 1, 'a'));
}

TEST(ArticleListQuery, EncodesTheFiltersForLinksWithoutDefaults) {
  EXPECT_EQ(Read({}).Encoded(), "");
  EXPECT_EQ(Read({{"q", "a&b c"}, {"sort", "oldest"}, {"page", "3"}}).Encoded(), "q=a%26b%20c&sort=oldest");
}

}  // namespace
}  // namespace gazette::admin
