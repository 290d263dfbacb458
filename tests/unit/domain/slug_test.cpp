#include "gazette/domain/slug.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace gazette::domain {
namespace {

TEST(Slug, FoldsAccentsAndPunctuation) {
  EXPECT_EQ(MakeSlug("Łódź council goes digital"), "lodz-council-goes-digital");
  EXPECT_EQ(MakeSlug("Zürich"), "zurich");
  EXPECT_EQ(MakeSlug("São Paulo"), "sao-paulo");
  EXPECT_EQ(MakeSlug("Straße & Ærø: a case study"), "strasse-aero-a-case-study");
}

TEST(Slug, TransliteratesOtherScripts) {
  EXPECT_EQ(MakeSlug("Москва"), "moskva");
  EXPECT_EQ(MakeSlug("Αθήνα"), "athena");
  EXPECT_EQ(MakeSlug("Київ 2026"), "kiiv-2026");
}

TEST(Slug, DropsPunctuationAndEmoji) {
  EXPECT_EQ(MakeSlug("  Hello, World!!! 🎉🎉 "), "hello-world");
  EXPECT_EQ(MakeSlug("GB: e-ID -- what's next?"), "gb-e-id-whats-next");
  EXPECT_EQ(MakeSlug("Europe’s budget"), "europes-budget");
  EXPECT_EQ(MakeSlug("100% up (2026)"), "100-up-2026");
}

TEST(Slug, FallsBackWhenNothingIsLeft) {
  EXPECT_EQ(MakeSlug(""), "article");
  EXPECT_EQ(MakeSlug("!!! ??? —"), "article");
  EXPECT_EQ(MakeSlug("🎉"), "article");
}

TEST(Slug, CutsLongTitlesAtAWordBoundary) {
  std::string title;
  for (int i = 0; i < 30; ++i) title += "words ";
  const std::string slug = MakeSlug(title);
  EXPECT_LE(slug.size(), kMaxSlugLength);
  EXPECT_GT(slug.size(), kMaxSlugLength - 6);
  EXPECT_EQ(slug.substr(slug.size() - 5), "words");
  EXPECT_TRUE(IsValidSlug(slug));
}

TEST(Slug, KeepsAWordThatEndsExactlyAtTheLimit) {
  const std::string word(kMaxSlugLength - 2, 'a');
  EXPECT_EQ(MakeSlug(word + " b c"), word + "-b");
  EXPECT_EQ(MakeSlug(word + " bc"), word);
}

TEST(Slug, CutsASingleHugeWordHard) {
  const std::string slug = MakeSlug(std::string(500, 'x'));
  EXPECT_EQ(slug, std::string(kMaxSlugLength, 'x'));
}

TEST(Slug, SurvivesInvalidUtf8) {
  EXPECT_EQ(MakeSlug("bad \xff\xfe bytes \xc3"), "bad-bytes");
  EXPECT_EQ(MakeSlug(std::string_view("a\0b", 3)), "a-b");
}

TEST(Slug, BoundsWorkOnHugeInput) {
  const std::string title(10 * 1024 * 1024, 'z');
  EXPECT_EQ(MakeSlug(title).size(), kMaxSlugLength);
}

TEST(Slug, LeavesValidSlugsUnchanged) {
  for (const std::string s : {"lodz-council-goes-digital", "a", "2026", "article"}) {
    EXPECT_TRUE(IsValidSlug(s)) << s;
    EXPECT_EQ(MakeSlug(s), s);
  }
}

TEST(Slug, RejectsInvalidSlugs) {
  for (const std::string s : {"", "-a", "a-", "a--b", "A", "a_b", "a b", "é", "a/b", "a.b"}) {
    EXPECT_FALSE(IsValidSlug(s)) << s;
  }
  EXPECT_TRUE(IsValidSlug(std::string(kMaxSlugLength, 'a')));
  EXPECT_FALSE(IsValidSlug(std::string(kMaxSlugLength + 1, 'a')));
}

TEST(Slug, WorksFromManyThreads) {
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&results, i] { results[i] = MakeSlug("Łódź council goes digital"); });
  }
  for (auto& t : threads) t.join();
  for (const auto& r : results) EXPECT_EQ(r, "lodz-council-goes-digital");
}

}  // namespace
}  // namespace gazette::domain
