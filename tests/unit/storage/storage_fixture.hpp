#pragma once
/// The backend-neutral storage test fixture: every test written against it runs once per backend in
/// StorageBackends() (SQLite now; PostgreSQL joins by adding a factory there).

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "gazette/domain/article.hpp"
#include "gazette/storage/sqlite/sqlite_storage.hpp"
#include "gazette/storage/storage.hpp"
#include "support/temp_dir.hpp"

namespace gazette::storage::test {

struct StorageBackend {
  std::string name;
  /// Opens a fresh, migrated, empty storage whose files live in dir.
  std::function<Result<std::unique_ptr<Storage>>(const std::filesystem::path& dir)> open;
};

inline std::vector<StorageBackend> StorageBackends() {
  return {{"Sqlite", [](const std::filesystem::path& dir) {
             return OpenSqliteStorage(dir / "gazette.db", SqliteOpenMode::kCreate);
           }}};
}

/// So that a failing test names its backend instead of dumping the parameter's bytes.
inline void PrintTo(const StorageBackend& backend, std::ostream* os) {
  *os << backend.name;
}

inline std::string BackendName(const ::testing::TestParamInfo<StorageBackend>& info) {
  return info.param.name;
}

/// 2026-01-02 12:00:00 UTC: "now" in the tests, so that nothing depends on the real clock.
inline const Timestamp kNow = TimestampFromUnix(1767355200);
inline constexpr std::chrono::seconds kDay{86400};

class StorageTest : public ::testing::TestWithParam<StorageBackend> {
 protected:
  void SetUp() override {
    auto opened = GetParam().open(dir_.path());
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    storage_ = std::move(opened).value();
    category_ = AddCategory("news");
    author_ = AddAuthor("ada");
  }

  Storage& storage() { return *storage_; }
  ArticleStore& articles() { return storage_->articles(); }
  CatalogStore& catalog() { return storage_->catalog(); }
  StatsStore& stats() { return storage_->stats(); }
  AccountStore& accounts() { return storage_->accounts(); }

  std::int64_t AddCategory(const std::string& slug, std::optional<std::int64_t> parent = std::nullopt,
                           int position = 0) {
    auto id = catalog().CreateCategory({0, parent, slug, "Category " + slug, "About " + slug, position});
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }
  std::int64_t AddAuthor(const std::string& slug) {
    auto id = catalog().CreateAuthor({0, slug, "Author " + slug, "Editor", "Org of " + slug, "Bio of " + slug,
                                      "authors/" + slug + ".jpg"});
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }
  std::int64_t AddTag(const std::string& slug) {
    auto id = catalog().CreateTag({0, slug, "Tag " + slug});
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }

  /// A published article in the default category and author, published at `publish_at`.
  domain::Article NewArticle(const std::string& slug, std::optional<Timestamp> publish_at,
                             domain::ArticleState state = domain::ArticleState::kPublished) {
    domain::Article a;
    a.title = "Title of " + slug;
    a.slug = slug;
    a.country = "GB";
    a.category_id = category_;
    a.author_id = author_;
    a.intro_markdown = "Intro *" + slug + "*";
    a.intro_html = "<p>Intro <em>" + slug + "</em></p>";
    a.body_markdown = "Body of " + slug;
    a.body_html = "<p>Body of " + slug + "</p>";
    a.state = state;
    a.publish_at = publish_at;
    return a;
  }

  std::int64_t Add(const domain::Article& article) {
    auto id = articles().Create(article, kNow - kDay * 1000);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }

  std::vector<std::int64_t> Ids(const ArticleFilter& filter, std::int64_t offset = 0,
                                std::int64_t limit = 1000) {
    auto rows = articles().ListVisible(filter, kNow, offset, limit);
    EXPECT_TRUE(rows.ok()) << rows.error().message;
    std::vector<std::int64_t> ids;
    if (rows.ok()) {
      for (const auto& row : *rows) ids.push_back(row.id);
    }
    return ids;
  }

  gazette::testing::TempDir dir_;
  std::unique_ptr<Storage> storage_;
  std::int64_t category_ = 0;
  std::int64_t author_ = 0;
};

}  // namespace gazette::storage::test
