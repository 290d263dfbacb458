// Image types are recognised by their first bytes alone.
#include "gazette/media/image_type.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace gazette::media {
namespace {

using ::testing::HasSubstr;
using std::string_view_literals::operator""sv;

TEST(DetectImageType, RecognisesEachAcceptedSignature) {
  EXPECT_EQ(*DetectImageType("\xFF\xD8\xFF\xE0rest"sv), ImageType::kJpeg);
  EXPECT_EQ(*DetectImageType("\x89PNG\r\n\x1A\n\0\0\0\x0DIHDR"sv), ImageType::kPng);
  EXPECT_EQ(*DetectImageType("GIF87a..."sv), ImageType::kGif);
  EXPECT_EQ(*DetectImageType("GIF89a..."sv), ImageType::kGif);
  EXPECT_EQ(*DetectImageType("RIFF\x24\0\0\0WEBPVP8 "sv), ImageType::kWebp);
}

void ExpectRefused(std::string_view bytes) {
  auto type = DetectImageType(bytes);
  ASSERT_FALSE(type.ok());
  EXPECT_EQ(type.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(type.error().message, HasSubstr("JPEG, PNG, GIF or WebP"));
}

TEST(DetectImageType, RefusesProgramsAndDocumentsWithAMessageNamingTheAcceptedTypes) {
  ExpectRefused("#!/bin/sh\nrm -rf ~\n"sv);
  ExpectRefused(
      "\x7F"
      "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0"sv);
  ExpectRefused("MZ\x90\0"sv);  // a Windows executable
  ExpectRefused("<!DOCTYPE html><html><script>alert(1)</script>"sv);
  ExpectRefused("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"sv);
  ExpectRefused("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>"sv);
  ExpectRefused("%PDF-1.7\n"sv);
}

TEST(DetectImageType, RefusesNearMissesAndShortInput) {
  ExpectRefused(""sv);
  ExpectRefused("\xFF\xD8"sv);                // two of JPEG's three bytes
  ExpectRefused("\x89PNG\r\n\x1A"sv);         // PNG's signature cut short
  ExpectRefused("GIF88a"sv);                  // no such GIF version
  ExpectRefused("RIFF\x24\0\0\0WAVEfmt "sv);  // a RIFF file, but sound
  ExpectRefused("RIFF\x24\0\0\0WEB"sv);       // too short to say WEBP
  ExpectRefused(" \xFF\xD8\xFF"sv);           // the signature must come first
}

TEST(ImageTypeNames, MimeAndExtensionRoundTrip) {
  for (ImageType type : {ImageType::kJpeg, ImageType::kPng, ImageType::kGif, ImageType::kWebp}) {
    EXPECT_EQ(ImageTypeFromMime(MimeOf(type)), type);
    EXPECT_EQ(ImageTypeFromExtension(ExtensionOf(type)), type);
  }
  EXPECT_EQ(ExtensionOf(ImageType::kJpeg), "jpg");
  EXPECT_EQ(MimeOf(ImageType::kWebp), "image/webp");
  EXPECT_FALSE(ImageTypeFromExtension("jpeg"));
  EXPECT_FALSE(ImageTypeFromExtension("JPG"));
  EXPECT_FALSE(ImageTypeFromExtension("svg"));
  EXPECT_FALSE(ImageTypeFromMime("image/svg+xml"));
}

}  // namespace
}  // namespace gazette::media
