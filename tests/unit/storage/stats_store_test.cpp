// StatsStore behaviour, run against every backend (storage_fixture.hpp).
#include <gmock/gmock.h>

#include <algorithm>
#include <limits>

#include "storage_fixture.hpp"

namespace gazette::storage {
// In DayFigures' namespace, so that gmock's matchers find them.
bool operator==(const DayFigures& a, const DayFigures& b) {
  return a.day == b.day && a.visitors == b.visitors && a.page_views == b.page_views;
}
void PrintTo(const DayFigures& f, std::ostream* os) {
  *os << f.day.ToIso() << ": " << f.visitors << " visitors, " << f.page_views << " page views";
}
}  // namespace gazette::storage

namespace gazette::storage::test {
namespace {

using domain::ArticleState;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

constexpr LocalDate kToday{2026, 1, 2};
constexpr LocalDate kYesterday{2026, 1, 1};
constexpr std::uint64_t kHighBit = std::uint64_t{1} << 63;
constexpr std::uint64_t kAllBits = std::numeric_limits<std::uint64_t>::max();

VisitorSalt Salt(std::uint8_t fill) {
  VisitorSalt salt;
  for (std::size_t i = 0; i < salt.size(); ++i) salt[i] = static_cast<std::uint8_t>(fill + i);
  return salt;
}

StatsBatch Figures(LocalDate day, std::int64_t visitors, std::int64_t page_views) {
  StatsBatch batch;
  batch.day = day;
  batch.visitors = visitors;
  batch.page_views = page_views;
  return batch;
}

class StatsStoreTest : public StorageTest {
 protected:
  void Write(const StatsBatch& batch) {
    Status written = stats().Write(batch);
    ASSERT_TRUE(written.ok()) << written.error().message;
  }
  VisitorDayState Begin(LocalDate day, const VisitorSalt& fresh) {
    auto state = stats().BeginDay(day, fresh);
    EXPECT_TRUE(state.ok()) << state.error().message;
    return state.ok() ? std::move(state).value() : VisitorDayState{};
  }
  std::vector<DayFigures> History(LocalDate from, LocalDate to) {
    auto days = stats().History(from, to);
    EXPECT_TRUE(days.ok()) << days.error().message;
    return days.ok() ? std::move(days).value() : std::vector<DayFigures>{};
  }
  /// (article id, hits) of the ranking, in its order.
  std::vector<std::pair<std::int64_t, std::int64_t>> Top(LocalDate from, LocalDate to, std::int64_t limit) {
    auto rows = stats().TopArticles(from, to, kNow, limit);
    EXPECT_TRUE(rows.ok()) << rows.error().message;
    std::vector<std::pair<std::int64_t, std::int64_t>> out;
    if (rows.ok()) {
      for (const ArticleHits& row : *rows) out.emplace_back(row.article.id, row.hits);
    }
    return out;
  }
  std::int64_t StoredHits(std::int64_t article_id) {
    auto article = articles().FindById(article_id);
    EXPECT_TRUE(article.ok());
    return article.ok() ? article->hits : -1;
  }
  StatsBatch Hits(LocalDate day, std::vector<std::pair<std::int64_t, std::int64_t>> hits) {
    StatsBatch batch = Figures(day, 1, 1);
    batch.article_hits = std::move(hits);
    return batch;
  }
};

TEST_P(StatsStoreTest, AnEmptySiteHasZeroTotalsAndNoHistory) {
  auto totals = stats().Totals(kToday);
  ASSERT_TRUE(totals.ok()) << totals.error().message;
  EXPECT_EQ(totals->today, 0);
  EXPECT_EQ(totals->yesterday, 0);
  EXPECT_EQ(totals->all, 0);
  EXPECT_THAT(History({1, 1, 1}, {9999, 12, 31}), IsEmpty());
  EXPECT_THAT(Top({2025, 12, 1}, kToday, 10), IsEmpty());
}

TEST_P(StatsStoreTest, WrittenDaysShowInTotalsHistoryAndSums) {
  Write(Figures({2025, 12, 30}, 5, 50));
  Write(Figures(kYesterday, 7, 70));
  Write(Figures(kToday, 11, 110));

  auto totals = stats().Totals(kToday);
  ASSERT_TRUE(totals.ok()) << totals.error().message;
  EXPECT_EQ(totals->today, 11);
  EXPECT_EQ(totals->yesterday, 7);
  EXPECT_EQ(totals->all, 23);

  EXPECT_THAT(History({2025, 12, 1}, {2026, 1, 31}),
              ElementsAre(DayFigures{{2025, 12, 30}, 5, 50}, DayFigures{kYesterday, 7, 70},
                          DayFigures{kToday, 11, 110}));

  auto sum = stats().SumVisitors({2025, 12, 31}, kToday);
  ASSERT_TRUE(sum.ok());
  EXPECT_EQ(*sum, 18);
}

TEST_P(StatsStoreTest, TotalsOfADayWithoutFiguresAreZeroForThatDay) {
  Write(Figures({2025, 6, 1}, 9, 9));
  auto totals = stats().Totals(kToday);
  ASSERT_TRUE(totals.ok());
  EXPECT_EQ(totals->today, 0);
  EXPECT_EQ(totals->yesterday, 0);
  EXPECT_EQ(totals->all, 9);
}

TEST_P(StatsStoreTest, WriteReplacesTheDaysFiguresInsteadOfAddingToThem) {
  Write(Figures(kToday, 10, 20));
  Write(Figures(kToday, 15, 31));
  EXPECT_THAT(History(kToday, kToday), ElementsAre(DayFigures{kToday, 15, 31}));
  // Absolute means a lower figure replaces a higher one too (a corrected count).
  Write(Figures(kToday, 3, 4));
  EXPECT_THAT(History(kToday, kToday), ElementsAre(DayFigures{kToday, 3, 4}));
}

TEST_P(StatsStoreTest, HistoryIsInclusiveOldestFirstAndSkipsDaysWithoutFigures) {
  for (const LocalDate day :
       {LocalDate{2025, 12, 31}, LocalDate{2025, 12, 28}, LocalDate{2026, 1, 2}, LocalDate{2025, 12, 30}}) {
    Write(Figures(day, day.day, day.day * 10));
  }
  EXPECT_THAT(History({2025, 12, 28}, {2025, 12, 31}),
              ElementsAre(DayFigures{{2025, 12, 28}, 28, 280}, DayFigures{{2025, 12, 30}, 30, 300},
                          DayFigures{{2025, 12, 31}, 31, 310}));
  EXPECT_THAT(History({2025, 12, 29}, {2025, 12, 29}), IsEmpty());
  EXPECT_THAT(History({2026, 1, 2}, {2026, 1, 2}), ElementsAre(DayFigures{{2026, 1, 2}, 2, 20}));
  EXPECT_THAT(History({2026, 1, 2}, {2025, 12, 28}), IsEmpty());  // from after to
  EXPECT_EQ(History({1, 1, 1}, {9999, 12, 31}).size(), 4U);
}

TEST_P(StatsStoreTest, SumVisitorsCoversExactlyTheRange) {
  Write(Figures({2025, 12, 31}, 1, 0));
  Write(Figures(kYesterday, 10, 0));
  Write(Figures(kToday, 100, 0));
  Write(Figures({2026, 1, 3}, 1000, 0));
  auto sum = stats().SumVisitors(kYesterday, kToday);
  ASSERT_TRUE(sum.ok());
  EXPECT_EQ(*sum, 110);
  auto none = stats().SumVisitors({2026, 2, 1}, {2026, 2, 28});
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(*none, 0);
}

TEST_P(StatsStoreTest, BeginDayStoresTheFreshSaltOnceAndReturnsItForTheSameDay) {
  const VisitorDayState first = Begin(kToday, Salt(1));
  EXPECT_EQ(first.salt, Salt(1));
  EXPECT_THAT(first.visitor_hashes, IsEmpty());
  EXPECT_THAT(first.bot_hashes, IsEmpty());
  EXPECT_EQ(first.page_views, 0);

  const VisitorDayState again = Begin(kToday, Salt(100));
  EXPECT_EQ(again.salt, Salt(1));
}

TEST_P(StatsStoreTest, IdentitiesAreStoredOnceWithEveryBitAndComeBackFromBeginDay) {
  Begin(kToday, Salt(1));
  StatsBatch first = Figures(kToday, 4, 9);
  first.new_visitor_hashes = {1, kHighBit, kAllBits, 42, 42};
  first.new_bot_hashes = {7};
  Write(first);
  StatsBatch second = Figures(kToday, 5, 12);
  second.new_visitor_hashes = {42, 7, kHighBit - 1};  // 42 again; 7 is a crawler counted as a visitor first
  second.new_bot_hashes = {7, 8};
  Write(second);

  const VisitorDayState state = Begin(kToday, Salt(2));
  EXPECT_EQ(state.salt, Salt(1));
  EXPECT_THAT(state.visitor_hashes, UnorderedElementsAre(1, kHighBit, kAllBits, 42, 7, kHighBit - 1));
  EXPECT_THAT(state.bot_hashes, UnorderedElementsAre(7, 8));
  EXPECT_EQ(state.page_views, 12);
}

TEST_P(StatsStoreTest, ALargeBatchOfIdentitiesIsStoredOnceEach) {
  Begin(kToday, Salt(1));
  // A large batch with repeats within it and from the previous one.
  std::vector<std::uint64_t> expected;
  StatsBatch first = Figures(kToday, 0, 0);
  for (std::uint64_t i = 0; i < 300; ++i) first.new_visitor_hashes.push_back(i * 0x9E3779B97F4A7C15ULL);
  Write(first);
  StatsBatch second = Figures(kToday, 0, 0);
  for (std::uint64_t i = 0; i < 1000; ++i) {
    const std::uint64_t hash = (i % 700) * 0x9E3779B97F4A7C15ULL;
    second.new_visitor_hashes.push_back(hash);
    if (i < 700) expected.push_back(hash);
  }
  Write(second);
  std::vector<std::uint64_t> stored = Begin(kToday, Salt(2)).visitor_hashes;
  std::sort(stored.begin(), stored.end());
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(stored, expected);
}

TEST_P(StatsStoreTest, BeginDayDeletesTheSaltsAndIdentitiesOfEveryOtherDayButKeepsTheirFigures) {
  Begin(kYesterday, Salt(1));
  StatsBatch yesterday = Figures(kYesterday, 2, 3);
  yesterday.new_visitor_hashes = {1, 2};
  yesterday.new_bot_hashes = {3};
  Write(yesterday);

  const VisitorDayState today = Begin(kToday, Salt(2));
  EXPECT_EQ(today.salt, Salt(2));
  EXPECT_THAT(today.visitor_hashes, IsEmpty());
  EXPECT_THAT(today.bot_hashes, IsEmpty());
  StatsBatch today_batch = Figures(kToday, 1, 1);
  today_batch.new_visitor_hashes = {10};
  Write(today_batch);

  // Going back (a clock set backwards) finds nothing of yesterday left, and deletes the later day's state.
  const VisitorDayState back = Begin(kYesterday, Salt(3));
  EXPECT_EQ(back.salt, Salt(3));
  EXPECT_THAT(back.visitor_hashes, IsEmpty());
  EXPECT_THAT(back.bot_hashes, IsEmpty());
  EXPECT_EQ(back.page_views, 3);  // the figures are history, kept for ever
  const VisitorDayState forward = Begin(kToday, Salt(4));
  EXPECT_EQ(forward.salt, Salt(4));
  EXPECT_THAT(forward.visitor_hashes, IsEmpty());

  EXPECT_THAT(History(kYesterday, kToday),
              ElementsAre(DayFigures{kYesterday, 2, 3}, DayFigures{kToday, 1, 1}));
}

TEST_P(StatsStoreTest, ALateBatchForAnEndedDayStoresItsFiguresButNotItsIdentities) {
  Begin(kToday, Salt(1));
  StatsBatch late = Figures(kYesterday, 8, 9);
  late.new_visitor_hashes = {1, 2};
  late.new_bot_hashes = {3};
  Write(late);

  EXPECT_THAT(History(kYesterday, kYesterday), ElementsAre(DayFigures{kYesterday, 8, 9}));
  const VisitorDayState yesterday = Begin(kYesterday, Salt(2));
  EXPECT_THAT(yesterday.visitor_hashes, IsEmpty());
  EXPECT_THAT(yesterday.bot_hashes, IsEmpty());
}

TEST_P(StatsStoreTest, ArticleHitsAddToTheArticleTotalAndToTheDay) {
  domain::Article a = NewArticle("read", kNow - kDay * 10);
  a.hits = 1000;  // carried over from an imported site
  const std::int64_t id = Add(a);
  Write(Hits(kYesterday, {{id, 3}}));
  Write(Hits(kToday, {{id, 4}, {id, 5}, {id, 0}}));
  EXPECT_EQ(StoredHits(id), 1012);
  EXPECT_THAT(Top(kYesterday, kYesterday, 10), ElementsAre(std::pair<std::int64_t, std::int64_t>{id, 3}));
  EXPECT_THAT(Top(kToday, kToday, 10), ElementsAre(std::pair<std::int64_t, std::int64_t>{id, 9}));
  EXPECT_THAT(Top(kYesterday, kToday, 10), ElementsAre(std::pair<std::int64_t, std::int64_t>{id, 12}));
}

TEST_P(StatsStoreTest, AnUnknownArticleIdIsSkippedWithoutFailingTheBatch) {
  const std::int64_t id = Add(NewArticle("known", kNow - kDay));
  Begin(kToday, Salt(1));
  StatsBatch batch = Hits(kToday, {{id + 1000, 5}, {id, 2}, {-1, 1}});
  batch.visitors = 6;
  batch.new_visitor_hashes = {99};
  Write(batch);
  EXPECT_EQ(StoredHits(id), 2);
  EXPECT_THAT(Top(kToday, kToday, 10), ElementsAre(std::pair<std::int64_t, std::int64_t>{id, 2}));
  EXPECT_THAT(History(kToday, kToday), ElementsAre(DayFigures{kToday, 6, 1}));
  EXPECT_THAT(Begin(kToday, Salt(2)).visitor_hashes, ElementsAre(99));
}

TEST_P(StatsStoreTest, TopArticlesRanksVisibleArticlesByHitsInTheRangeNewestFirstOnTies) {
  const std::int64_t older = Add(NewArticle("older", kNow - kDay * 5));
  const std::int64_t newer = Add(NewArticle("newer", kNow - kDay * 2));
  const std::int64_t most = Add(NewArticle("most", kNow - kDay * 30));
  const std::int64_t quiet = Add(NewArticle("quiet", kNow - kDay));
  const std::int64_t outside = Add(NewArticle("outside", kNow - kDay));
  Add(NewArticle("unread", kNow - kDay));
  domain::Article draft = NewArticle("draft", kNow - kDay, ArticleState::kDraft);
  const std::int64_t hidden_draft = Add(draft);
  const std::int64_t hidden_future = Add(NewArticle("future", kNow + kDay));
  domain::Article withdrawn = NewArticle("withdrawn", kNow - kDay * 3);
  withdrawn.unpublish_at = kNow - std::chrono::seconds(1);
  const std::int64_t hidden_withdrawn = Add(withdrawn);

  Write(Hits({2025, 12, 26}, {{outside, 500}}));  // before the range
  Write(Hits({2025, 12, 27}, {{older, 4}, {most, 10}, {hidden_draft, 900}}));
  Write(Hits(kYesterday, {{newer, 4}, {quiet, 1}, {hidden_future, 900}}));
  Write(Hits(kToday, {{most, 1}, {hidden_withdrawn, 900}}));
  Write(Hits({2026, 1, 3}, {{quiet, 500}}));  // after the range

  using Row = std::pair<std::int64_t, std::int64_t>;
  EXPECT_THAT(Top({2025, 12, 27}, kToday, 10),
              ElementsAre(Row{most, 11}, Row{newer, 4}, Row{older, 4}, Row{quiet, 1}));
  EXPECT_THAT(Top({2025, 12, 27}, kToday, 2), ElementsAre(Row{most, 11}, Row{newer, 4}));
  EXPECT_THAT(Top({2025, 12, 27}, kToday, 0), IsEmpty());
  EXPECT_THAT(Top(kYesterday, kYesterday, 10), ElementsAre(Row{newer, 4}, Row{quiet, 1}));
  EXPECT_THAT(Top({2025, 12, 26}, {2025, 12, 26}, 10), ElementsAre(Row{outside, 500}));
  EXPECT_THAT(Top({2025, 12, 1}, {2025, 12, 25}, 10), IsEmpty());
  EXPECT_THAT(Top(kToday, kYesterday, 10), IsEmpty());  // from after to
}

TEST_P(StatsStoreTest, TopArticlesCarriesTheSummaryWithAuthorAndCategory) {
  const std::int64_t id = Add(NewArticle("summary", kNow - kDay));
  Write(Hits(kToday, {{id, 3}}));
  auto rows = stats().TopArticles(kToday, kToday, kNow, 5);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 1U);
  const domain::ArticleSummary& s = rows->front().article;
  EXPECT_EQ(s.slug, "summary");
  EXPECT_EQ(s.title, "Title of summary");
  EXPECT_EQ(s.publish_at, kNow - kDay);
  EXPECT_EQ(s.hits, 3);
  EXPECT_EQ(s.category.slug, "news");
  EXPECT_EQ(s.author.slug, "ada");
  EXPECT_EQ(rows->front().hits, 3);
}

TEST_P(StatsStoreTest, TopArticlesRejectsANegativeOrHugeLimit) {
  for (const std::int64_t limit : {std::int64_t{-1}, std::int64_t{1'000'000}}) {
    auto rows = stats().TopArticles(kYesterday, kToday, kNow, limit);
    ASSERT_FALSE(rows.ok()) << limit;
    EXPECT_EQ(rows.error().code, ErrorCode::kInvalid);
  }
}

TEST_P(StatsStoreTest, DatesOffTheCalendarAreInvalidEverywhere) {
  const LocalDate bad_dates[] = {{2026, 2, 30}, {2026, 13, 1}, {2026, 0, 1},
                                 {2026, 1, 0},  {-5, 1, 1},    {10000, 1, 1}};
  for (const LocalDate bad : bad_dates) {
    SCOPED_TRACE(bad.ToIso());
    auto totals = stats().Totals(bad);
    ASSERT_FALSE(totals.ok());
    EXPECT_EQ(totals.error().code, ErrorCode::kInvalid);
    EXPECT_FALSE(stats().SumVisitors(bad, kToday).ok());
    EXPECT_FALSE(stats().History(kToday, bad).ok());
    EXPECT_FALSE(stats().TopArticles(bad, kToday, kNow, 10).ok());
    Status written = stats().Write(Figures(bad, 1, 1));
    ASSERT_FALSE(written.ok());
    EXPECT_EQ(written.error().code, ErrorCode::kInvalid);
    auto begun = stats().BeginDay(bad, Salt(1));
    ASSERT_FALSE(begun.ok());
    EXPECT_EQ(begun.error().code, ErrorCode::kInvalid);
  }
  EXPECT_THAT(History({1, 1, 1}, {9999, 12, 31}), IsEmpty());
}

TEST_P(StatsStoreTest, NegativeFiguresOrHitsAreRefusedAndWriteNothing) {
  const std::int64_t id = Add(NewArticle("a", kNow - kDay));
  std::vector<StatsBatch> bad = {Figures(kToday, -1, 0), Figures(kToday, 0, -1),
                                 Hits(kToday, {{id, 2}, {id, -1}})};
  for (const StatsBatch& batch : bad) {
    Status written = stats().Write(batch);
    ASSERT_FALSE(written.ok());
    EXPECT_EQ(written.error().code, ErrorCode::kInvalid);
  }
  EXPECT_THAT(History(kToday, kToday), IsEmpty());
  EXPECT_EQ(StoredHits(id), 0);
}

TEST_P(StatsStoreTest, WriteJoinsAnOuterTransactionAndRollsBackWithIt) {
  const std::int64_t id = Add(NewArticle("a", kNow - kDay));
  Begin(kToday, Salt(1));
  Status outer = storage().InTransaction([&]() -> Status {
    StatsBatch batch = Hits(kToday, {{id, 5}});
    batch.new_visitor_hashes = {1};
    EXPECT_TRUE(stats().Write(batch).ok());
    return MakeError(ErrorCode::kConflict, "abandon");
  });
  ASSERT_FALSE(outer.ok());
  EXPECT_THAT(History(kToday, kToday), IsEmpty());
  EXPECT_EQ(StoredHits(id), 0);
  EXPECT_THAT(Top(kToday, kToday, 10), IsEmpty());
  EXPECT_THAT(Begin(kToday, Salt(2)).visitor_hashes, IsEmpty());
}

INSTANTIATE_TEST_SUITE_P(Backends, StatsStoreTest, ::testing::ValuesIn(StorageBackends()), BackendName);

}  // namespace
}  // namespace gazette::storage::test
