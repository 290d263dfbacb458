// VisitorCounter with an injected clock and an in-memory store: days, rows, restarts, bots, flushing.
#include "gazette/stats/visitor_counter.hpp"

#include <gtest/gtest.h>

#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace gazette::stats {
namespace {

using namespace std::chrono_literals;

/// The StatsStore contract, in memory: enough to observe what the counter writes and reads.
class MemoryStatsStore final : public storage::StatsStore {
 public:
  Result<storage::VisitorTotals> Totals(LocalDate today) override {
    std::lock_guard lock(mutex_);
    storage::VisitorTotals totals;
    for (const auto& [day, figures] : days_) {
      totals.all += figures.visitors;
      if (day == today) totals.today = figures.visitors;
      if (day == today.PreviousDay()) totals.yesterday = figures.visitors;
    }
    return totals;
  }
  Result<std::int64_t> SumVisitors(LocalDate from, LocalDate to) override {
    std::lock_guard lock(mutex_);
    std::int64_t sum = 0;
    for (const auto& [day, figures] : days_) {
      if (from <= day && day <= to) sum += figures.visitors;
    }
    return sum;
  }
  Result<std::vector<storage::DayFigures>> History(LocalDate from, LocalDate to) override {
    std::lock_guard lock(mutex_);
    std::vector<storage::DayFigures> history;
    for (const auto& [day, figures] : days_) {
      if (from <= day && day <= to) history.push_back(figures);
    }
    return history;
  }
  Status Write(const storage::StatsBatch& batch) override {
    std::lock_guard lock(mutex_);
    ++writes_;
    days_[batch.day] = storage::DayFigures{batch.day, batch.visitors, batch.page_views};
    identities_[batch.day].insert(batch.new_visitor_hashes.begin(), batch.new_visitor_hashes.end());
    bots_[batch.day].insert(batch.new_bot_hashes.begin(), batch.new_bot_hashes.end());
    for (const auto& [id, hits] : batch.article_hits) hits_[id] += hits;
    return OkStatus();
  }
  Result<storage::VisitorDayState> BeginDay(LocalDate day, const storage::VisitorSalt& fresh_salt) override {
    std::lock_guard lock(mutex_);
    std::erase_if(salts_, [day](const auto& entry) { return entry.first != day; });
    std::erase_if(identities_, [day](const auto& entry) { return entry.first != day; });
    std::erase_if(bots_, [day](const auto& entry) { return entry.first != day; });
    auto [salt, inserted] = salts_.emplace(day, fresh_salt);
    storage::VisitorDayState state;
    state.salt = salt->second;
    state.visitor_hashes.assign(identities_[day].begin(), identities_[day].end());
    state.bot_hashes.assign(bots_[day].begin(), bots_[day].end());
    state.page_views = days_.count(day) ? days_[day].page_views : 0;
    return state;
  }
  Result<std::vector<storage::ArticleHits>> TopArticles(LocalDate, LocalDate, Timestamp, std::int64_t) override {
    return std::vector<storage::ArticleHits>{};
  }

  void Seed(LocalDate day, std::int64_t visitors) {
    std::lock_guard lock(mutex_);
    days_[day] = storage::DayFigures{day, visitors, visitors};
  }
  std::int64_t StoredVisitors(LocalDate day) {
    std::lock_guard lock(mutex_);
    return days_.count(day) ? days_[day].visitors : -1;
  }
  std::int64_t StoredPageViews(LocalDate day) {
    std::lock_guard lock(mutex_);
    return days_.count(day) ? days_[day].page_views : -1;
  }
  std::int64_t Hits(std::int64_t article_id) {
    std::lock_guard lock(mutex_);
    return hits_[article_id];
  }
  std::size_t SaltCount() {
    std::lock_guard lock(mutex_);
    return salts_.size();
  }

 private:
  std::mutex mutex_;
  std::map<LocalDate, storage::DayFigures> days_;
  std::map<LocalDate, storage::VisitorSalt> salts_;
  std::map<LocalDate, std::set<std::uint64_t>> identities_;
  std::map<LocalDate, std::set<std::uint64_t>> bots_;
  std::map<std::int64_t, std::int64_t> hits_;
  int writes_ = 0;
};

constexpr const char* kBrowser = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

class VisitorCounterTest : public ::testing::Test {
 protected:
  /// 2026-03-27 12:00 UTC: a Friday, two days before London's clocks go forward.
  VisitorCounterTest() : clock_(TimestampFromUnix(1'774'612'800)), zone_(TimeZone::Load("Europe/London").value()) {}

  std::unique_ptr<VisitorCounter> Start(VisitorCounterOptions options = {}) {
    options.flush_interval = 1h;  // tests flush explicitly
    auto counter = VisitorCounter::Start(store_, clock_, zone_, options);
    EXPECT_TRUE(counter.ok());
    return std::move(counter).value();
  }

  LocalDate Today() const { return zone_.DateOf(clock_.Now()); }
  void AdvanceToNextMidnight() { clock_.Set(zone_.StartOfDay(Today().NextDay())); }

  MemoryStatsStore store_;
  ManualClock clock_;
  TimeZone zone_;
};

TEST_F(VisitorCounterTest, CountsEachVisitorOncePerDay) {
  auto counter = Start();
  counter->RecordPageView("192.0.2.1", kBrowser, 0);
  counter->RecordPageView("192.0.2.1", kBrowser, 0);
  counter->RecordPageView("192.0.2.2", kBrowser, 0);
  counter->RecordPageView("192.0.2.1", "Other browser/1.0", 0);  // another device behind the same address
  EXPECT_EQ(counter->Current().today, 3);
  ASSERT_TRUE(counter->Flush().ok());
  EXPECT_EQ(store_.StoredVisitors(Today()), 3);
  EXPECT_EQ(store_.StoredPageViews(Today()), 4);
}

TEST_F(VisitorCounterTest, IgnoresBotsAndEmptyUserAgents) {
  auto counter = Start();
  counter->RecordPageView("192.0.2.1", "", 0);
  counter->RecordPageView("192.0.2.1", "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", 0);
  counter->RecordRobotsTxt("192.0.2.9", kBrowser);
  counter->RecordPageView("192.0.2.9", kBrowser, 0);
  EXPECT_EQ(counter->Current().today, 0);
}

TEST_F(VisitorCounterTest, AChangedInitialTotalAppliesToTheNextFigures) {
  auto counter = Start({.counting = true, .initial_total = 1000, .flush_interval = 1h});
  counter->RecordPageView("192.0.2.1", kBrowser, 0);
  EXPECT_EQ(counter->Current().all, 1001);
  counter->SetInitialTotal(53'860'000);
  EXPECT_EQ(counter->Current().all, 53'860'001);
  EXPECT_EQ(counter->Current().today, 1);
}

TEST_F(VisitorCounterTest, MidnightStartsANewDayAndYesterdayKeepsItsFigure) {
  store_.Seed(Today().PreviousDay(), 40);
  auto counter = Start({.counting = true, .initial_total = 1000, .flush_interval = 1h});
  counter->RecordPageView("192.0.2.1", kBrowser, 0);
  counter->RecordPageView("192.0.2.2", kBrowser, 0);
  EXPECT_EQ(counter->Current().yesterday, 40);
  EXPECT_EQ(counter->Current().all, 1042);

  AdvanceToNextMidnight();
  const auto figures = counter->Current();
  EXPECT_EQ(figures.today, 0);
  EXPECT_EQ(figures.yesterday, 2);
  EXPECT_EQ(figures.all, 1042);
  // The same visitor is a new visit on a new day.
  counter->RecordPageView("192.0.2.1", kBrowser, 0);
  EXPECT_EQ(counter->Current().today, 1);
  EXPECT_EQ(counter->Current().all, 1043);
  ASSERT_TRUE(counter->Flush().ok());
  EXPECT_EQ(store_.StoredVisitors(Today().PreviousDay()), 2);
  EXPECT_EQ(store_.StoredVisitors(Today()), 1);
  EXPECT_EQ(store_.SaltCount(), 1u) << "yesterday's salt must be gone";
  EXPECT_EQ(counter->Current().yesterday, 2);
}

TEST_F(VisitorCounterTest, RollsOverAcrossTheShortDstDay) {
  auto counter = Start();
  AdvanceToNextMidnight();  // Saturday 28 March
  AdvanceToNextMidnight();  // Sunday 29 March: 23 hours long in London
  EXPECT_EQ(Today(), (LocalDate{2026, 3, 29}));
  counter->RecordPageView("192.0.2.1", kBrowser, 0);
  clock_.Advance(22h + 59min);  // 23:59 local on the short day
  EXPECT_EQ(counter->Current().today, 1);
  clock_.Advance(1min);
  EXPECT_EQ(Today(), (LocalDate{2026, 3, 30}));
  EXPECT_EQ(counter->Current().today, 0);
  EXPECT_EQ(counter->Current().yesterday, 1);
}

TEST_F(VisitorCounterTest, WeekAndMonthRowsAddStoredDaysToToday) {
  // Friday 27 March: the ISO week started on Monday the 23rd.
  store_.Seed({2026, 3, 22}, 1000);  // Sunday: last week
  store_.Seed({2026, 3, 23}, 10);
  store_.Seed({2026, 3, 26}, 20);
  store_.Seed({2026, 2, 28}, 5000);  // last month
  auto counter = Start();
  counter->RecordPageView("192.0.2.1", kBrowser, 0);
  const auto figures = counter->Current();
  EXPECT_EQ(figures.this_week, 31);
  EXPECT_EQ(figures.this_month, 1031);
  EXPECT_EQ(figures.all, 6031);
}

TEST_F(VisitorCounterTest, ARestartContinuesTheDayWithoutCountingReturningVisitors) {
  {
    auto counter = Start();
    counter->RecordPageView("192.0.2.1", kBrowser, 7);
    counter->RecordPageView("192.0.2.2", kBrowser, 7);
    counter->Stop();  // the final flush
  }
  EXPECT_EQ(store_.Hits(7), 2);
  auto counter = Start();
  EXPECT_EQ(counter->Current().today, 2);
  counter->RecordPageView("192.0.2.1", kBrowser, 0);
  EXPECT_EQ(counter->Current().today, 2);
  counter->RecordPageView("192.0.2.3", kBrowser, 0);
  EXPECT_EQ(counter->Current().today, 3);
  ASSERT_TRUE(counter->Flush().ok());
  EXPECT_EQ(store_.StoredPageViews(Today()), 4);
}

TEST_F(VisitorCounterTest, CountsNothingWhenCountingIsOff) {
  store_.Seed(Today(), 12);
  auto counter = Start({.counting = false, .initial_total = 0, .flush_interval = 1h});
  counter->RecordPageView("192.0.2.1", kBrowser, 3);
  EXPECT_EQ(counter->Current().today, 12);
  ASSERT_TRUE(counter->Flush().ok());
  EXPECT_EQ(store_.StoredVisitors(Today()), 12);
  EXPECT_EQ(store_.Hits(3), 0);
}

TEST_F(VisitorCounterTest, TheFlusherWritesByItself) {
  VisitorCounterOptions options;
  options.flush_interval = 20ms;
  auto counter = VisitorCounter::Start(store_, clock_, zone_, options).value();
  counter->RecordPageView("192.0.2.1", kBrowser, 0);
  for (int i = 0; i < 500 && store_.StoredVisitors(Today()) != 1; ++i) std::this_thread::sleep_for(10ms);
  EXPECT_EQ(store_.StoredVisitors(Today()), 1);
}

}  // namespace
}  // namespace gazette::stats
