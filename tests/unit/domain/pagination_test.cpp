#include "gazette/domain/pagination.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gazette::domain {
namespace {

TEST(Pagination, AbsentOrEmptyPageIsTheFirst) {
  const auto page = ParsePageNumber("");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(*page, 1);
}

TEST(Pagination, ParsesDecimalPageNumbers) {
  EXPECT_EQ(*ParsePageNumber("1"), 1);
  EXPECT_EQ(*ParsePageNumber("42"), 42);
  EXPECT_EQ(*ParsePageNumber("007"), 7);
  EXPECT_EQ(*ParsePageNumber(std::to_string(kMaxPageNumber)), kMaxPageNumber);
}

TEST(Pagination, RejectsMalformedAndOutOfRangePages) {
  for (const std::string& text : std::vector<std::string>{
           "abc", "-1", "0", "+1", "1.5", " 1", "1 ", "1e3", "0x10", "99999999999999999999", "00000000",
           std::to_string(kMaxPageNumber + 1), "１", std::string("1\0", 2), "%31"}) {
    const auto page = ParsePageNumber(text);
    ASSERT_FALSE(page.ok()) << text;
    EXPECT_EQ(page.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(page.error().message, "The page number must be a whole number from 1 to 1000000.");
  }
}

TEST(Pagination, WindowAsksForOneRowMoreThanItShows) {
  const PageWindow window{.page = 3, .page_size = 10};
  EXPECT_EQ(window.offset(), 20);
  EXPECT_EQ(window.limit(), 11);
  const PageWindow last{.page = kMaxPageNumber, .page_size = 100};
  EXPECT_EQ(last.offset(), (kMaxPageNumber - 1) * 100);
}

TEST(Pagination, FirstPageHasNoPreviousLink) {
  const PageLinks links = LinksFor({.page = 1, .page_size = 10}, 11);
  EXPECT_EQ(links.page, 1);
  EXPECT_FALSE(links.has_previous);
  EXPECT_TRUE(links.has_next);
}

TEST(Pagination, FullPageWithoutTheExtraRowIsTheLast) {
  const PageLinks links = LinksFor({.page = 4, .page_size = 10}, 10);
  EXPECT_EQ(links.page, 4);
  EXPECT_TRUE(links.has_previous);
  EXPECT_FALSE(links.has_next);
}

TEST(Pagination, EmptyPageBeyondTheEndLinksOnlyBack) {
  const PageLinks links = LinksFor({.page = 9, .page_size = 10}, 0);
  EXPECT_TRUE(links.has_previous);
  EXPECT_FALSE(links.has_next);
}

TEST(Pagination, SinglePageHasNoLinks) {
  const PageLinks links = LinksFor({.page = 1, .page_size = 10}, 3);
  EXPECT_FALSE(links.has_previous);
  EXPECT_FALSE(links.has_next);
}

}  // namespace
}  // namespace gazette::domain
