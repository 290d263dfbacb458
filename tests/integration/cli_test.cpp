// The gazette binary as an operator runs it: arguments in, exit code and one-line messages out.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "gazette/storage/sqlite/sqlite_storage.hpp"
#include "integration/child_process.hpp"
#include "support/temp_dir.hpp"

namespace gazette {
namespace {

namespace fs = std::filesystem;
using testing::Accepts;
using testing::FreePort;
using ::testing::HasSubstr;
using testing::kRunDeadline;
using testing::Process;
using testing::ReadFile;
using ::testing::StartsWith;

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class CliTest : public ::testing::Test {
 protected:
  RunResult Run(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {}) {
    const fs::path output_dir = tmp_ / ("run" + std::to_string(runs_++));
    fs::create_directories(output_dir);
    Process process(args, output_dir, env);
    const auto code = process.Wait();
    EXPECT_TRUE(code.has_value()) << "gazette did not finish: " << ::testing::PrintToString(args);
    return {code.value_or(-1), process.out(), process.err()};
  }

  std::string Dir(const std::string& name) const { return (tmp_ / name).string(); }

  testing::TempDir tmp_;
  int runs_ = 0;
};

// One line, "gazette: ...", nothing else: what every failure must look like.
void ExpectOneLineError(const RunResult& result) {
  EXPECT_THAT(result.err, StartsWith("gazette: ")) << result.err;
  ASSERT_FALSE(result.err.empty());
  EXPECT_EQ(result.err.back(), '\n');
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
}

// A serve failure is one line on stderr, whatever its prefix.
void ExpectOneLine(const std::string& err) {
  ASSERT_FALSE(err.empty());
  EXPECT_EQ(err.back(), '\n') << err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
  EXPECT_THAT(err, ::testing::Not(HasSubstr("terminate called"))) << err;
  EXPECT_THAT(err, ::testing::Not(HasSubstr("AddressSanitizer"))) << err;
}

TEST_F(CliTest, VersionPrintsNameAndVersion) {
  const RunResult result = Run({"--version"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_THAT(result.out, ::testing::MatchesRegex("gazette [0-9]+\\.[0-9]+\\.[0-9]+\n"));
}

TEST_F(CliTest, HelpListsTheCommands) {
  for (const char* help : {"help", "--help"}) {
    const RunResult result = Run({help});
    EXPECT_EQ(result.exit_code, 0) << help;
    for (const char* command : {"init", "demo", "serve"}) EXPECT_THAT(result.out, HasSubstr(command)) << help;
  }
}

TEST_F(CliTest, HelpOnACommandShowsItsOptions) {
  const RunResult result = Run({"help", "demo"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_THAT(result.out, HasSubstr("--articles"));
  EXPECT_THAT(result.out, HasSubstr("--seed"));
}

TEST_F(CliTest, UnknownOptionIsAUsageError) {
  const RunResult result = Run({"--frobnicate"});
  EXPECT_EQ(result.exit_code, 2);
  ExpectOneLineError(result);
  EXPECT_THAT(result.err, HasSubstr("--frobnicate"));
}

TEST_F(CliTest, UnknownCommandIsAUsageError) {
  const RunResult result = Run({"publish", Dir("site")});
  EXPECT_EQ(result.exit_code, 2);
  ExpectOneLineError(result);
}

TEST_F(CliTest, UnknownOptionOfACommandIsAUsageError) {
  const RunResult result = Run({"init", Dir("site"), "--colour", "red"});
  EXPECT_EQ(result.exit_code, 2);
  ExpectOneLineError(result);
  EXPECT_FALSE(fs::exists(Dir("site")));
}

TEST_F(CliTest, NoCommandIsAUsageError) {
  const RunResult result = Run({});
  EXPECT_EQ(result.exit_code, 2);
  ExpectOneLineError(result);
}

TEST_F(CliTest, MissingDirIsAUsageError) {
  for (const char* command : {"init", "demo", "serve"}) {
    const RunResult result = Run({command});
    EXPECT_EQ(result.exit_code, 2) << command;
    ExpectOneLineError(result);
    EXPECT_THAT(result.err, HasSubstr("DIR")) << command;
  }
}

TEST_F(CliTest, InitCreatesASite) {
  const RunResult result = Run({"init", Dir("site"), "--name", "Digest", "--tagline", "Since 2001",
                                "--base-url", "https://digest.example.org", "--timezone", "Europe/London"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr(Dir("site")));
  const std::string toml = ReadFile(fs::path(Dir("site")) / "gazette.toml");
  EXPECT_THAT(toml, HasSubstr("name = \"Digest\""));
  EXPECT_THAT(toml, HasSubstr("tagline = \"Since 2001\""));
  EXPECT_THAT(toml, HasSubstr("base_url = \"https://digest.example.org\""));
  EXPECT_THAT(toml, HasSubstr("timezone = \"Europe/London\""));
  auto storage =
      storage::OpenSqliteStorage(fs::path(Dir("site")) / "gazette.db", storage::SqliteOpenMode::kExisting);
  ASSERT_TRUE(storage.ok()) << storage.error().message;
}

TEST_F(CliTest, InitTwiceFailsWithExitOne) {
  ASSERT_EQ(Run({"init", Dir("site")}).exit_code, 0);
  const RunResult result = Run({"init", Dir("site")});
  EXPECT_EQ(result.exit_code, 1);
  ExpectOneLineError(result);
  EXPECT_THAT(result.err, HasSubstr("already holds a Gazette site"));
}

TEST_F(CliTest, InitRefusesAnUnknownTimeZone) {
  const RunResult result = Run({"init", Dir("site"), "--timezone", "Moon/Tranquility"});
  EXPECT_EQ(result.exit_code, 2);
  ExpectOneLineError(result);
  EXPECT_THAT(result.err, HasSubstr("Moon/Tranquility"));
  EXPECT_FALSE(fs::exists(Dir("site")));
}

TEST_F(CliTest, DemoRefusesAnArticleCountOutOfRange) {
  const RunResult result = Run({"demo", Dir("site"), "--articles", "0"});
  EXPECT_EQ(result.exit_code, 2);
  ExpectOneLineError(result);
  EXPECT_FALSE(fs::exists(Dir("site")));
}

// Everything a reader could see of the demo articles, in list order. Dates are compared by (UTC) day: the
// demo promises the same site for the same seed on the same day, and dates its newest articles from now.
std::vector<std::string> ArticleDump(const fs::path& dir) {
  auto storage = storage::OpenSqliteStorage(dir / "gazette.db", storage::SqliteOpenMode::kExisting);
  EXPECT_TRUE(storage.ok()) << storage.error().message;
  if (!storage.ok()) return {};
  const Timestamp far_future = TimestampFromUnix(4'102'444'800);  // 2100-01-01: scheduled ones included
  auto articles = (*storage)->articles().ListVisible({}, far_future, 0, 1000);
  EXPECT_TRUE(articles.ok()) << articles.error().message;
  if (!articles.ok()) return {};
  std::vector<std::string> dump;
  for (const auto& article : *articles) {
    dump.push_back(article.title + "|" + article.slug + "|" + article.country + "|" + article.category.slug +
                   "|" + article.author.slug + "|" + std::to_string(ToUnix(article.publish_at) / 86'400) +
                   "|" + article.intro_html);
  }
  return dump;
}

TEST_F(CliTest, DemoIsDeterministicForASeed) {
  const RunResult first = Run({"demo", Dir("a"), "--articles", "50", "--seed", "42"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_THAT(first.out, HasSubstr("50 articles"));
  const RunResult second = Run({"demo", Dir("b"), "--articles", "50", "--seed", "42"});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  const RunResult other = Run({"demo", Dir("c"), "--articles", "50", "--seed", "43"});
  ASSERT_EQ(other.exit_code, 0) << other.err;

  const auto a = ArticleDump(Dir("a"));
  EXPECT_GE(a.size(), 40u);  // a few may be scheduled past 2100 or unpublished; most are visible
  EXPECT_EQ(a, ArticleDump(Dir("b")));
  EXPECT_NE(a, ArticleDump(Dir("c")));
}

TEST_F(CliTest, ServeOnAMissingDirectoryFailsInOneLine) {
  const RunResult result = Run({"serve", Dir("nowhere"), "--listen", "127.0.0.1:0"});
  EXPECT_EQ(result.exit_code, 2);
  ExpectOneLine(result.err);
  EXPECT_THAT(result.err, HasSubstr("nowhere"));
}

TEST_F(CliTest, ServeOnACorruptDatabaseFailsInOneLine) {
  ASSERT_EQ(Run({"init", Dir("site")}).exit_code, 0);
  {
    std::mt19937 random(2001);  // fixed seed: the same garbage every run
    std::ofstream db(fs::path(Dir("site")) / "gazette.db", std::ios::binary | std::ios::trunc);
    for (int i = 0; i < 64 * 1024; ++i) db.put(static_cast<char>(random() & 0xFF));
  }
  const RunResult result = Run({"serve", Dir("site"), "--listen", "127.0.0.1:0"});
  EXPECT_EQ(result.exit_code, 2);
  ExpectOneLine(result.err);
  EXPECT_THAT(result.err, HasSubstr("gazette.db"));
}

TEST_F(CliTest, ServeWithABadConfigKeyNamesTheKeyAndLine) {
  ASSERT_EQ(Run({"init", Dir("site")}).exit_code, 0);
  {
    std::ofstream toml(fs::path(Dir("site")) / "gazette.toml", std::ios::trunc);
    toml << "[site]\nname = \"Digest\"\npage_sise = 20\n";
  }
  const RunResult result = Run({"serve", Dir("site"), "--listen", "127.0.0.1:0"});
  EXPECT_EQ(result.exit_code, 2);
  ExpectOneLine(result.err);
  EXPECT_THAT(result.err, HasSubstr("gazette.toml:3:"));
  EXPECT_THAT(result.err, HasSubstr("page_sise"));
}

TEST_F(CliTest, ServeWithABadEnvironmentOverrideNamesTheVariable) {
  ASSERT_EQ(Run({"init", Dir("site")}).exit_code, 0);
  const RunResult result =
      Run({"serve", Dir("site"), "--listen", "127.0.0.1:0"}, {{"GAZETTE_SITE_PAGE_SIZE", "1000"}});
  EXPECT_EQ(result.exit_code, 2);
  ExpectOneLine(result.err);
  EXPECT_THAT(result.err, HasSubstr("GAZETTE_SITE_PAGE_SIZE"));
}

TEST_F(CliTest, ServeWithABadListenOptionIsAUsageError) {
  ASSERT_EQ(Run({"init", Dir("site")}).exit_code, 0);
  const RunResult result = Run({"serve", Dir("site"), "--listen", "1.2.3.4:99999"});
  EXPECT_EQ(result.exit_code, 2);
  ExpectOneLine(result.err);
  EXPECT_THAT(result.err, HasSubstr("99999"));
}

TEST_F(CliTest, ServeStopsCleanlyOnSigterm) {
  ASSERT_EQ(Run({"demo", Dir("site"), "--articles", "20"}).exit_code, 0);
  const std::uint16_t port = FreePort();
  fs::create_directories(tmp_ / "serve");
  Process server({"serve", Dir("site"), "--listen", "127.0.0.1:" + std::to_string(port), "--threads", "1"},
                 tmp_ / "serve");
  const auto deadline = std::chrono::steady_clock::now() + kRunDeadline;
  while (!Accepts(port) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_TRUE(Accepts(port)) << server.err();
  server.Signal(SIGTERM);
  EXPECT_EQ(server.Wait(), std::optional<int>(0)) << server.err();
}

}  // namespace
}  // namespace gazette
