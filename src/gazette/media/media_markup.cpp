#include "gazette/media/media_markup.hpp"

#include <cmath>

#include "gazette/media/image_type.hpp"
#include "gazette/media/media_naming.hpp"

namespace gazette::media {

namespace {

/// The copy an article shows: kArticleImageWidth when it was made, else the original.
std::optional<int> ArticleWidth(const domain::MediaItem& item) {
  for (int width : item.sizes) {
    if (width == kArticleImageWidth) return width;
  }
  return std::nullopt;
}

bool IsAsciiPunctuation(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

std::string EscapeMarkdownText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';  // a line break could end the paragraph, and the image with it
      continue;
    }
    if (IsAsciiPunctuation(c)) out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

std::string MediaUrl(const domain::MediaItem& item, std::optional<int> width) {
  const std::optional<ImageType> type = ImageTypeFromMime(item.mime);
  if (!type) return {};
  return std::string(kMediaUrlPrefix) + PublicName(item.sha256, width, *type);
}

std::string MarkdownFor(const domain::MediaItem& item) {
  const std::string url = MediaUrl(item, ArticleWidth(item));
  if (url.empty()) return {};
  return "![" + EscapeMarkdownText(item.alt) + "](" + url + ")";
}

ResponsiveImage ResponsiveFor(const domain::MediaItem& item) {
  ResponsiveImage image;
  const std::optional<int> shown = ArticleWidth(item);
  image.src = MediaUrl(item, shown);
  if (image.src.empty()) return image;
  for (int width : item.sizes) {
    image.srcset += MediaUrl(item, width) + " " + std::to_string(width) + "w, ";
  }
  image.srcset += MediaUrl(item, std::nullopt) + " " + std::to_string(item.width) + "w";
  image.width = shown.value_or(item.width);
  image.height = item.height;
  if (shown && item.width > 0) {
    // The copies keep the original's proportions, rounded to whole pixels as the scaler does.
    image.height = static_cast<int>(std::lround(static_cast<double>(item.height) * *shown / item.width));
  }
  return image;
}

}  // namespace gazette::media
