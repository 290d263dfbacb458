// Bad input against the whole site: each gets a clear 4xx answer, and the server keeps serving.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "integration/running_site.hpp"

namespace gazette::testing {
namespace {

using namespace std::chrono_literals;

class BadInputTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    RunningSiteOptions options;
    options.articles = 40;
    site_ = new RunningSite(options);
  }
  static void TearDownTestSuite() {
    delete site_;
    site_ = nullptr;
  }
  static RunningSite& site() { return *site_; }

  void TearDown() override {
    // Whatever the test sent, the site still answers.
    EXPECT_EQ(site().Get("/").status, 200u) << "the server stopped serving";
  }

  static unsigned RawStatus(const std::string& bytes) {
    const std::string answer = SendRaw(site().port(), bytes, 3s);
    if (answer.rfind("HTTP/1.1 ", 0) != 0) return 0;
    return static_cast<unsigned>(std::stoul(answer.substr(9, 3)));
  }

  static RunningSite* site_;
};

RunningSite* BadInputTest::site_ = nullptr;

TEST_F(BadInputTest, UnknownPathIsAThemedNotFoundPage) {
  const auto page = site().Get("/no/such/page/here");
  EXPECT_EQ(page.status, 404u);
  EXPECT_NE(page.body.find(R"(id="top")"), std::string::npos) << "the 404 page uses the site layout";
  EXPECT_EQ(page.Header("Content-Type"), "text/html; charset=utf-8");
}

TEST_F(BadInputTest, BadPageNumbersAreRefused) {
  for (const char* page : {"abc", "-1", "0", "1.5", "99999999999999999999", "%20"}) {
    const auto answer = site().Get(std::string("/?page=") + page);
    EXPECT_EQ(answer.status, 400u) << page;
    EXPECT_NE(answer.body.find("page"), std::string::npos) << "the message says what was wrong";
  }
  EXPECT_EQ(site().Get("/?page=999999").status, 404u);
  EXPECT_EQ(site().Get("/tag/does-not-matter?page=abc").status, 404u);
}

TEST_F(BadInputTest, InvalidPercentEncodingAndUtf8InThePath) {
  EXPECT_EQ(site().Get("/category/%zz").status, 400u);
  EXPECT_EQ(site().Get("/category/%").status, 400u);
  EXPECT_EQ(site().Get("/category/%ff%fe").status, 400u);
  EXPECT_EQ(site().Get("/category/a%00b").status, 400u);
}

TEST_F(BadInputTest, UnsupportedMethodsGet405WithAllow) {
  const auto answer = Request(site().port(), "POST", "/", {}, "x=1");
  EXPECT_EQ(answer.status, 405u);
  EXPECT_NE(answer.Header("Allow").find("GET"), std::string::npos);
  const auto del = Request(site().port(), "DELETE", "/archive", {}, "");
  EXPECT_EQ(del.status, 405u);
}

TEST_F(BadInputTest, OverlongRequestTargetGets414) {
  EXPECT_EQ(site().Get("/" + std::string(20000, 'a')).status, 414u);
}

TEST_F(BadInputTest, OverlongHeadersGet431) {
  EXPECT_EQ(site().Get("/", {{"X-Padding", std::string(40000, 'b')}}).status, 431u);
}

TEST_F(BadInputTest, OverlongBodyGets413) {
  EXPECT_EQ(RawStatus("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 50000000\r\n\r\n"), 413u);
}

TEST_F(BadInputTest, GarbageRequestLineGets400) {
  EXPECT_EQ(RawStatus("HELLO\r\n\r\n"), 400u);
  EXPECT_EQ(RawStatus("GET http://elsewhere.example/ HTTP/1.1\r\nHost: x\r\n\r\n"), 400u);
}

TEST_F(BadInputTest, AStalledHalfHeaderIsClosedAfterATimeout) {
  // The default header timeout is 10 s; SendRaw returns when the server closes, or after 15 s.
  const auto started = std::chrono::steady_clock::now();
  const std::string answer = SendRaw(site().port(), "GET / HTTP/1.1\r\nHost: x\r\nX-Half", 15s);
  const auto waited = std::chrono::steady_clock::now() - started;
  EXPECT_LT(waited, 14s) << "the server never closed the stalled connection";
  EXPECT_EQ(answer.find("200 OK"), std::string::npos);
}

}  // namespace
}  // namespace gazette::testing
