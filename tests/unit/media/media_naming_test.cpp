// Public names of media files: made from a hash, a known width and a known extension, and parsed back
// only when they are exactly that.
#include "gazette/media/media_naming.hpp"

#include <gtest/gtest.h>

#include <string>

namespace gazette::media {
namespace {

const std::string kHash = "ab" + std::string(62, 'c');

TEST(PublicName, NamesOriginalsAndCopiesUnderTheHashsFirstTwoDigits) {
  EXPECT_EQ(PublicName(kHash, std::nullopt, ImageType::kJpeg), "ab/" + kHash + ".jpg");
  EXPECT_EQ(PublicName(kHash, 640, ImageType::kWebp), "ab/" + kHash + "-640.webp");
}

TEST(ParsePublicName, ParsesWhatPublicNameMakes) {
  for (ImageType type : {ImageType::kJpeg, ImageType::kPng, ImageType::kGif, ImageType::kWebp}) {
    for (std::optional<int> width :
         {std::optional<int>(), std::optional<int>(320), std::optional<int>(640), std::optional<int>(1280)}) {
      auto parsed = ParsePublicName(PublicName(kHash, width, type));
      ASSERT_TRUE(parsed.has_value());
      EXPECT_EQ(parsed->sha256, kHash);
      EXPECT_EQ(parsed->width, width);
      EXPECT_EQ(parsed->type, type);
    }
  }
}

TEST(ParsePublicName, RefusesEverythingElse) {
  const std::string name = "ab/" + kHash;
  const std::string refused[] = {
      "",
      "ab/",
      name,                // no extension
      name + ".",          // empty extension
      name + ".jpeg",      // not the library's spelling
      name + ".JPG",       // upper case
      name + ".svg",       // not an accepted type
      name + ".jpg.php",   // a second extension
      name + ".jpg/",      // a directory
      name + ".jpg?x=1",   // a query
      name + "-500.jpg",   // not a known width
      name + "-0640.jpg",  // a known width with a leading zero
      name + "-+640.jpg",  // a sign
      name + "--640.jpg",
      name + "-640",  // a width and no extension
      name + "-.jpg",
      "AB/AB" + std::string(62, 'C') + ".jpg",  // upper-case hex
      "ab/Ab" + std::string(62, 'c') + ".jpg",
      "cd/" + kHash + ".jpg",   // the directory does not match the hash
      "ab\\" + kHash + ".jpg",  // a backslash for the slash
      "/ab/" + kHash + ".jpg",  // absolute
      "./ab/" + kHash + ".jpg",
      "../ab/" + kHash + ".jpg",  // climbing out
      "ab/../" + kHash.substr(0, 61) + ".jpg",
      "ab/" + kHash.substr(0, 63) + ".jpg",                                            // 63 digits
      "ab/" + kHash + "c.jpg",                                                         // 65 digits
      "ab/" + kHash.substr(0, 63) + "g.jpg",                                           // not hex
      "ab/" + kHash + std::string(".jpg\0", 5),                                        // a NUL byte after
      "ab/" + kHash.substr(0, 10) + std::string("\0", 1) + kHash.substr(11) + ".jpg",  // a NUL byte inside
      "ab/" + kHash + ".jpg ",                                                         // a trailing space
      "ab//" + kHash + ".jpg",
  };
  for (const std::string& candidate : refused) {
    EXPECT_FALSE(ParsePublicName(candidate).has_value()) << "accepted: " << candidate;
  }
}

}  // namespace
}  // namespace gazette::media
