// The uploaded file's name is kept for display only, cleaned of paths and control characters.
#include "gazette/media/display_name.hpp"

#include <gtest/gtest.h>

#include <string>

#include "gazette/storage/media_store.hpp"

namespace gazette::media {
namespace {

using std::string_view_literals::operator""sv;

TEST(CleanDisplayName, KeepsOnlyTheLastPathComponent) {
  EXPECT_EQ(CleanDisplayName("../../etc/passwd", ImageType::kJpeg), "passwd");
  EXPECT_EQ(CleanDisplayName("/var/www/photo.jpg", ImageType::kJpeg), "photo.jpg");
  EXPECT_EQ(CleanDisplayName("C:\\Users\\ada\\Pictures\\Łódź 2026.jpg", ImageType::kJpeg), "Łódź 2026.jpg");
}

TEST(CleanDisplayName, DropsControlCharactersAndInvalidUtf8AndTrims) {
  EXPECT_EQ(CleanDisplayName("  a\0b\r\n\x7F\x1B[31mc.png  "sv, ImageType::kPng), "ab[31mc.png");
  EXPECT_EQ(CleanDisplayName("caf\xC3\xA9\xFF\xC3.gif", ImageType::kGif), "caf\xC3\xA9.gif");
  EXPECT_EQ(CleanDisplayName("\xC0\xAF\xED\xA0\x80x.gif", ImageType::kGif), "x.gif");  // overlong, surrogate
  EXPECT_EQ(CleanDisplayName("a\xC2\x85"
                             "b.gif",
                             ImageType::kGif),
            "ab.gif");  // C1 control NEL
}

TEST(CleanDisplayName, FallsBackToANeutralNameWhenNothingIsLeft) {
  EXPECT_EQ(CleanDisplayName("", ImageType::kWebp), "image.webp");
  EXPECT_EQ(CleanDisplayName("photos/", ImageType::kJpeg), "image.jpg");
  EXPECT_EQ(CleanDisplayName("..", ImageType::kJpeg), "image.jpg");
  EXPECT_EQ(CleanDisplayName("a/..", ImageType::kJpeg), "image.jpg");
  EXPECT_EQ(CleanDisplayName("\x01\x02", ImageType::kPng), "image.png");
}

TEST(CleanDisplayName, CutsLongNamesAtACharacterBoundary) {
  std::string long_name;
  for (int i = 0; i < 200; ++i) long_name += "ł";  // two bytes each
  const std::string cleaned = CleanDisplayName(long_name + ".jpg", ImageType::kJpeg);
  EXPECT_LE(cleaned.size(), storage::kMaxMediaOriginalNameBytes);
  EXPECT_EQ(cleaned.size() % 2, 0u);
  EXPECT_EQ(cleaned.substr(0, 4), "łł");
}

TEST(CleanOneLineText, TurnsLineBreaksAndControlsIntoSpaces) {
  EXPECT_EQ(CleanOneLineText("  The harbour\r\nat dawn\t\x01 "), "The harbour  at dawn");
  EXPECT_EQ(CleanOneLineText("ok\xFF"), "ok");
}

}  // namespace
}  // namespace gazette::media
