// URLs, Markdown and srcset for library images.
#include "gazette/media/media_markup.hpp"

#include <gtest/gtest.h>

#include <string>

namespace gazette::media {
namespace {

domain::MediaItem Item(int width, int height, std::vector<int> sizes) {
  domain::MediaItem item;
  item.id = 7;
  item.sha256 = "0f" + std::string(62, 'a');
  item.mime = "image/jpeg";
  item.width = width;
  item.height = height;
  item.sizes = std::move(sizes);
  item.alt = "The harbour at dawn";
  return item;
}

TEST(MediaMarkup, MarkdownLinksTheArticleSizedCopy) {
  const auto item = Item(4000, 3000, {320, 640, 1280});
  EXPECT_EQ(MarkdownFor(item), "![The harbour at dawn](/media/0f/" + item.sha256 + "-1280.jpg)");
}

TEST(MediaMarkup, MarkdownLinksTheOriginalWhenItIsNoWiderThanAnArticle) {
  const auto item = Item(900, 600, {320, 640});
  EXPECT_EQ(MarkdownFor(item), "![The harbour at dawn](/media/0f/" + item.sha256 + ".jpg)");
}

TEST(MediaMarkup, MarkdownEscapesTheAltTextSoItCannotBreakOutOfTheImage) {
  auto item = Item(100, 100, {});
  item.alt = "a](javascript:alert(1)) *b*\n\nc\\";
  EXPECT_EQ(MarkdownFor(item),
            "![a\\]\\(javascript\\:alert\\(1\\)\\) \\*b\\*  c\\\\](/media/0f/" + item.sha256 + ".jpg)");
}

TEST(MediaMarkup, ResponsiveImageListsEveryCopyAndTheOriginal) {
  const auto item = Item(2000, 1500, {320, 640, 1280});
  const ResponsiveImage image = ResponsiveFor(item);
  const std::string base = "/media/0f/" + item.sha256;
  EXPECT_EQ(image.src, base + "-1280.jpg");
  EXPECT_EQ(image.srcset, base + "-320.jpg 320w, " + base + "-640.jpg 640w, " + base + "-1280.jpg 1280w, " +
                              base + ".jpg 2000w");
  EXPECT_EQ(image.width, 1280);
  EXPECT_EQ(image.height, 960);
}

TEST(MediaMarkup, ResponsiveImageOfASmallImageIsTheOriginalAlone) {
  const auto item = Item(200, 100, {});
  const ResponsiveImage image = ResponsiveFor(item);
  EXPECT_EQ(image.src, "/media/0f/" + item.sha256 + ".jpg");
  EXPECT_EQ(image.srcset, image.src + " 200w");
  EXPECT_EQ(image.width, 200);
  EXPECT_EQ(image.height, 100);
}

TEST(MediaMarkup, AnItemOfAnUnknownTypeGivesNothingToLinkTo) {
  auto item = Item(200, 100, {});
  item.mime = "image/svg+xml";
  EXPECT_EQ(MediaUrl(item, std::nullopt), "");
  EXPECT_EQ(MarkdownFor(item), "");
  EXPECT_EQ(ResponsiveFor(item).srcset, "");
}

}  // namespace
}  // namespace gazette::media
