#include "gazette/app/site_setup.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "gazette/config/config.hpp"
#include "gazette/storage/sqlite/sqlite_storage.hpp"
#include "support/temp_dir.hpp"

namespace gazette::app {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

InitOptions OptionsIn(const fs::path& dir) {
  InitOptions options;
  options.dir = dir;
  options.name = "Public Sector Digest";
  options.tagline = "Transformation news since 2001";
  options.base_url = "https://digest.example.org/";
  options.timezone = "Europe/London";
  return options;
}

TEST(InitSite, CreatesDirectoryConfigAndMigratedDatabase) {
  testing::TempDir tmp;
  const fs::path dir = tmp / "nested" / "site";
  ASSERT_TRUE(InitSite(OptionsIn(dir)).ok());

  EXPECT_TRUE(fs::is_regular_file(dir / "gazette.toml"));
  EXPECT_TRUE(fs::is_regular_file(dir / "gazette.db"));
  auto config = config::LoadConfig(dir, {});
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->site.name, "Public Sector Digest");
  EXPECT_EQ(config->site.tagline, "Transformation news since 2001");
  EXPECT_EQ(config->site.base_url, "https://digest.example.org");
  EXPECT_EQ(config->site.timezone, "Europe/London");
  EXPECT_EQ(config->site.page_size, 10);

  auto storage = storage::OpenSqliteStorage(dir / "gazette.db", storage::SqliteOpenMode::kExisting);
  ASSERT_TRUE(storage.ok()) << storage.error().message;
  EXPECT_GT((*storage)->SchemaVersion(), 0);
}

TEST(InitSite, WorksInAnExistingDirectoryAndKeepsItsFiles) {
  testing::TempDir tmp;
  std::ofstream(tmp / "notes.txt") << "mine";
  ASSERT_TRUE(InitSite(OptionsIn(tmp.path())).ok());
  EXPECT_EQ(ReadFile(tmp / "notes.txt"), "mine");
  EXPECT_TRUE(fs::exists(tmp / "gazette.toml"));
}

TEST(InitSite, RefusesASecondTimeAndLeavesTheSiteAlone) {
  testing::TempDir tmp;
  ASSERT_TRUE(InitSite(OptionsIn(tmp.path())).ok());
  const std::string before = ReadFile(tmp / "gazette.toml");

  InitOptions again = OptionsIn(tmp.path());
  again.name = "Other";
  auto status = InitSite(again);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kConflict);
  EXPECT_THAT(status.error().message, HasSubstr("already holds a Gazette site"));
  EXPECT_THAT(status.error().message, HasSubstr(tmp.path().string()));
  EXPECT_EQ(ReadFile(tmp / "gazette.toml"), before);
  EXPECT_TRUE(fs::exists(tmp / "gazette.db"));
}

TEST(InitSite, RefusesADirectoryHoldingOnlyADatabase) {
  testing::TempDir tmp;
  std::ofstream(tmp / "gazette.db") << "x";
  auto status = InitSite(OptionsIn(tmp.path()));
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kConflict);
  EXPECT_THAT(status.error().message, HasSubstr("gazette.db"));
  EXPECT_FALSE(fs::exists(tmp / "gazette.toml"));
}

TEST(InitSite, RefusesAnUnknownTimeZoneWithoutCreatingAnything) {
  testing::TempDir tmp;
  InitOptions options = OptionsIn(tmp / "site");
  options.timezone = "Europe/Atlantis";
  auto status = InitSite(options);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(status.error().message, HasSubstr("timezone"));
  EXPECT_THAT(status.error().message, HasSubstr("Europe/Atlantis"));
  EXPECT_FALSE(fs::exists(tmp / "site"));
}

TEST(InitSite, RefusesABaseUrlThatIsNotHttp) {
  testing::TempDir tmp;
  InitOptions options = OptionsIn(tmp / "site");
  options.base_url = "ftp://example.org";
  auto status = InitSite(options);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(status.error().message, HasSubstr("base_url"));
  EXPECT_FALSE(fs::exists(tmp / "site"));
}

TEST(InitSite, RefusesAnEmptyName) {
  testing::TempDir tmp;
  InitOptions options = OptionsIn(tmp / "site");
  options.name = "";
  auto status = InitSite(options);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalid);
}

TEST(InitSite, RefusesAFileInPlaceOfTheDirectory) {
  testing::TempDir tmp;
  std::ofstream(tmp / "file") << "x";
  auto status = InitSite(OptionsIn(tmp / "file"));
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(status.error().message, HasSubstr("not a directory"));
}

TEST(InitSite, ReportsADirectoryThatCannotBeCreated) {
  testing::TempDir tmp;
  std::ofstream(tmp / "file") << "x";
  auto status = InitSite(OptionsIn(tmp / "file" / "site"));
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kUnavailable);
  EXPECT_THAT(status.error().message, HasSubstr("cannot create directory"));
}

PasswordSource Password(const std::string& password, int* calls) {
  return [password, calls]() -> Result<std::string> {
    ++*calls;
    return password;
  };
}

TEST(InitSite, AddsTheFirstAdministratorWhenAsked) {
  testing::TempDir tmp;
  InitOptions options = OptionsIn(tmp / "site");
  options.admin_email = "Ada@Example.org";
  options.admin_name = "Ada Lovelace";
  int calls = 0;
  ASSERT_TRUE(InitSite(options, Password("correct horse battery staple", &calls)).ok());
  EXPECT_EQ(calls, 1);
  auto storage = storage::OpenSqliteStorage(tmp / "site" / "gazette.db", storage::SqliteOpenMode::kExisting);
  ASSERT_TRUE(storage.ok());
  auto admin = (*storage)->accounts().FindUserByEmail("ada@example.org");
  ASSERT_TRUE(admin.ok()) << admin.error().message;
  EXPECT_EQ(admin->user.role, domain::Role::kAdmin);
  EXPECT_EQ(admin->user.name, "Ada Lovelace");
}

TEST(InitSite, RefusesAShortAdministratorPasswordWithoutCreatingAnything) {
  testing::TempDir tmp;
  InitOptions options = OptionsIn(tmp / "site");
  options.admin_email = "ada@example.org";
  int calls = 0;
  const Status status = InitSite(options, Password("too short", &calls));
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(status.error().message, HasSubstr("at least 12 characters"));
  EXPECT_FALSE(fs::exists(tmp / "site"));
}

TEST(InitSite, ChecksEveryOtherOptionBeforeAskingForThePassword) {
  testing::TempDir tmp;
  int calls = 0;
  InitOptions bad_email = OptionsIn(tmp / "site");
  bad_email.admin_email = "not an address";
  EXPECT_EQ(InitSite(bad_email, Password("correct horse battery staple", &calls)).error().code,
            ErrorCode::kInvalid);
  InitOptions bad_name = OptionsIn(tmp / "site");
  bad_name.admin_email = "ada@example.org";
  bad_name.admin_name = "Ada\nLovelace";
  EXPECT_EQ(InitSite(bad_name, Password("correct horse battery staple", &calls)).error().code,
            ErrorCode::kInvalid);
  InitOptions bad_zone = OptionsIn(tmp / "site");
  bad_zone.admin_email = "ada@example.org";
  bad_zone.timezone = "Moon/Tranquility";
  EXPECT_EQ(InitSite(bad_zone, Password("correct horse battery staple", &calls)).error().code,
            ErrorCode::kInvalid);
  ASSERT_TRUE(InitSite(OptionsIn(tmp / "site")).ok());
  InitOptions existing = OptionsIn(tmp / "site");
  existing.admin_email = "ada@example.org";
  EXPECT_EQ(InitSite(existing, Password("correct horse battery staple", &calls)).error().code,
            ErrorCode::kConflict);
  EXPECT_EQ(calls, 0);
}

TEST(CreateDemoSite, FillsTheNewSite) {
  testing::TempDir tmp;
  demo::DemoOptions demo;
  demo.articles = 30;
  ASSERT_TRUE(CreateDemoSite(OptionsIn(tmp / "site"), demo).ok());
  auto storage = storage::OpenSqliteStorage(tmp / "site" / "gazette.db", storage::SqliteOpenMode::kExisting);
  ASSERT_TRUE(storage.ok()) << storage.error().message;
  const Timestamp far_future = SystemClock().Now() + std::chrono::days(3650);
  auto articles = (*storage)->articles().ListVisible({}, far_future, 0, 100);
  ASSERT_TRUE(articles.ok()) << articles.error().message;
  EXPECT_FALSE(articles->empty());
}

TEST(CreateDemoSite, RemovesWhatItMadeWhenTheContentFails) {
  testing::TempDir tmp;
  demo::DemoOptions demo;
  demo.articles = 0;  // out of range: GenerateDemoContent refuses it
  auto status = CreateDemoSite(OptionsIn(tmp / "site"), demo);
  ASSERT_FALSE(status.ok());
  EXPECT_FALSE(fs::exists(tmp / "site" / "gazette.toml"));
  EXPECT_FALSE(fs::exists(tmp / "site" / "gazette.db"));
  EXPECT_FALSE(fs::exists(tmp / "site"));
}

TEST(CreateDemoSite, KeepsAnExistingDirectoryWhenItFails) {
  testing::TempDir tmp;
  demo::DemoOptions demo;
  demo.articles = 0;
  ASSERT_FALSE(CreateDemoSite(OptionsIn(tmp.path()), demo).ok());
  EXPECT_TRUE(fs::is_directory(tmp.path()));
  EXPECT_FALSE(fs::exists(tmp / "gazette.toml"));
  EXPECT_FALSE(fs::exists(tmp / "gazette.db-wal"));
}

TEST(CreateDemoSite, RefusesAnExistingSite) {
  testing::TempDir tmp;
  ASSERT_TRUE(InitSite(OptionsIn(tmp.path())).ok());
  auto status = CreateDemoSite(OptionsIn(tmp.path()), demo::DemoOptions{});
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(fs::exists(tmp / "gazette.toml"));
  EXPECT_TRUE(fs::exists(tmp / "gazette.db"));
}

}  // namespace
}  // namespace gazette::app
