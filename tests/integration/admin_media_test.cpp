// The back office's media library (/admin/media) and the public /media/ route that serves its files:
// uploads checked by content, the grid, alt text, deletion, and every refusal.
#include <gtest/gtest.h>

#include "gazette/domain/user.hpp"
#include "integration/admin_client.hpp"
#include "integration/html_scan.hpp"
#include "integration/running_site.hpp"
#include "unit/media/test_images.hpp"

namespace gazette::testing {
namespace {

using domain::Role;
using media::ImageType;
using media::test::MakeImage;
using media::test::PngDeclaring;

constexpr const char* kPassword = "correct horse battery staple";
/// Small enough that a test can go over it cheaply, large enough for the test images.
constexpr std::int64_t kUploadLimit = 1024 * 1024;

class AdminMedia : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    RunningSiteOptions options;
    options.articles = 3;
    options.env = {{"GAZETTE_SERVER_MAX_UPLOAD_BYTES", std::to_string(kUploadLimit)}};
    site_ = new RunningSite(options);
    site_->AddUser("author@example.com", Role::kAuthor, kPassword, 1);
  }
  static void TearDownTestSuite() {
    delete site_;
    site_ = nullptr;
  }
  AdminClient Author() {
    AdminClient client(site_->port());
    EXPECT_EQ(client.LogIn("author@example.com", kPassword).status, 303u);
    return client;
  }
  static HttpResponse Upload(AdminClient& client, const std::string& filename,
                             const std::string& content_type, const std::string& bytes,
                             const std::string& alt = "") {
    return client.PostMultipart("/admin/media", {{"alt", alt}}, {{"file", filename, content_type, bytes}});
  }
  static std::size_t StoredCount() {
    auto items = site_->storage().media().List(0, 1000);
    EXPECT_TRUE(items.ok());
    return items.ok() ? items->size() : 0;
  }
  static domain::MediaItem Newest() {
    auto items = site_->storage().media().List(0, 1);
    EXPECT_TRUE(items.ok() && !items->empty());
    return items.ok() && !items->empty() ? items->front() : domain::MediaItem{};
  }
  /// Expects a refused upload: 400, the message on the page, nothing stored.
  void ExpectRefused(const std::string& filename, const std::string& content_type, const std::string& bytes,
                     const std::string& message) {
    AdminClient author = Author();
    const std::size_t before = StoredCount();
    const auto response = Upload(author, filename, content_type, bytes, "kept alt");
    EXPECT_EQ(response.status, 400u) << filename;
    EXPECT_NE(response.body.find(message), std::string::npos) << filename << "\n" << response.body;
    EXPECT_NE(response.body.find("value=\"kept alt\""), std::string::npos) << filename;
    EXPECT_EQ(StoredCount(), before) << filename;
  }

  static RunningSite* site_;
};
RunningSite* AdminMedia::site_ = nullptr;

TEST_F(AdminMedia, UploadFormHasLabelledFileInputThatAcceptsOnlyImages) {
  AdminClient author = Author();
  const auto page = author.Get("/admin/media");
  ASSERT_EQ(page.status, 200u) << page.body;
  EXPECT_NE(page.body.find("enctype=\"multipart/form-data\""), std::string::npos);
  EXPECT_NE(page.body.find("<label for=\"media-file\">Image file</label>"), std::string::npos);
  EXPECT_NE(
      page.body.find("type=\"file\" name=\"file\" accept=\"image/jpeg,image/png,image/webp,image/gif\""),
      std::string::npos);
  EXPECT_NE(page.body.find("<label for=\"media-alt\">Alt text</label>"), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/admin/media\" aria-current=\"page\">Media</a>"), std::string::npos);
  // An author uploads images but does not manage categories.
  EXPECT_EQ(page.body.find("href=\"/admin/categories\""), std::string::npos);
}

TEST_F(AdminMedia, UploadedImageIsShownWithThumbnailSizeAndMarkdownAndServedPublicly) {
  AdminClient author = Author();
  const auto uploaded = Upload(author, "harbour.jpg", "image/jpeg", MakeImage(ImageType::kJpeg, 800, 600),
                               "Boats in the harbour");
  ASSERT_EQ(uploaded.status, 303u) << uploaded.body;
  EXPECT_EQ(uploaded.Header("Location"), "/admin/media?done=uploaded");
  const domain::MediaItem item = Newest();
  EXPECT_EQ(item.alt, "Boats in the harbour");
  EXPECT_EQ(item.width, 800);

  const auto page = author.Get("/admin/media?done=uploaded");
  ASSERT_EQ(page.status, 200u);
  EXPECT_NE(page.body.find("Uploaded."), std::string::npos);
  const std::string original = "/media/" + item.sha256.substr(0, 2) + "/" + item.sha256 + ".jpg";
  const std::string thumbnail = "/media/" + item.sha256.substr(0, 2) + "/" + item.sha256 + "-320.jpg";
  EXPECT_NE(page.body.find("<img src=\"" + thumbnail + "\""), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("800\u00d7600"), std::string::npos);
  EXPECT_NE(page.body.find(" KB"), std::string::npos);
  // Narrower than the article width: the Markdown shows the original.
  EXPECT_NE(page.body.find("value=\"![Boats in the harbour](" + original + ")\" readonly"), std::string::npos)
      << page.body;

  const auto file = site_->Get(thumbnail);
  ASSERT_EQ(file.status, 200u);
  EXPECT_EQ(file.Header("Content-Type"), "image/jpeg");
  EXPECT_EQ(file.Header("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(file.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(media::test::Decode(file.body).width, 320);
  const std::string etag(file.Header("ETag"));
  ASSERT_FALSE(etag.empty());
  const auto again = site_->Get(thumbnail, {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304u);
  EXPECT_TRUE(again.body.empty());
  const auto whole = site_->Get(original);
  EXPECT_EQ(whole.status, 200u);
  EXPECT_EQ(media::test::Decode(whole.body).width, 800);
}

TEST_F(AdminMedia, GridShowsTheNewestImageFirst) {
  AdminClient author = Author();
  ASSERT_EQ(Upload(author, "older.png", "image/png", MakeImage(ImageType::kPng, 40, 30)).status, 303u);
  const std::string older = Newest().sha256;
  site_->clock().Advance(std::chrono::minutes(1));
  ASSERT_EQ(Upload(author, "newer.png", "image/png", MakeImage(ImageType::kPng, 41, 30)).status, 303u);
  const std::string newer = Newest().sha256;
  const auto page = author.Get("/admin/media");
  const auto newer_at = page.body.find(newer);
  const auto older_at = page.body.find(older);
  ASSERT_NE(newer_at, std::string::npos);
  ASSERT_NE(older_at, std::string::npos);
  EXPECT_LT(newer_at, older_at);
}

TEST_F(AdminMedia, RenamedExecutableIsRefusedAndNothingIsStored) {
  std::string program = "MZ\x90";
  program += std::string("\x00\x03\x00\x00\x00\x04\x00\x00\x00\xFF\xFF", 11) + std::string(200, '\x00');
  ExpectRefused("holiday.jpg", "image/jpeg", program, "JPEG, PNG, GIF or WebP");
}

TEST_F(AdminMedia, TextClaimingToBeAnImageIsRefused) {
  ExpectRefused("page.png", "image/png", "<html><script>alert(1)</script></html>", "JPEG, PNG, GIF or WebP");
}

TEST_F(AdminMedia, ImageBombHeaderIsRefusedBeforeDecoding) {
  ExpectRefused("bomb.png", "image/png", PngDeclaring(100000, 100000), "pixels");
}

TEST_F(AdminMedia, DamagedImageIsRefused) {
  const std::string jpeg = MakeImage(ImageType::kJpeg, 300, 200);
  ExpectRefused("cut.jpg", "image/jpeg", jpeg.substr(0, jpeg.size() / 3), "damaged");
}

TEST_F(AdminMedia, EmptyFileAndMissingFileAreRefused) {
  ExpectRefused("empty.jpg", "image/jpeg", "", "The uploaded file is empty");
  AdminClient author = Author();
  const auto no_file = author.PostMultipart("/admin/media", {{"alt", "x"}}, {});
  EXPECT_EQ(no_file.status, 400u);
  EXPECT_NE(no_file.body.find("Choose an image file to upload."), std::string::npos);
  const auto url_encoded = author.Post("/admin/media", {{"alt", "x"}});
  EXPECT_EQ(url_encoded.status, 400u);
}

TEST_F(AdminMedia, ImageWithAWrongContentTypeClaimIsJudgedByItsBytes) {
  AdminClient author = Author();
  const auto response =
      Upload(author, "scan", "application/octet-stream", MakeImage(ImageType::kGif, 50, 40), "A scan");
  ASSERT_EQ(response.status, 303u) << response.body;
  EXPECT_EQ(Newest().mime, "image/gif");
}

TEST_F(AdminMedia, UploadWithoutTheCsrfTokenIsRefused) {
  AdminClient author = Author();
  const std::size_t before = StoredCount();
  const auto response = author.PostMultipart(
      "/admin/media", {{"csrf", ""}}, {{"file", "x.png", "image/png", MakeImage(ImageType::kPng, 33, 33)}});
  EXPECT_EQ(response.status, 403u);
  EXPECT_EQ(StoredCount(), before);
}

TEST_F(AdminMedia, UploadOverTheLimitGetsAReadable413) {
  AdminClient author = Author();
  const auto response = Upload(author, "huge.jpg", "image/jpeg", std::string(kUploadLimit + 4096, 'x'));
  EXPECT_EQ(response.status, 413u);
  EXPECT_NE(response.body.find("Image uploads may be at most 1 MB."), std::string::npos) << response.body;
}

TEST_F(AdminMedia, AltTextIsEditedAndOverlongAltIsRefused) {
  AdminClient author = Author();
  ASSERT_EQ(Upload(author, "alt.png", "image/png", MakeImage(ImageType::kPng, 60, 20)).status, 303u);
  const std::string id = std::to_string(Newest().id);
  const auto saved = author.Post("/admin/media/" + id + "/alt", {{"alt", "A striped banner"}});
  ASSERT_EQ(saved.status, 303u) << saved.body;
  EXPECT_EQ(Newest().alt, "A striped banner");
  const auto page = author.Get("/admin/media");
  EXPECT_NE(page.body.find("id=\"alt-" + id + "\" name=\"alt\" value=\"A striped banner\""),
            std::string::npos);
  EXPECT_EQ(author.Post("/admin/media/" + id + "/alt", {{"alt", std::string(1001, 'a')}}).status, 400u);
  EXPECT_EQ(Newest().alt, "A striped banner");
  EXPECT_EQ(author.Post("/admin/media/999999/alt", {{"alt", "x"}}).status, 404u);
}

TEST_F(AdminMedia, DeletedImageIsNoLongerServed) {
  AdminClient author = Author();
  ASSERT_EQ(Upload(author, "gone.png", "image/png", MakeImage(ImageType::kPng, 70, 20)).status, 303u);
  const domain::MediaItem item = Newest();
  const std::string url = "/media/" + item.sha256.substr(0, 2) + "/" + item.sha256 + ".png";
  ASSERT_EQ(site_->Get(url).status, 200u);
  const auto deleted = author.Post("/admin/media/" + std::to_string(item.id) + "/delete", {});
  ASSERT_EQ(deleted.status, 303u) << deleted.body;
  EXPECT_EQ(site_->Get(url).status, 404u);
  EXPECT_EQ(author.Get("/admin/media").body.find(item.sha256), std::string::npos);
}

TEST_F(AdminMedia, MediaRouteRefusesEveryNameTheLibraryDoesNotMake) {
  AdminClient author = Author();
  ASSERT_EQ(Upload(author, "probe.png", "image/png", MakeImage(ImageType::kPng, 80, 20)).status, 303u);
  const std::string sha = Newest().sha256;
  std::string upper = sha;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const std::string h2 = sha.substr(0, 2);
  const std::vector<std::string> targets{"/media/../gazette.toml",
                                         "/media/" + h2 + "/..%2F..%2Fgazette.toml",
                                         "/media/%2E%2E/gazette.db",
                                         "/media/" + h2 + "/" + sha + "-999.png",
                                         "/media/" + upper.substr(0, 2) + "/" + upper + ".png",
                                         "/media/" + h2 + "/" + sha + "%00.png",
                                         "/media/" + h2 + "/" + sha + ".exe",
                                         "/media/gazette.toml",
                                         "/media/" + h2 + "/" + sha + ".jpg"};
  for (const std::string& target : targets) {
    const auto response = site_->Get(target);
    EXPECT_TRUE(response.status == 404u || response.status == 400u) << target << " -> " << response.status;
    EXPECT_EQ(response.body.find("[server]"), std::string::npos) << target;
  }
  EXPECT_EQ(site_->Get("/media/" + h2 + "/" + sha + ".png").status, 200u);
}

TEST_F(AdminMedia, ImageRequestsAreNotCountedAsPageViews) {
  constexpr const char* kBrowser =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
  const auto today = [] {
    const std::string json = site_->Get("/api/v1/stats").body;
    const std::string value = FirstValueAfter(json, "\"today\":", ',');
    return value.empty() ? -1 : std::stoll(value);
  };
  AdminClient author = Author();
  ASSERT_EQ(Upload(author, "count.png", "image/png", MakeImage(ImageType::kPng, 90, 20)).status, 303u);
  const std::string sha = Newest().sha256;
  const std::int64_t before = today();
  ASSERT_GE(before, 0);
  EXPECT_EQ(site_->Get("/media/" + sha.substr(0, 2) + "/" + sha + ".png", {{"User-Agent", kBrowser}}).status,
            200u);
  EXPECT_EQ(today(), before);
  // The same reader opening a page is counted: the check above could have failed.
  EXPECT_EQ(site_->Get("/", {{"User-Agent", kBrowser}}).status, 200u);
  EXPECT_EQ(today(), before + 1);
}

}  // namespace
}  // namespace gazette::testing
