// Visitor statistics through the running server: exact under concurrency, private, not fooled by bots or
// spoofed headers, persistent across restarts and bounded in loss across kill -9.
#include <gtest/gtest.h>

#include <signal.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "gazette/storage/sqlite/sqlite_storage.hpp"
#include "integration/child_process.hpp"
#include "integration/html_scan.hpp"
#include "integration/running_site.hpp"

namespace gazette::testing {
namespace {

using namespace std::chrono_literals;

constexpr const char* kBrowser =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

/// A figure from the /api/v1/stats JSON ("today", "all"...); -1 when absent.
std::int64_t Figure(const std::string& json, const std::string& key) {
  const std::string value = FirstValueAfter(json, "\"" + key + "\":", ',');
  if (value.empty()) return -1;
  return std::stoll(value);
}

std::int64_t Today(std::uint16_t port) { return Figure(Get(port, "/api/v1/stats").body, "today"); }

/// Distinct client addresses 10.0.0.0 and up, one per visitor.
std::string VisitorAddress(int visitor) {
  return "10." + std::to_string((visitor >> 16) & 255) + "." + std::to_string((visitor >> 8) & 255) + "." +
         std::to_string(visitor & 255);
}

/// Sends one front-page view per visitor in [first, first + count) over `connections` keep-alive
/// connections at once, as if from a reverse proxy that forwards each visitor's address.
void VisitConcurrently(std::uint16_t port, int first, int count, int connections) {
  std::atomic<int> next{first};
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int c = 0; c < connections; ++c) {
    threads.emplace_back([&] {
      KeepAliveConnection connection(port);
      for (int visitor = next++; visitor < first + count; visitor = next++) {
        const auto answer = connection.Send("GET / HTTP/1.1\r\nHost: x\r\nUser-Agent: " + std::string(kBrowser) +
                                            "\r\nX-Forwarded-For: " + VisitorAddress(visitor) + "\r\n\r\n");
        if (answer.status != 200) ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  ASSERT_EQ(failures.load(), 0);
}

RunningSiteOptions BehindAProxy() {
  RunningSiteOptions options;
  options.articles = 20;
  options.env["GAZETTE_SERVER_TRUSTED_PROXIES"] = "127.0.0.1/32";
  return options;
}

TEST(VisitorStats, TenThousandConcurrentVisitorsCountExactlyOnceEach) {
  RunningSite site(BehindAProxy());
  ASSERT_EQ(Today(site.port()), 0);
  VisitConcurrently(site.port(), 0, 10'000, 32);
  EXPECT_EQ(Today(site.port()), 10'000);
  // The same visitors coming back raise nothing.
  VisitConcurrently(site.port(), 0, 2'000, 16);
  EXPECT_EQ(Today(site.port()), 10'000);
  // And the counter on the page says so.
  EXPECT_NE(site.Get("/").body.find(R"(data-counter="today">10,000<)"), std::string::npos);
}

TEST(VisitorStats, FiguresAndReturningVisitorsSurviveAGracefulRestart) {
  RunningSite site(BehindAProxy());
  VisitConcurrently(site.port(), 0, 300, 4);
  ASSERT_EQ(Today(site.port()), 300);
  site.Restart();
  EXPECT_EQ(Today(site.port()), 300);
  VisitConcurrently(site.port(), 0, 300, 4);  // known from before the restart: not counted again
  EXPECT_EQ(Today(site.port()), 300);
  VisitConcurrently(site.port(), 300, 10, 2);
  EXPECT_EQ(Today(site.port()), 310);
}

TEST(VisitorStats, BotsHeadRequestsAssetsApiAndErrorsAreNotCounted) {
  RunningSite site(BehindAProxy());
  const auto port = site.port();
  Get(port, "/", {{"User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"}});
  Get(port, "/", {{"User-Agent", "curl/8.1.2"}});
  Get(port, "/", {{"User-Agent", ""}});
  Get(port, "/", {});  // no User-Agent at all
  Request(port, "HEAD", "/", {{"User-Agent", kBrowser}});
  Get(port, "/no/such/page", {{"User-Agent", kBrowser}});
  Get(port, "/api/v1/stats", {{"User-Agent", kBrowser}});
  const auto css = FirstValueAfter(site.Get("/").body, R"(<link rel="stylesheet" href=")");
  Get(port, css, {{"User-Agent", kBrowser}});
  // A client that reads robots.txt is a crawler for the rest of the day, whatever it claims to be.
  Get(port, "/robots.txt", {{"User-Agent", kBrowser}, {"X-Forwarded-For", "192.0.2.7"}});
  Get(port, "/", {{"User-Agent", kBrowser}, {"X-Forwarded-For", "192.0.2.7"}});
  EXPECT_EQ(Today(port), 0);
  Get(port, "/", {{"User-Agent", kBrowser}, {"X-Forwarded-For", "192.0.2.8"}});
  EXPECT_EQ(Today(port), 1);
}

TEST(VisitorStats, AForwardedForHeaderFromAnUntrustedPeerIsIgnored) {
  RunningSiteOptions options;
  options.articles = 20;  // no trusted proxies: the peer itself is the client
  RunningSite site(options);
  for (int i = 0; i < 20; ++i) {
    Get(site.port(), "/", {{"User-Agent", kBrowser}, {"X-Forwarded-For", VisitorAddress(i)}});
  }
  EXPECT_EQ(Today(site.port()), 1);
}

TEST(VisitorStats, InitialTotalIsAddedToAll) {
  RunningSiteOptions options = BehindAProxy();
  options.env["GAZETTE_STATS_INITIAL_TOTAL"] = "53860000";
  RunningSite site(options);
  VisitConcurrently(site.port(), 0, 60, 2);
  const auto json = Get(site.port(), "/api/v1/stats").body;
  EXPECT_EQ(Figure(json, "all"), 53'860'060);
  EXPECT_NE(json.find(R"("timezone":"Europe/London")"), std::string::npos);
  EXPECT_NE(site.Get("/").body.find(R"(data-counter="all">53,860,060<)"), std::string::npos);
}

TEST(VisitorStats, ArticleHitsFeedTheMostReadList) {
  RunningSite site(BehindAProxy());
  const auto link = FirstValueAfter(site.Get("/").body, R"(<a class="read-more" href=")");
  ASSERT_FALSE(link.empty());
  for (int visitor = 0; visitor < 3; ++visitor) {
    Get(site.port(), link, {{"User-Agent", kBrowser}, {"X-Forwarded-For", VisitorAddress(visitor)}});
  }
  // Hits reach the store with the next flush (at most a second).
  std::string top;
  for (int attempt = 0; attempt < 50; ++attempt) {
    top = Get(site.port(), "/api/v1/stats/top?days=7").body;
    if (top.find("\"hits\":3") != std::string::npos) break;
    std::this_thread::sleep_for(100ms);
  }
  EXPECT_NE(top.find("\"hits\":3"), std::string::npos) << top;
  EXPECT_NE(top.find(link), std::string::npos) << top;
  EXPECT_EQ(Get(site.port(), "/api/v1/stats/top?days=0").status, 400u);
  EXPECT_EQ(Get(site.port(), "/api/v1/stats/top?days=abc").status, 400u);
  EXPECT_EQ(Get(site.port(), "/api/v1/stats/top?days=100000").status, 400u);
}

TEST(VisitorStats, AKilledServerLosesAtMostTheLastSecond) {
  TempDir tmp;
  const auto site = (tmp.path() / "site").string();
  {
    Process demo({"demo", site, "--articles", "20"}, tmp.path());
    ASSERT_EQ(demo.Wait(), std::optional<int>(0)) << demo.err();
  }
  const std::map<std::string, std::string> env = {{"GAZETTE_SERVER_TRUSTED_PROXIES", "127.0.0.1/32"},
                                                  {"GAZETTE_SERVER_ACCESS_LOG", "false"}};
  const std::uint16_t port = FreePort();
  {
    Process server({"serve", site, "--listen", "127.0.0.1:" + std::to_string(port)}, tmp.path(), env);
    ASSERT_TRUE(WaitUntilAccepting(port)) << server.err();
    VisitConcurrently(port, 0, 500, 4);
    ASSERT_EQ(Today(port), 500);
    // The flusher writes within its one-second interval; wait for it (bounded), then give the server no
    // chance to write anything more.
    const auto today = TimeZone::Utc().DateOf(SystemClock().Now());
    auto storage = storage::OpenSqliteStorage(std::filesystem::path(site) / "gazette.db",
                                              storage::SqliteOpenMode::kExisting);
    ASSERT_TRUE(storage.ok());
    std::int64_t stored = 0;
    for (int attempt = 0; attempt < 100 && stored != 500; ++attempt) {
      std::this_thread::sleep_for(100ms);
      stored = (*storage)->stats().Totals(today)->today;
    }
    ASSERT_EQ(stored, 500) << "the figures were not written within 10 s";
    server.Signal(SIGKILL);
    server.Wait();
  }
  Process again({"serve", site, "--listen", "127.0.0.1:" + std::to_string(port)}, tmp.path(), env);
  ASSERT_TRUE(WaitUntilAccepting(port)) << again.err();
  EXPECT_EQ(Today(port), 500);
  again.Signal(SIGTERM);
  EXPECT_EQ(again.Wait(), std::optional<int>(0));
}

TEST(VisitorStats, StatsCommandPrintsTheFiguresAndTheHistory) {
  RunningSite site(BehindAProxy());
  VisitConcurrently(site.port(), 0, 25, 2);
  site.Restart();  // a graceful stop writes everything
  TempDir out;
  Process table({"stats", site.dir().string()}, out.path());
  ASSERT_EQ(table.Wait(), std::optional<int>(0)) << table.err();
  EXPECT_NE(table.out().find("Today"), std::string::npos);
  EXPECT_NE(table.out().find("Last 30 days"), std::string::npos);
  const TimeZone london = TimeZone::Load("Europe/London").value();
  const std::string today = london.DateOf(SystemClock().Now()).ToIso();
  TempDir csv_out;
  Process csv({"stats", site.dir().string(), "--csv"}, csv_out.path());
  ASSERT_EQ(csv.Wait(), std::optional<int>(0)) << csv.err();
  EXPECT_EQ(csv.out().rfind("date,visitors,page_views\n", 0), 0u);
  EXPECT_NE(csv.out().find(today + ",25,25\n"), std::string::npos) << csv.out();
}

}  // namespace
}  // namespace gazette::testing
