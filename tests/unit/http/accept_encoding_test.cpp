#include "gazette/http/accept_encoding.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace gazette::http {
namespace {

constexpr ContentCoding kIdentity = ContentCoding::kIdentity;
constexpr ContentCoding kGzip = ContentCoding::kGzip;
constexpr ContentCoding kBrotli = ContentCoding::kBrotli;

ContentCoding Choose(std::string_view field) {
  return ChooseCoding(field, /*brotli_available=*/true);
}

TEST(AcceptEncoding, AbsentOrEmptyFieldMeansIdentity) {
  EXPECT_EQ(Choose(""), kIdentity);
  EXPECT_EQ(Choose("  "), kIdentity);
  EXPECT_EQ(Choose(" , ,"), kIdentity);
}

TEST(AcceptEncoding, PrefersBrotliOverGzipAtEqualWeight) {
  EXPECT_EQ(Choose("gzip, deflate, br"), kBrotli);
  EXPECT_EQ(Choose("br;q=0.5, gzip;q=0.5"), kBrotli);
  EXPECT_EQ(Choose("gzip, deflate"), kGzip);
  EXPECT_EQ(ChooseCoding("gzip, deflate, br", /*brotli_available=*/false), kGzip);
  EXPECT_EQ(ChooseCoding("br", /*brotli_available=*/false), kIdentity);
}

TEST(AcceptEncoding, HigherWeightWins) {
  EXPECT_EQ(Choose("br;q=0.5, gzip;q=0.8"), kGzip);
  EXPECT_EQ(Choose("br;q=0.001, gzip;q=0.0009"), kBrotli);  // 4 decimals: gzip's element is malformed
  EXPECT_EQ(Choose("br;q=0.1, gzip;q=0.01"), kBrotli);
  EXPECT_EQ(Choose("gzip;q=0.2, identity;q=0.5"), kIdentity);
  EXPECT_EQ(Choose("gzip;q=0.5, identity;q=0.5"), kGzip);
}

TEST(AcceptEncoding, ZeroWeightRefusesACoding) {
  EXPECT_EQ(Choose("br;q=0, gzip"), kGzip);
  EXPECT_EQ(Choose("br;q=0, gzip;q=0"), kIdentity);
  EXPECT_EQ(Choose("br;q=0.000, gzip;q=0."), kIdentity);
}

TEST(AcceptEncoding, StarCoversTheCodingsNotNamed) {
  EXPECT_EQ(Choose("*"), kBrotli);
  EXPECT_EQ(Choose("br;q=0, *"), kGzip);
  EXPECT_EQ(Choose("*;q=0.5, gzip"), kGzip);
  EXPECT_EQ(Choose("*;q=0, gzip;q=0.1"), kGzip);
  EXPECT_EQ(Choose("gzip;q=0.3, *;q=0.4"), kBrotli);
  // "*" also weighs identity when it is not named: identity 0.5 beats gzip 0.2, brotli ties with it.
  EXPECT_EQ(Choose("*;q=0.5, gzip;q=0.2, br;q=0"), kIdentity);
}

TEST(AcceptEncoding, IdentityIsTheAnswerWhenNothingIsAcceptable) {
  EXPECT_EQ(Choose("identity;q=0"), kIdentity);
  EXPECT_EQ(Choose("*;q=0"), kIdentity);
  EXPECT_EQ(Choose("identity;q=0, *;q=0"), kIdentity);
  EXPECT_EQ(Choose("deflate, compress"), kIdentity);
  EXPECT_EQ(Choose("identity;q=0, gzip"), kGzip);
}

TEST(AcceptEncoding, NamesAreCaseInsensitiveAndXGzipIsGzip) {
  EXPECT_EQ(Choose("GZIP"), kGzip);
  EXPECT_EQ(Choose("x-gzip"), kGzip);
  EXPECT_EQ(Choose("X-Gzip;Q=1"), kGzip);
  EXPECT_EQ(Choose("BR"), kBrotli);
  EXPECT_EQ(Choose("gzip, IDENTITY;q=1"), kGzip);
}

TEST(AcceptEncoding, ToleratesOptionalWhitespace) {
  EXPECT_EQ(Choose("\tgzip ;\tq=0.7 ,  br ; q=0.6\t"), kGzip);
  EXPECT_EQ(Choose("br ;q=0 , gzip"), kGzip);
}

TEST(AcceptEncoding, NamingACodingTwiceKeepsTheLowerWeight) {
  EXPECT_EQ(Choose("br, gzip, br;q=0"), kGzip);
  EXPECT_EQ(Choose("br;q=0, br"), kIdentity);
}

TEST(AcceptEncoding, SkipsMalformedElements) {
  // Each bad weight makes its whole element count as absent, so the coding it names is not acceptable.
  for (const char* field : {"br;q=2",    "br;q=1.5",   "br;q=1.001", "br;q=0.1234", "br;q=.5",
                            "br;q=00.5", "br;q=",      "br;q",       "br;q=-1",     "br;q=1e3",
                            "br;q=0,5",  "br;level=5", "br;q=1;x=y", "br;q =1",     "b r",
                            "br\"",      "br@",        ";q=1",       "br;q=0x1",    "br;q=1 .0"}) {
    EXPECT_NE(ChooseCoding(field, true), kBrotli) << field;
  }
  EXPECT_EQ(Choose("br;q=bad, gzip"), kGzip);
  EXPECT_EQ(Choose("gz ip, br"), kBrotli);
  EXPECT_EQ(Choose("1.0"), kIdentity);
  EXPECT_EQ(Choose("br;q=1."), kBrotli);
  EXPECT_EQ(Choose("br;q=1.000"), kBrotli);
}

TEST(AcceptEncoding, SurvivesHostileBytes) {
  const std::string with_nul("gzip\0br", 7);
  EXPECT_EQ(Choose(with_nul), kIdentity);
  EXPECT_EQ(Choose(std::string("\xff\xfe;q=1, gzip")), kGzip);
  EXPECT_EQ(Choose(";;;,,,;q=;q=1,=,=="), kIdentity);
  EXPECT_EQ(Choose("\r\ngzip"), kIdentity);
  std::mt19937 random(7);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 2000; ++round) {
    std::string field(static_cast<std::size_t>(round % 97), '\0');
    for (char& c : field) c = static_cast<char>(byte(random));
    const ContentCoding coding = Choose(field);
    EXPECT_TRUE(coding == kIdentity || coding == kGzip || coding == kBrotli);
  }
}

TEST(AcceptEncoding, AnOverlongFieldGetsIdentity) {
  std::string field;
  while (field.size() <= kMaxAcceptEncodingBytes) field += "gzip, ";
  EXPECT_EQ(Choose(field), kIdentity);
  field.resize(kMaxAcceptEncodingBytes);
  EXPECT_NE(Choose(field), kIdentity);  // at the limit it is still read
  EXPECT_EQ(Choose(std::string(1 << 20, ',')), kIdentity);
}

TEST(AcceptEncoding, NamesTheCodingsForContentEncoding) {
  EXPECT_EQ(ContentCodingName(kGzip), "gzip");
  EXPECT_EQ(ContentCodingName(kBrotli), "br");
  EXPECT_EQ(ContentCodingName(kIdentity), "identity");
}

}  // namespace
}  // namespace gazette::http
