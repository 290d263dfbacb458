#include "gazette/http/form.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace gazette::http {
namespace {

using Views = std::vector<std::string_view>;

Error ParseError(std::string_view body, const FormLimits& limits = {}) {
  auto form = ParseUrlEncodedForm(body, limits);
  EXPECT_FALSE(form.ok()) << body;
  if (form.ok()) return {};
  EXPECT_EQ(form.error().code, ErrorCode::kInvalid);
  return form.error();
}

TEST(UrlEncodedForm, DecodesFieldsInOrder) {
  const auto form = ParseUrlEncodedForm("title=Caf%C3%A9+au+lait&body=a%26b%3Dc&draft&&empty=");
  ASSERT_TRUE(form.ok()) << form.error().message;
  EXPECT_EQ(form->Get("title"), "Café au lait");
  EXPECT_EQ(form->Get("body"), "a&b=c");
  EXPECT_EQ(form->Get("draft"), "");
  EXPECT_EQ(form->Get("empty"), "");
  EXPECT_TRUE(form->Has("draft"));
  EXPECT_FALSE(form->Has("missing"));
  EXPECT_EQ(form->Get("missing"), std::nullopt);
  ASSERT_EQ(form->fields().size(), 4u);
  EXPECT_EQ(form->fields()[0].first, "title");
}

TEST(UrlEncodedForm, AnEmptyBodyIsAnEmptyForm) {
  const auto form = ParseUrlEncodedForm("");
  ASSERT_TRUE(form.ok());
  EXPECT_TRUE(form->fields().empty());
}

TEST(UrlEncodedForm, GetAllGivesEveryValueOfACheckboxList) {
  const auto form = ParseUrlEncodedForm("action=publish&ids=3&ids=17&other=x&ids=42");
  ASSERT_TRUE(form.ok());
  EXPECT_EQ(form->GetAll("ids"), (Views{"3", "17", "42"}));
  EXPECT_EQ(form->Get("ids"), "3") << "Get gives the first";
  EXPECT_TRUE(form->GetAll("none").empty());
}

TEST(UrlEncodedForm, KeepsTabsAndLineBreaksOfATextarea) {
  const auto form = ParseUrlEncodedForm("body=line+one%0D%0Aline%09two%0A");
  ASSERT_TRUE(form.ok()) << form.error().message;
  EXPECT_EQ(form->Get("body"), "line one\r\nline\ttwo\n");
}

TEST(UrlEncodedForm, PlusIsASpaceAndAnEncodedPlusIsAPlus) {
  const auto form = ParseUrlEncodedForm("q=c%2B%2B+rocks&a+b=1");
  ASSERT_TRUE(form.ok());
  EXPECT_EQ(form->Get("q"), "c++ rocks");
  EXPECT_EQ(form->Get("a b"), "1");
}

TEST(UrlEncodedForm, RefusesTruncatedAndMalformedEscapes) {
  for (const char* body :
       {"title=%", "title=%4", "title=abc%", "title=%zz", "title=%g0", "title=%%41", "ti%tle=x", "%=x"}) {
    ParseError(body);
  }
  EXPECT_NE(ParseError("title=%4").message.find("\"title\""), std::string::npos) << "names the field";
}

TEST(UrlEncodedForm, RefusesNulAndControlCharactersNamingTheField) {
  const Error nul = ParseError("ok=1&title=a%00b");
  EXPECT_NE(nul.message.find("\"title\""), std::string::npos) << nul.message;
  EXPECT_NE(nul.message.find("NUL"), std::string::npos) << nul.message;
  for (const char* body : {"title=%01", "title=%1B%5B31m", "title=%7F", "title=a%0Bb", "title=%0C",
                           "title=%C2%85", "title=%C2%9F"}) {
    const Error error = ParseError(body);
    EXPECT_NE(error.message.find("\"title\""), std::string::npos) << body << ": " << error.message;
  }
}

TEST(UrlEncodedForm, RefusesInvalidUtf8NamingTheField) {
  // Overlong '/', overlong NUL, a lone continuation byte, a truncated sequence, a surrogate, above U+10FFFF.
  for (const char* body : {"path=%C0%AF", "path=%C0%80", "path=%80", "path=%E2%82", "path=%ED%A0%80",
                           "path=%F4%90%80%80", "path=%FF", "path=%F8%88%80%80%80"}) {
    const Error error = ParseError(body);
    EXPECT_NE(error.message.find("\"path\""), std::string::npos) << body << ": " << error.message;
    EXPECT_NE(error.message.find("UTF-8"), std::string::npos) << body << ": " << error.message;
  }
}

TEST(UrlEncodedForm, AcceptsValidMultibyteText) {
  const auto form = ParseUrlEncodedForm("t=%C5%81%C3%B3d%C5%BA+%E2%82%AC+%F0%9F%98%80");
  ASSERT_TRUE(form.ok()) << form.error().message;
  EXPECT_EQ(form->Get("t"), "Łódź € 😀");
}

TEST(UrlEncodedForm, RefusesBadNames) {
  ParseError("=value");
  ParseError("a%00b=1");
  ParseError("a%0Ab=1");
  ParseError("%FF=1");
  ParseError("%C2%85=1");
}

TEST(UrlEncodedForm, RefusesMoreThanTheFieldLimit) {
  std::string body;
  for (int i = 0; i < 1000; ++i) body += "ids=" + std::to_string(i) + "&";
  const auto thousand = ParseUrlEncodedForm(body);
  ASSERT_TRUE(thousand.ok()) << thousand.error().message;
  EXPECT_EQ(thousand->GetAll("ids").size(), 1000u);
  const Error error = ParseError(body + "ids=1000");
  EXPECT_NE(error.message.find("1000"), std::string::npos) << error.message;
  EXPECT_FALSE(ParseUrlEncodedForm("a=1&b=2&c=3", FormLimits{2, 100}).ok());
}

TEST(UrlEncodedForm, RefusesHugeNames) {
  EXPECT_TRUE(ParseUrlEncodedForm(std::string(100, 'n') + "=1").ok());
  ParseError(std::string(101, 'n') + "=1");
  ParseError(std::string(1'000'000, 'n') + "=1");
  std::string encoded;
  for (int i = 0; i < 101; ++i) encoded += "%41";
  ParseError(encoded + "=1");
}

TEST(UrlEncodedForm, MangledBodiesGiveAnAnswerNotACrash) {
  const std::string valid = "title=Caf%C3%A9+au+lait&ids=1&ids=2&body=a%0D%0Ab";
  const std::string alphabet = std::string("%=&+0aFfG\xC3\xA9\x80\0\r", 14);
  std::mt19937 random(20260101);
  for (int round = 0; round < 3000; ++round) {
    std::string body = valid;
    for (int edit = 0; edit < 3 && !body.empty(); ++edit) {
      const std::size_t at = random() % body.size();
      if (random() % 2 == 0) {
        body[at] = alphabet[random() % alphabet.size()];
      } else {
        body.resize(at);
      }
    }
    const auto form = ParseUrlEncodedForm(body);
    if (!form.ok()) {
      EXPECT_EQ(form.error().code, ErrorCode::kInvalid) << body;
    }
  }
}

TEST(FormFromFields, ChecksFieldsLikeTheParser) {
  EXPECT_TRUE(Form::FromFields({{"title", "ok\r\n\t"}}).ok());
  EXPECT_FALSE(Form::FromFields({{"title", std::string("a\0b", 3)}}).ok());
  EXPECT_FALSE(Form::FromFields({{"title", "\xC0\xAF"}}).ok());
  EXPECT_FALSE(Form::FromFields({{"", "x"}}).ok());
  EXPECT_FALSE(Form::FromFields({{std::string(101, 'n'), "x"}}).ok());
  EXPECT_FALSE(Form::FromFields({{"a", "1"}, {"b", "2"}}, FormLimits{1, 100}).ok());
}

}  // namespace
}  // namespace gazette::http
