#include "gazette/http/multipart.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace gazette::http {
namespace {

constexpr std::string_view kType = "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW";
constexpr std::string_view kDash = "------WebKitFormBoundary7MA4YWxkTrZu0gW";

/// A part as a browser writes it (without its boundary line).
std::string TextPart(std::string_view name, std::string_view value) {
  return "Content-Disposition: form-data; name=\"" + std::string(name) + "\"\r\n\r\n" + std::string(value);
}

std::string FilePart(std::string_view name, std::string_view filename, std::string_view type,
                     std::string_view data) {
  return "Content-Disposition: form-data; name=\"" + std::string(name) + "\"; filename=\"" +
         std::string(filename) + "\"\r\nContent-Type: " + std::string(type) + "\r\n\r\n" + std::string(data);
}

/// A whole body: each part after a boundary line, then the closing boundary.
std::string Body(const std::vector<std::string>& parts) {
  std::string body;
  for (const auto& part : parts) body += std::string(kDash) + "\r\n" + part + "\r\n";
  return body + std::string(kDash) + "--\r\n";
}

Error ParseError(std::string_view body, std::string_view type = kType, const MultipartLimits& limits = {}) {
  auto parts = ParseMultipartForm(type, body, limits);
  EXPECT_FALSE(parts.ok()) << body;
  if (parts.ok()) return {};
  EXPECT_EQ(parts.error().code, ErrorCode::kInvalid);
  EXPECT_FALSE(parts.error().message.empty());
  return parts.error();
}

TEST(MultipartBoundary, ReadsAPlainOrQuotedBoundary) {
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=abc").value(), "abc");
  EXPECT_EQ(MultipartBoundary("Multipart/Form-Data;boundary=\"a b:c\"").value(), "a b:c");
  EXPECT_EQ(MultipartBoundary("multipart/form-data; charset=utf-8; BOUNDARY=x-y").value(), "x-y");
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=\"a\\bc\"").value(), "abc") << "quoted-pair";
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=" + std::string(70, 'b')).value(),
            std::string(70, 'b'));
}

TEST(MultipartBoundary, RefusesMissingDoubledOrMalformedBoundaries) {
  for (const std::string& type : std::vector<std::string>{
           "multipart/form-data", "multipart/form-data;", "multipart/form-data; boundary=",
           "multipart/form-data; boundary=\"\"", "multipart/form-data; boundary=" + std::string(71, 'b'),
           "multipart/form-data; boundary=a; boundary=b", "multipart/form-data; boundary=\"abc",
           "multipart/form-data; boundary=\"ab \"", "multipart/form-data; boundary=\"a\"b\"",
           "multipart/form-data; boundary=\"a\rb\"", "multipart/form-data; boundary=\"a\xc3\xa9\"",
           "multipart/form-data boundary=abc", "multipart/mixed; boundary=abc", "text/plain; boundary=abc",
           "multipart/form-data; =abc", "multipart/form-data; boundary"}) {
    const auto boundary = MultipartBoundary(type);
    EXPECT_FALSE(boundary.ok()) << type;
    if (!boundary.ok()) {
      EXPECT_EQ(boundary.error().code, ErrorCode::kInvalid);
    }
  }
}

TEST(Multipart, ParsesTextFieldsAndFiles) {
  const std::string png = std::string("\x89PNG\r\n\x1a\n\0\0", 10) + "\r\n--almost a boundary";
  const std::string body = Body({TextPart("title", "Hello"), FilePart("image", "photo.png", "image/png", png),
                                 TextPart("body", "line one\r\nline two")});
  const auto parts = ParseMultipartForm(kType, body);
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  ASSERT_EQ(parts->size(), 3u);
  EXPECT_EQ((*parts)[0].name, "title");
  EXPECT_FALSE((*parts)[0].IsFile());
  EXPECT_EQ((*parts)[0].data, "Hello");
  EXPECT_EQ((*parts)[0].content_type, "");
  EXPECT_EQ((*parts)[1].name, "image");
  ASSERT_TRUE((*parts)[1].IsFile());
  EXPECT_EQ(*(*parts)[1].filename, "photo.png");
  EXPECT_EQ((*parts)[1].content_type, "image/png");
  EXPECT_EQ((*parts)[1].data, png);
  EXPECT_EQ((*parts)[2].data, "line one\r\nline two");
  // Data views point into the body: nothing is copied.
  EXPECT_GE((*parts)[1].data.data(), body.data());
  EXPECT_LE((*parts)[1].data.data() + (*parts)[1].data.size(), body.data() + body.size());
}

TEST(Multipart, AcceptsAnEmptyFileAndAnEmptyValue) {
  const std::string body = Body({FilePart("image", "", "application/octet-stream", ""), TextPart("t", "")});
  const auto parts = ParseMultipartForm(kType, body);
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_TRUE((*parts)[0].IsFile());
  EXPECT_EQ(*(*parts)[0].filename, "");
  EXPECT_EQ((*parts)[0].data, "");
  EXPECT_EQ((*parts)[1].data, "");
}

TEST(Multipart, APartWhoseHeadersRunIntoTheNextBoundaryHasNoBody) {
  // RFC 2046: the CRLF before a body belongs to the body, so "headers CRLF" + "CRLF--boundary" is no body.
  const std::string body = std::string(kDash) + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n" +
                           std::string(kDash) + "--";
  const auto parts = ParseMultipartForm(kType, body);
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].data, "");
}

TEST(Multipart, IgnoresPreambleEpilogueTransportPaddingAndOtherHeaders) {
  const std::string body = "This is a preamble.\r\n" + std::string(kDash) + " \t\r\n" +
                           "content-disposition: Form-Data; NAME=plain; filename*=UTF-8''x\r\n"
                           "Content-Transfer-Encoding: 8bit\r\n\r\nvalue\r\n" +
                           std::string(kDash) + "--  \r\nepilogue " + std::string(kDash) + "\r\ngarbage";
  const auto parts = ParseMultipartForm(kType, body);
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].name, "plain");
  EXPECT_FALSE((*parts)[0].IsFile()) << "filename* is not a filename";
  EXPECT_EQ((*parts)[0].data, "value");
}

TEST(Multipart, StripsPathComponentsFromFileNames) {
  const std::pair<const char*, const char*> cases[] = {{"../../etc/passwd", "passwd"},
                                                       {"C:\\x\\y.png", "y.png"},
                                                       {"/abs/path/z.jpg", "z.jpg"},
                                                       {"dir/", ""},
                                                       {"..", ""},
                                                       {"a/..", ""},
                                                       {".", ""},
                                                       {".hidden", ".hidden"},
                                                       {"Łódź.png", "Łódź.png"},
                                                       {"a\\b/c\\d.gif", "d.gif"},
                                                       {"name%22q.png", "name%22q.png"}};
  for (const auto& [sent, kept] : cases) {
    const auto parts = ParseMultipartForm(kType, Body({FilePart("f", sent, "image/png", "x")}));
    ASSERT_TRUE(parts.ok()) << sent << ": " << parts.error().message;
    EXPECT_EQ(*(*parts)[0].filename, kept) << sent;
  }
}

TEST(Multipart, RefusesBadFileNames) {
  ParseError(Body({FilePart("f", "a\tb.png", "image/png", "x")}));
  ParseError(Body({FilePart("f", "a\x01.png", "image/png", "x")}));
  ParseError(Body({FilePart("f", "\xC0\xAF.png", "image/png", "x")}));
  ParseError(Body({FilePart("f", std::string(256, 'n'), "image/png", "x")}));
  EXPECT_TRUE(ParseMultipartForm(kType, Body({FilePart("f", std::string(255, 'n'), "image/png", "x")})).ok());
}

TEST(Multipart, RefusesAMissingBoundary) {
  ParseError("");
  ParseError("just some text");
  ParseError(Body({TextPart("a", "1")}), "multipart/form-data; boundary=other");
  ParseError(Body({TextPart("a", "1")}), "application/x-www-form-urlencoded");
}

TEST(Multipart, RefusesATruncatedBody) {
  const std::string whole = Body({TextPart("title", "Hello"), FilePart("f", "a.png", "image/png", "xyz")});
  EXPECT_TRUE(ParseMultipartForm(kType, whole).ok());
  // Every proper prefix is refused (or, cut inside the closing "--" line's padding, still whole).
  const std::size_t closing = whole.rfind(kDash) + kDash.size() + 2;
  for (std::size_t length = 0; length < closing; ++length) {
    const auto parts = ParseMultipartForm(kType, std::string_view(whole).substr(0, length));
    EXPECT_FALSE(parts.ok()) << "cut at " << length;
  }
}

TEST(Multipart, RefusesAPartWithoutHeaders) {
  const Error error = ParseError(std::string(kDash) + "\r\n\r\nno headers\r\n" + std::string(kDash) + "--");
  EXPECT_NE(error.message.find("Content-Disposition"), std::string::npos) << error.message;
  ParseError(Body({""}));
  ParseError(Body({"Content-Type: text/plain\r\n\r\nx"}));
}

TEST(Multipart, RefusesBoundariesInWeirdPlaces) {
  // Two boundary lines in a row: the first part's headers never end.
  ParseError(std::string(kDash) + "\r\n" + Body({TextPart("a", "1")}));
  // A boundary inside a header block.
  ParseError(std::string(kDash) + "\r\nContent-Disposition: form-data; name=\"a\"\r\n" +
             Body({TextPart("b", "2")}));
  // The boundary followed by text: the sender let it occur inside a part.
  ParseError(Body({TextPart("a", "x\r\n" + std::string(kDash) + "tail")}));
  ParseError(std::string(kDash) + "X\r\n" + TextPart("a", "1") + "\r\n" + std::string(kDash) + "--");
  // A closing boundary with one dash.
  ParseError(std::string(kDash) + "\r\n" + TextPart("a", "1") + "\r\n" + std::string(kDash) + "-");
}

TEST(Multipart, RefusesMalformedHeaders) {
  ParseError(Body({"Content-Disposition form-data; name=\"a\"\r\n\r\nx"}));
  ParseError(Body({": form-data\r\n\r\nx"}));
  ParseError(Body({"Bad Name: x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx"}));
  ParseError(Body({"Content-Disposition: form-data;\r\n name=\"a\"\r\n\r\nx"}));  // a folded line
  ParseError(Body({"Content-Disposition: form-data; name=\"a\"\r\nContent-Type: te\x01xt\r\n\r\nx"}));
  ParseError(Body({"Content-Disposition: form-data; name=\"a\nb\"\r\n\r\nx"}));
  ParseError(
      Body({"Content-Disposition: form-data; name=\"a\"\r\nContent-Disposition: form-data; "
            "name=\"b\"\r\n\r\nx"}));
  ParseError(
      Body({"Content-Disposition: form-data; name=\"a\"\r\nContent-Type: a\r\nContent-Type: b\r\n\r\nx"}));
}

TEST(Multipart, RefusesBadDispositions) {
  for (const char* disposition :
       {"attachment; name=\"a\"", "form-data", "form-data; filename=\"x.png\"", "form-data; name=\"\"",
        "form-data; name=\"a\"; name=\"b\"", "form-data; name=\"a\"; filename=\"x\"; filename=\"y\"",
        "form-data; name=\"unterminated", "form-data; name", "form-data; name=", "form-data name=\"a\"",
        "form-data; name=\"a\" junk", "form-data; name=\"\xFF\""}) {
    ParseError(Body({std::string("Content-Disposition: ") + disposition + "\r\n\r\nx"}));
  }
  const std::string long_name(101, 'n');
  ParseError(Body({TextPart(long_name, "x")}));
}

TEST(Multipart, RefusesMoreThanTheMaximumParts) {
  std::vector<std::string> parts;
  for (int i = 0; i < 100; ++i) parts.push_back(TextPart("f" + std::to_string(i), "x"));
  EXPECT_TRUE(ParseMultipartForm(kType, Body(parts)).ok());
  parts.push_back(TextPart("one_more", "x"));
  const Error error = ParseError(Body(parts));
  EXPECT_NE(error.message.find("100"), std::string::npos) << error.message;
}

TEST(Multipart, RefusesAHugeHeaderBlock) {
  const std::string padding = "X-Padding: " + std::string(8 * 1024, 'p') + "\r\n";
  const Error error = ParseError(Body({padding + TextPart("a", "x")}));
  EXPECT_NE(error.message.find("8192"), std::string::npos) << error.message;
  // Many small lines add up as well.
  std::string lines;
  for (int i = 0; i < 1000; ++i) lines += "X-Line: 1\r\n";
  ParseError(Body({lines + TextPart("a", "x")}));
  // A header block without any line end.
  ParseError(std::string(kDash) + "\r\n" + std::string(100'000, 'h'));
  MultipartLimits small;
  small.max_part_header_bytes = 32;
  ParseError(Body({TextPart("a", "x")}), kType, small);
}

TEST(Multipart, TextPartsBecomeAFormAndFilesAreLeftOut) {
  const std::string body = Body({TextPart("title", "Café"), FilePart("image", "a.png", "image/png", "x"),
                                 TextPart("ids", "1"), TextPart("ids", "2")});
  const auto parts = ParseMultipartForm(kType, body);
  ASSERT_TRUE(parts.ok()) << parts.error().message;
  const auto form = FormFromTextParts(*parts);
  ASSERT_TRUE(form.ok()) << form.error().message;
  EXPECT_EQ(form->Get("title"), "Café");
  EXPECT_FALSE(form->Has("image"));
  EXPECT_EQ(form->GetAll("ids"), (std::vector<std::string_view>{"1", "2"}));
}

TEST(Multipart, TextPartsAreCheckedLikeUrlEncodedFields) {
  for (const std::string& value :
       {std::string("a\0b", 3), std::string("\xC0\xAF"), std::string("\x1b[31m")}) {
    const std::string body = Body({TextPart("title", value)});
    const auto parts = ParseMultipartForm(kType, body);
    ASSERT_TRUE(parts.ok()) << "the part itself is well-formed";
    const auto form = FormFromTextParts(*parts);
    ASSERT_FALSE(form.ok());
    EXPECT_NE(form.error().message.find("\"title\""), std::string::npos) << form.error().message;
  }
  // Binary file contents are the handler's business, not the form's.
  const std::string body =
      Body({FilePart("f", "a.bin", "application/octet-stream", std::string("\0\xff", 2))});
  const auto parts = ParseMultipartForm(kType, body);
  ASSERT_TRUE(parts.ok());
  EXPECT_TRUE(FormFromTextParts(*parts).ok());
}

TEST(Multipart, MangledBodiesGiveAnAnswerNotACrash) {
  // Deterministic mutations of a valid body; ASan turns any read past the end into a failure.
  const std::string valid = Body(
      {TextPart("title", "Hello"), FilePart("f", "../a.png", "image/png", "\x89PNG"), TextPart("ids", "1")});
  const std::string alphabet = std::string(kDash) + std::string("\r\n\"; -:=\\/\0x", 12);
  std::mt19937 random(20260101);
  for (int round = 0; round < 3000; ++round) {
    std::string body = valid;
    const int edits = 1 + static_cast<int>(random() % 4);
    for (int edit = 0; edit < edits && !body.empty(); ++edit) {
      const std::size_t at = random() % body.size();
      switch (random() % 4) {
        case 0:
          body[at] = alphabet[random() % alphabet.size()];
          break;
        case 1:
          body.erase(at, 1 + random() % 8);
          break;
        case 2:
          body.insert(at, std::string(kDash).substr(0, random() % (kDash.size() + 1)) + "\r\n");
          break;
        default:
          body.resize(at);
          break;
      }
    }
    const auto parts = ParseMultipartForm(kType, body);
    if (!parts.ok()) {
      EXPECT_EQ(parts.error().code, ErrorCode::kInvalid);
      continue;
    }
    for (const Part& part : *parts) {
      EXPECT_GE(part.data.data(), body.data());
      EXPECT_LE(part.data.data() + part.data.size(), body.data() + body.size());
    }
    (void)FormFromTextParts(*parts);
  }
}

TEST(FormBody, ReadsEitherEncoding) {
  const auto encoded = ParseFormBody("application/x-www-form-urlencoded; charset=UTF-8", "title=A+b");
  ASSERT_TRUE(encoded.ok()) << encoded.error().message;
  EXPECT_EQ(encoded->Get("title"), "A b");
  const auto multipart = ParseFormBody(kType, Body({TextPart("title", "A b")}));
  ASSERT_TRUE(multipart.ok()) << multipart.error().message;
  EXPECT_EQ(multipart->Get("title"), "A b");
  EXPECT_FALSE(ParseFormBody("application/json", "{}").ok());
  EXPECT_FALSE(ParseFormBody("", "title=x").ok());
}

}  // namespace
}  // namespace gazette::http
