// Checking uploads: sizes come from the header and are refused before decoding; damage is found by
// decoding.
#include "gazette/media/image_inspector.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_images.hpp"

namespace gazette::media {
namespace {

using test::MakeImage;
using ::testing::HasSubstr;

TEST(InspectImage, MeasuresEachAcceptedType) {
  for (ImageType type : {ImageType::kJpeg, ImageType::kPng, ImageType::kGif, ImageType::kWebp}) {
    auto info = InspectImage(MakeImage(type, 300, 200), type, MediaLimits{});
    ASSERT_TRUE(info.ok()) << MimeOf(type) << ": " << info.error().message;
    EXPECT_EQ(info->width, 300);
    EXPECT_EQ(info->height, 200);
    EXPECT_EQ(info->frames, 1);
  }
}

TEST(InspectImage, GivesTheDisplayedSizeOfAPhotoStoredSideways) {
  auto info = InspectImage(test::MakeRotatedJpeg(400, 200, 6), ImageType::kJpeg, MediaLimits{});
  ASSERT_TRUE(info.ok()) << info.error().message;
  EXPECT_EQ(info->width, 200);
  EXPECT_EQ(info->height, 400);
}

TEST(InspectImage, CountsTheFramesOfAnAnimation) {
  for (ImageType type : {ImageType::kGif, ImageType::kWebp}) {
    auto info = InspectImage(test::MakeAnimation(type, 120, 90, 3), type, MediaLimits{});
    ASSERT_TRUE(info.ok()) << MimeOf(type) << ": " << info.error().message;
    EXPECT_EQ(info->width, 120);
    EXPECT_EQ(info->height, 90);
    EXPECT_EQ(info->frames, 3);
  }
}

// 100,000 x 100,000 RGB would take 30 GB to decode. Refused from the header, this test finishes at once
// and within ASan's memory bounds; had anything tried to allocate the picture, it would fail or crawl.
TEST(InspectImage, RefusesAPngDeclaringTenGigapixelsBeforeDecoding) {
  const std::string bomb = test::PngDeclaring(100'000, 100'000);
  ASSERT_LT(bomb.size(), 100u);
  auto info = InspectImage(bomb, ImageType::kPng, MediaLimits{});
  ASSERT_FALSE(info.ok());
  EXPECT_EQ(info.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(info.error().message, HasSubstr("100000 x 100000 pixels"));
}

TEST(InspectImage, RefusesTooManyPixelsWithinTheSideLimitBeforeDecoding) {
  // 15,000 x 15,000 = 225 megapixels: each side is allowed, the total is not.
  auto info = InspectImage(test::PngDeclaring(15'000, 15'000), ImageType::kPng, MediaLimits{});
  ASSERT_FALSE(info.ok());
  EXPECT_THAT(info.error().message, HasSubstr("225.0 megapixels"));
}

TEST(InspectImage, RefusesAGifDeclaringAHugeScreen) {
  auto info = InspectImage(test::GifDeclaring(65'000, 65'000), ImageType::kGif, MediaLimits{});
  ASSERT_FALSE(info.ok());
  EXPECT_EQ(info.error().code, ErrorCode::kInvalid);
}

TEST(InspectImage, AppliesTheConfiguredLimits) {
  const std::string image = MakeImage(ImageType::kPng, 300, 200);
  MediaLimits small_side;
  small_side.max_side = 299;
  EXPECT_THAT(InspectImage(image, ImageType::kPng, small_side).error().message,
              HasSubstr("at most 299 pixels"));
  MediaLimits few_pixels;
  few_pixels.max_pixels = 300 * 200 - 1;
  EXPECT_FALSE(InspectImage(image, ImageType::kPng, few_pixels).ok());
  MediaLimits few_bytes;
  few_bytes.max_bytes = image.size() - 1;
  EXPECT_THAT(InspectImage(image, ImageType::kPng, few_bytes).error().message, HasSubstr("larger than"));
  MediaLimits exact;
  exact.max_side = 300;
  exact.max_pixels = 300 * 200;
  exact.max_bytes = image.size();
  EXPECT_TRUE(InspectImage(image, ImageType::kPng, exact).ok());
}

TEST(InspectImage, CountsEveryFrameAgainstThePixelAndFrameLimits) {
  const std::string animation = test::MakeAnimation(ImageType::kGif, 100, 100, 4);
  MediaLimits pixels;
  pixels.max_pixels = 100 * 100 * 4 - 1;
  EXPECT_THAT(InspectImage(animation, ImageType::kGif, pixels).error().message,
              HasSubstr("in all its frames"));
  MediaLimits frames;
  frames.max_frames = 3;
  EXPECT_THAT(InspectImage(animation, ImageType::kGif, frames).error().message, HasSubstr("4 frames"));
}

TEST(InspectImage, RefusesATruncatedJpegWithAMessage) {
  const std::string jpeg = MakeImage(ImageType::kJpeg, 800, 600);
  auto info =
      InspectImage(std::string_view(jpeg).substr(0, jpeg.size() / 2), ImageType::kJpeg, MediaLimits{});
  ASSERT_FALSE(info.ok());
  EXPECT_EQ(info.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(info.error().message, HasSubstr("damaged or incomplete"));
}

TEST(InspectImage, RefusesTruncatedFilesOfTheOtherTypes) {
  for (ImageType type : {ImageType::kPng, ImageType::kGif, ImageType::kWebp}) {
    const std::string image = MakeImage(type, 400, 300);
    auto info = InspectImage(std::string_view(image).substr(0, image.size() / 2), type, MediaLimits{});
    EXPECT_FALSE(info.ok()) << MimeOf(type);
  }
}

TEST(InspectImage, RefusesAJpegSignatureFollowedByGarbage) {
  std::string fake = "\xFF\xD8\xFF\xE0";
  fake += std::string(2000, 'x');
  auto info = InspectImage(fake, ImageType::kJpeg, MediaLimits{});
  ASSERT_FALSE(info.ok());
  EXPECT_THAT(info.error().message, HasSubstr("damaged or incomplete"));
}

}  // namespace
}  // namespace gazette::media
