#pragma once
/// What articles and templates need to show a library image: its URLs, the Markdown an editor inserts
/// into an article, and the src/srcset/width/height of a responsive <img>.

#include <optional>
#include <string>

#include "gazette/domain/media_item.hpp"

namespace gazette::media {

/// Width of the copy an article shows by default: the widest column of the default theme, with room for
/// screens of twice the density at half that width.
inline constexpr int kArticleImageWidth = 1280;

/// "/media/ab/<sha256>.jpg" for the original (width empty) or "/media/ab/<sha256>-640.jpg" for a copy.
/// Empty when item's mime is not a library type (a row written by hand).
std::string MediaUrl(const domain::MediaItem& item, std::optional<int> width);

/// "![alt](/media/ab/<sha256>-1280.jpg)": the copy kArticleImageWidth wide, or the original when it is no
/// wider (then no such copy exists). The alt text is put on one line with every ASCII punctuation mark
/// backslash-escaped, so that it cannot end the image, start a link or add formatting. Empty when item's
/// mime is not a library type.
std::string MarkdownFor(const domain::MediaItem& item);

/// The attributes of a responsive <img>: src is what MarkdownFor links to, srcset lists every copy and the
/// original by width ("/media/ab/<h>-320.jpg 320w, ..., /media/ab/<h>.jpg 2000w"), width and height are
/// src's, so that the browser keeps the room for the image before it arrives. Empty strings and zeros when
/// item's mime is not a library type.
struct ResponsiveImage {
  std::string src;
  std::string srcset;
  int width = 0;
  int height = 0;
};
ResponsiveImage ResponsiveFor(const domain::MediaItem& item);

}  // namespace gazette::media
