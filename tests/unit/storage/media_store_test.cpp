// MediaStore behaviour, run against every backend (storage_fixture.hpp).
#include <gmock/gmock.h>

#include "storage_fixture.hpp"

namespace gazette::storage::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class MediaStoreTest : public StorageTest {
 protected:
  MediaStore& media() { return storage().media(); }

  /// An item whose hash is made of digit (a hex character), uploaded seconds after kNow.
  static domain::MediaItem Item(char digit, std::int64_t seconds = 0) {
    domain::MediaItem item;
    item.sha256 = std::string(64, digit);
    item.mime = "image/jpeg";
    item.width = 1500;
    item.height = 1000;
    item.bytes = 123'456;
    item.sizes = {320, 640, 1280};
    item.uploaded_by = 7;
    item.uploaded_at = kNow + std::chrono::seconds(seconds);
    item.original_name = "harbour.jpg";
    item.alt = "The harbour at dawn";
    return item;
  }

  std::int64_t Add(const domain::MediaItem& item) {
    auto id = media().Create(item);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }

  std::vector<std::int64_t> ListedIds(std::int64_t offset, std::int64_t limit) {
    auto items = media().List(offset, limit);
    EXPECT_TRUE(items.ok()) << items.error().message;
    std::vector<std::int64_t> ids;
    if (items.ok()) {
      for (const auto& item : *items) ids.push_back(item.id);
    }
    return ids;
  }

  void ExpectInvalid(const domain::MediaItem& item, std::string_view message_part) {
    auto id = media().Create(item);
    ASSERT_FALSE(id.ok()) << "stored: " << item.sha256 << " " << item.mime;
    EXPECT_EQ(id.error().code, ErrorCode::kInvalid);
    EXPECT_THAT(id.error().message, HasSubstr(message_part));
  }
};

TEST_P(MediaStoreTest, ItemsRoundTripByIdAndByHash) {
  const domain::MediaItem item = Item('a');
  const std::int64_t id = Add(item);
  for (auto found : {media().FindById(id), media().FindBySha256(item.sha256)}) {
    ASSERT_TRUE(found.ok()) << found.error().message;
    EXPECT_EQ(found->id, id);
    EXPECT_EQ(found->sha256, item.sha256);
    EXPECT_EQ(found->mime, "image/jpeg");
    EXPECT_EQ(found->width, 1500);
    EXPECT_EQ(found->height, 1000);
    EXPECT_EQ(found->bytes, 123'456);
    EXPECT_THAT(found->sizes, ElementsAre(320, 640, 1280));
    EXPECT_EQ(found->uploaded_by, 7);
    EXPECT_EQ(found->uploaded_at, kNow);
    EXPECT_EQ(found->original_name, "harbour.jpg");
    EXPECT_EQ(found->alt, "The harbour at dawn");
  }
}

TEST_P(MediaStoreTest, AnItemWithoutUploaderOrSmallerCopiesRoundTrips) {
  domain::MediaItem item = Item('b');
  item.uploaded_by.reset();
  item.sizes.clear();
  item.mime = "image/gif";
  const std::int64_t id = Add(item);
  auto found = media().FindById(id);
  ASSERT_TRUE(found.ok());
  EXPECT_FALSE(found->uploaded_by.has_value());
  EXPECT_THAT(found->sizes, IsEmpty());
  EXPECT_EQ(found->mime, "image/gif");
}

TEST_P(MediaStoreTest, MissingItemsAreNotFound) {
  EXPECT_EQ(media().FindById(12345).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(media().FindBySha256(std::string(64, 'f')).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(media().FindBySha256("../../etc/passwd").error().code, ErrorCode::kNotFound);
}

TEST_P(MediaStoreTest, TheSameHashIsStoredOnce) {
  Add(Item('c'));
  domain::MediaItem again = Item('c');
  again.original_name = "other.jpg";
  auto id = media().Create(again);
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.error().code, ErrorCode::kConflict);
  EXPECT_EQ(ListedIds(0, 10).size(), 1u);
}

TEST_P(MediaStoreTest, RefusesMalformedItems) {
  domain::MediaItem item = Item('d');
  item.sha256 = std::string(63, 'd');
  ExpectInvalid(item, "hash");
  item.sha256 = std::string(64, 'D');
  ExpectInvalid(item, "hash");
  item.sha256 = std::string(62, 'd') + "/x";
  ExpectInvalid(item, "hash");

  item = Item('d');
  item.mime = "image/svg+xml";
  ExpectInvalid(item, "JPEG, PNG, GIF or WebP");
  item = Item('d');
  item.width = 0;
  ExpectInvalid(item, "width");
  item = Item('d');
  item.bytes = 0;
  ExpectInvalid(item, "size");
  item = Item('d');
  item.sizes = {640, 320};
  ExpectInvalid(item, "ascending");
  item.sizes = {0, 320};
  ExpectInvalid(item, "ascending");
  item = Item('d');
  item.original_name = std::string(kMaxMediaOriginalNameBytes + 1, 'n');
  ExpectInvalid(item, "file name");
  item = Item('d');
  item.alt = std::string(kMaxMediaAltBytes + 1, 'a');
  ExpectInvalid(item, "text alternative");

  EXPECT_THAT(ListedIds(0, 10), IsEmpty());
}

TEST_P(MediaStoreTest, ListsNewestFirstInWindows) {
  const std::int64_t oldest = Add(Item('1', 0));
  const std::int64_t newest = Add(Item('2', 60));
  const std::int64_t same_second_first = Add(Item('3', 30));
  const std::int64_t same_second_second = Add(Item('4', 30));
  EXPECT_THAT(ListedIds(0, 10), ElementsAre(newest, same_second_second, same_second_first, oldest));
  EXPECT_THAT(ListedIds(1, 2), ElementsAre(same_second_second, same_second_first));
  EXPECT_THAT(ListedIds(3, 10), ElementsAre(oldest));
  EXPECT_THAT(ListedIds(4, 10), IsEmpty());
  EXPECT_THAT(ListedIds(0, 0), IsEmpty());
}

TEST_P(MediaStoreTest, RefusesListWindowsOutOfBounds) {
  EXPECT_EQ(media().List(-1, 10).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(media().List(0, -1).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(media().List(0, kMaxMediaListLimit + 1).error().code, ErrorCode::kInvalid);
  EXPECT_TRUE(media().List(0, kMaxMediaListLimit).ok());
}

TEST_P(MediaStoreTest, UpdatesTheAltText) {
  const std::int64_t id = Add(Item('e'));
  ASSERT_TRUE(media().UpdateAlt(id, "Fishing boats").ok());
  EXPECT_EQ(media().FindById(id)->alt, "Fishing boats");
  ASSERT_TRUE(media().UpdateAlt(id, "").ok());
  EXPECT_EQ(media().FindById(id)->alt, "");
  EXPECT_EQ(media().UpdateAlt(id + 1, "x").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(media().UpdateAlt(id, std::string(kMaxMediaAltBytes + 1, 'a')).error().code, ErrorCode::kInvalid);
  EXPECT_TRUE(media().UpdateAlt(id, std::string(kMaxMediaAltBytes, 'a')).ok());
}

TEST_P(MediaStoreTest, DeletesAnItem) {
  const std::int64_t kept = Add(Item('5'));
  const std::int64_t id = Add(Item('6'));
  ASSERT_TRUE(media().Delete(id).ok());
  EXPECT_EQ(media().FindById(id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(media().Delete(id).error().code, ErrorCode::kNotFound);
  EXPECT_THAT(ListedIds(0, 10), ElementsAre(kept));
}

TEST_P(MediaStoreTest, NeverReusesTheIdOfADeletedItem) {
  const std::int64_t id = Add(Item('7'));
  ASSERT_TRUE(media().Delete(id).ok());
  EXPECT_GT(Add(Item('7')), id);
}

TEST_P(MediaStoreTest, ADeletedHashCanBeStoredAgain) {
  const std::int64_t id = Add(Item('8'));
  ASSERT_TRUE(media().Delete(id).ok());
  EXPECT_TRUE(media().Create(Item('8')).ok());
}

TEST_P(MediaStoreTest, TakesPartInTransactions) {
  const Status rolled_back = storage().InTransaction([&]() -> Status {
    EXPECT_TRUE(media().Create(Item('9')).ok());
    return MakeError(ErrorCode::kConflict, "changed my mind");
  });
  EXPECT_FALSE(rolled_back.ok());
  EXPECT_EQ(media().FindBySha256(std::string(64, '9')).error().code, ErrorCode::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, MediaStoreTest, ::testing::ValuesIn(StorageBackends()), BackendName);

}  // namespace
}  // namespace gazette::storage::test
