#include "gazette/domain/text_diff.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace gazette::domain {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> Lines(std::initializer_list<const char*> lines) {
  return {lines.begin(), lines.end()};
}

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

/// The text the diff says the first (or second) input was, rebuilt from its hunks.
std::string Side(const TextDiff& diff, DiffOp other) {
  std::string out;
  for (const auto& hunk : diff.hunks) {
    if (hunk.op == other) continue;
    for (const auto& line : hunk.lines) out += line + "\n";
  }
  return out;
}

std::size_t Edits(const TextDiff& diff) {
  std::size_t edits = 0;
  for (const auto& hunk : diff.hunks) {
    if (hunk.op != DiffOp::kEqual) edits += hunk.lines.size();
  }
  return edits;
}

/// Length of the longest common subsequence of lines, by dynamic programming: the reference for the
/// smallest number of edits (lines of a + lines of b - 2 * LCS).
std::size_t Lcs(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::vector<std::size_t>> table(a.size() + 1, std::vector<std::size_t>(b.size() + 1, 0));
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      table[i][j] =
          a[i - 1] == b[j - 1] ? table[i - 1][j - 1] + 1 : std::max(table[i - 1][j], table[i][j - 1]);
    }
  }
  return table[a.size()][b.size()];
}

TEST(TextDiff, IdenticalTextsAreOneEqualHunk) {
  const TextDiff diff = DiffLines("one\ntwo\n", "one\ntwo\n");
  EXPECT_TRUE(diff.exact);
  ASSERT_EQ(diff.hunks.size(), 1U);
  EXPECT_EQ(diff.hunks[0].op, DiffOp::kEqual);
  EXPECT_THAT(diff.hunks[0].lines, ElementsAre("one", "two"));
}

TEST(TextDiff, TwoEmptyTextsHaveNoHunks) {
  EXPECT_TRUE(DiffLines("", "").hunks.empty());
}

TEST(TextDiff, FromNothingEveryLineIsInserted) {
  const TextDiff diff = DiffLines("", "a\nb");
  ASSERT_EQ(diff.hunks.size(), 1U);
  EXPECT_EQ(diff.hunks[0].op, DiffOp::kInsert);
  EXPECT_THAT(diff.hunks[0].lines, ElementsAre("a", "b"));
}

TEST(TextDiff, ToNothingEveryLineIsDeleted) {
  const TextDiff diff = DiffLines("a\nb\n", "");
  ASSERT_EQ(diff.hunks.size(), 1U);
  EXPECT_EQ(diff.hunks[0].op, DiffOp::kDelete);
  EXPECT_THAT(diff.hunks[0].lines, ElementsAre("a", "b"));
}

TEST(TextDiff, ALineInsertedInTheMiddle) {
  const TextDiff diff = DiffLines("a\nb\nc\n", "a\nb\nnew\nc\n");
  ASSERT_EQ(diff.hunks.size(), 3U);
  EXPECT_EQ(diff.hunks[0].op, DiffOp::kEqual);
  EXPECT_THAT(diff.hunks[0].lines, ElementsAre("a", "b"));
  EXPECT_EQ(diff.hunks[1].op, DiffOp::kInsert);
  EXPECT_THAT(diff.hunks[1].lines, ElementsAre("new"));
  EXPECT_EQ(diff.hunks[2].op, DiffOp::kEqual);
  EXPECT_THAT(diff.hunks[2].lines, ElementsAre("c"));
}

TEST(TextDiff, AChangedLineIsDeletedThenInserted) {
  const TextDiff diff = DiffLines("title\nold sentence\nend", "title\nnew sentence\nend");
  ASSERT_EQ(diff.hunks.size(), 4U);
  EXPECT_EQ(diff.hunks[1].op, DiffOp::kDelete);
  EXPECT_THAT(diff.hunks[1].lines, ElementsAre("old sentence"));
  EXPECT_EQ(diff.hunks[2].op, DiffOp::kInsert);
  EXPECT_THAT(diff.hunks[2].lines, ElementsAre("new sentence"));
}

TEST(TextDiff, AFinalLineEndDoesNotAddAnEmptyLineButAnEmptyLineCounts) {
  EXPECT_EQ(DiffLines("a\n", "a").hunks.size(), 1U);
  const TextDiff diff = DiffLines("a\n", "a\n\n");
  ASSERT_EQ(diff.hunks.size(), 2U);
  EXPECT_EQ(diff.hunks[1].op, DiffOp::kInsert);
  EXPECT_THAT(diff.hunks[1].lines, ElementsAre(""));
}

TEST(TextDiff, RepeatedLinesAreMatchedWithTheFewestEdits) {
  // a b c a b b a -> c b a b a c: the classic example from Myers' paper, 5 edits.
  const auto a = Lines({"A", "B", "C", "A", "B", "B", "A"});
  const auto b = Lines({"C", "B", "A", "B", "A", "C"});
  const TextDiff diff = DiffLines(Join(a), Join(b));
  EXPECT_TRUE(diff.exact);
  EXPECT_EQ(Edits(diff), 5U);
  EXPECT_EQ(Side(diff, DiffOp::kInsert), Join(a));
  EXPECT_EQ(Side(diff, DiffOp::kDelete), Join(b));
}

TEST(TextDiff, RandomEditsRebuildBothSidesWithTheFewestEdits) {
  std::mt19937 rng(20260102);
  for (int round = 0; round < 300; ++round) {
    std::uniform_int_distribution<int> length(0, 12);
    std::uniform_int_distribution<int> letter(0, 3);  // few distinct lines: many repeats, hard matching
    std::vector<std::string> a(static_cast<std::size_t>(length(rng)));
    std::vector<std::string> b(static_cast<std::size_t>(length(rng)));
    for (auto& line : a) line = std::string(1, static_cast<char>('a' + letter(rng)));
    for (auto& line : b) line = std::string(1, static_cast<char>('a' + letter(rng)));
    const TextDiff diff = DiffLines(Join(a), Join(b));
    ASSERT_TRUE(diff.exact);
    ASSERT_EQ(Side(diff, DiffOp::kInsert), Join(a)) << "round " << round;
    ASSERT_EQ(Side(diff, DiffOp::kDelete), Join(b)) << "round " << round;
    ASSERT_EQ(Edits(diff), a.size() + b.size() - 2 * Lcs(a, b)) << "round " << round;
    for (std::size_t i = 1; i < diff.hunks.size(); ++i) {
      ASSERT_NE(diff.hunks[i].op, diff.hunks[i - 1].op) << "neighbouring hunks share an op";
      ASSERT_FALSE(diff.hunks[i - 1].op == DiffOp::kInsert && diff.hunks[i].op == DiffOp::kDelete)
          << "an insertion before the deletion it replaces";
    }
  }
}

std::string Numbered(const char* prefix, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += prefix + std::to_string(i) + "\n";
  return out;
}

TEST(TextDiff, TooManyChangedLinesFallBackToReplacedButKeepTheSharedEnds) {
  const std::string before = "head\n" + Numbered("old ", kMaxDiffLines + 1) + "tail\n";
  const std::string after = "head\n" + Numbered("new ", 3) + "tail\n";
  const TextDiff diff = DiffLines(before, after);
  EXPECT_FALSE(diff.exact);
  ASSERT_EQ(diff.hunks.size(), 4U);
  EXPECT_THAT(diff.hunks[0].lines, ElementsAre("head"));
  EXPECT_EQ(diff.hunks[1].op, DiffOp::kDelete);
  EXPECT_EQ(diff.hunks[1].lines.size(), kMaxDiffLines + 1);
  EXPECT_EQ(diff.hunks[2].op, DiffOp::kInsert);
  EXPECT_EQ(diff.hunks[2].lines.size(), 3U);
  EXPECT_THAT(diff.hunks[3].lines, ElementsAre("tail"));
  EXPECT_EQ(Side(diff, DiffOp::kInsert), before);
  EXPECT_EQ(Side(diff, DiffOp::kDelete), after);
}

TEST(TextDiff, TooDifferentTextsFallBackToReplaced) {
  // Within the line bound, but every line differs: more edits than the search may take.
  const std::string before = Numbered("old ", kMaxDiffEdits);
  const std::string after = Numbered("new ", kMaxDiffEdits);
  const TextDiff diff = DiffLines(before, after);
  EXPECT_FALSE(diff.exact);
  ASSERT_EQ(diff.hunks.size(), 2U);
  EXPECT_EQ(Side(diff, DiffOp::kInsert), before);
  EXPECT_EQ(Side(diff, DiffOp::kDelete), after);
}

TEST(TextDiff, ALongTextWithAFewChangesIsExact) {
  std::string before = Numbered("line ", 20000);
  std::string after = before;
  after.insert(after.find("line 500\n"), "inserted\n");
  after.erase(after.find("line 3000\n"), std::string("line 3000\n").size());
  const TextDiff diff = DiffLines(before, after);
  EXPECT_TRUE(diff.exact);
  EXPECT_EQ(Edits(diff), 2U);
  EXPECT_EQ(Side(diff, DiffOp::kInsert), before);
  EXPECT_EQ(Side(diff, DiffOp::kDelete), after);
}

}  // namespace
}  // namespace gazette::domain
