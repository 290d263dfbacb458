#include "gazette/http/static_files.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "support/temp_dir.hpp"

namespace gazette::http {
namespace {

namespace fs = std::filesystem;

void Write(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

TEST(StaticFiles, ServesFingerprintedAssetsWithLongCacheLifetime) {
  testing::TempDir dir;
  Write(dir / "theme/css/site.css", "body{color:#222}");
  auto files = StaticFiles::Load({dir / "theme"});
  ASSERT_TRUE(files.ok()) << files.error().message;
  const auto url = files->UrlFor("css/site.css");
  ASSERT_TRUE(url.has_value());
  EXPECT_TRUE(url->starts_with("/assets/css/site."));
  EXPECT_TRUE(url->ends_with(".css"));
  EXPECT_EQ(url->size(), std::string("/assets/css/site..css").size() + StaticFiles::kFingerprintDigits);

  const auto response = files->Serve(*url);
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 200u);
  EXPECT_EQ(response->content_type, "text/css; charset=utf-8");
  EXPECT_EQ(response->Body(), "body{color:#222}");
  EXPECT_EQ(response->FindHeader("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_FALSE(response->FindHeader("ETag").empty());
  EXPECT_FALSE(files->Serve("/assets/css/site.css").has_value());  // only the fingerprinted name
  EXPECT_FALSE(files->UrlFor("css/missing.css").has_value());
}

TEST(StaticFiles, FingerprintFollowsTheContent) {
  testing::TempDir dir;
  Write(dir / "a/js/app.js", "one()");
  const auto first = StaticFiles::Load({dir / "a"});
  Write(dir / "a/js/app.js", "two()");
  const auto second = StaticFiles::Load({dir / "a"});
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_NE(*first->UrlFor("js/app.js"), *second->UrlFor("js/app.js"));
}

TEST(StaticFiles, LaterRootsOverrideEarlierOnes) {
  testing::TempDir dir;
  Write(dir / "default/css/site.css", "default");
  Write(dir / "default/img/logo.svg", "<svg/>");
  Write(dir / "site/css/site.css", "site");
  auto files = StaticFiles::Load({dir / "default", dir / "site", dir / "missing"});
  ASSERT_TRUE(files.ok()) << files.error().message;
  EXPECT_EQ(files->Serve(*files->UrlFor("css/site.css"))->Body(), "site");
  const auto logo = files->Serve(*files->UrlFor("img/logo.svg"));
  EXPECT_EQ(logo->content_type, "image/svg+xml");
}

TEST(StaticFiles, KnowsContentTypesByExtension) {
  testing::TempDir dir;
  const std::vector<std::pair<std::string, std::string>> cases = {{"a.js", "text/javascript; charset=utf-8"},
                                                                  {"a.png", "image/png"},
                                                                  {"a.jpg", "image/jpeg"},
                                                                  {"a.webp", "image/webp"},
                                                                  {"a.ico", "image/x-icon"},
                                                                  {"a.woff2", "font/woff2"},
                                                                  {"a.txt", "text/plain; charset=utf-8"},
                                                                  {"a.PNG", "image/png"},
                                                                  {"a.bin", "application/octet-stream"}};
  for (const auto& [name, type] : cases) Write(dir / "r" / name, name);
  auto files = StaticFiles::Load({dir / "r"});
  ASSERT_TRUE(files.ok());
  for (const auto& [name, type] : cases)
    EXPECT_EQ(files->Serve(*files->UrlFor(name))->content_type, type) << name;
}

TEST(StaticFiles, SkipsHiddenFiles) {
  testing::TempDir dir;
  Write(dir / "r/.git/config", "secret");
  Write(dir / "r/.env", "secret");
  Write(dir / "r/ok.txt", "ok");
  auto files = StaticFiles::Load({dir / "r"});
  ASSERT_TRUE(files.ok());
  EXPECT_FALSE(files->UrlFor(".env").has_value());
  EXPECT_FALSE(files->UrlFor(".git/config").has_value());
  EXPECT_TRUE(files->UrlFor("ok.txt").has_value());
}

TEST(StaticFiles, RefusesFilesOver4MiB) {
  testing::TempDir dir;
  Write(dir / "r/big.png", std::string(StaticFiles::kMaxAssetBytes + 1, 'x'));
  auto files = StaticFiles::Load({dir / "r"});
  ASSERT_FALSE(files.ok());
  EXPECT_EQ(files.error().code, ErrorCode::kInvalid);
  EXPECT_NE(files.error().message.find("big.png"), std::string::npos);
}

TEST(StaticFiles, RefusesSymlinksEscapingTheRoot) {
  testing::TempDir dir;
  Write(dir / "outside/passwd", "root:x:0:0");
  fs::create_directories(dir / "r");
  fs::create_symlink(dir / "outside/passwd", dir / "r/passwd.txt");
  auto files = StaticFiles::Load({dir / "r"});
  ASSERT_FALSE(files.ok());
  EXPECT_NE(files.error().message.find("outside its directory"), std::string::npos);
}

TEST(StaticFiles, CopiesStayValid) {
  testing::TempDir dir;
  Write(dir / "r/a.css", "a");
  std::optional<StaticFiles> copy;
  {
    auto files = StaticFiles::Load({dir / "r"});
    ASSERT_TRUE(files.ok());
    copy = *files;
  }
  EXPECT_EQ(copy->Serve(*copy->UrlFor("a.css"))->Body(), "a");
}

}  // namespace
}  // namespace gazette::http
