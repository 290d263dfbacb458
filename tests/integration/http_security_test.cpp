// The site's HTTP hardening through the real Application: security headers on every kind of answer, a
// theme that the Content-Security-Policy does not break, and body limits per path (uploads).
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "gazette/http/server.hpp"
#include "integration/html_scan.hpp"
#include "integration/running_site.hpp"

namespace gazette::testing {
namespace {

using namespace std::chrono_literals;

/// [server] max_upload_bytes for this suite: above the 1 MiB limit of every other path.
constexpr std::size_t kUploadLimit = 3 * 1024 * 1024;

class HttpSecurityTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    RunningSiteOptions options;
    options.articles = 12;
    options.env["GAZETTE_SERVER_MAX_UPLOAD_BYTES"] = std::to_string(kUploadLimit);
    site_ = new RunningSite(options);
  }
  static void TearDownTestSuite() {
    delete site_;
    site_ = nullptr;
  }
  static RunningSite& site() { return *site_; }

  /// A POST declaring a body of declared bytes but sending none of it: refused unread, or left waiting.
  static unsigned DeclaredPostStatus(const std::string& target, std::size_t declared) {
    const std::string answer =
        SendRaw(site().port(),
                "POST " + target +
                    " HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
                    "Content-Length: " +
                    std::to_string(declared) + "\r\n\r\n",
                2s);
    if (answer.rfind("HTTP/1.1 ", 0) != 0) return 0;
    return static_cast<unsigned>(std::stoul(answer.substr(9, 3)));
  }

  /// Every public kind of answer: pages, an article, errors, an asset, the API, robots.txt.
  static std::vector<std::pair<std::string, HttpResponse>> PublicAnswers() {
    std::vector<std::pair<std::string, HttpResponse>> answers;
    const HttpResponse front = site().Get("/");
    answers.emplace_back("front page", front);
    const std::string article = FirstValueAfter(front.body, R"(<a class="read-more" href=")");
    EXPECT_FALSE(article.empty());
    answers.emplace_back("article " + article, site().Get(article));
    answers.emplace_back("archive", site().Get("/archive"));
    answers.emplace_back("404", site().Get("/no/such/page"));
    answers.emplace_back("400", site().Get("/?page=abc"));
    answers.emplace_back("405", Request(site().port(), "POST", "/", {}, "x=1"));
    const std::string stylesheet = FirstValueAfter(front.body, R"(<link rel="stylesheet" href=")");
    EXPECT_FALSE(stylesheet.empty());
    answers.emplace_back("asset " + stylesheet, site().Get(stylesheet));
    answers.emplace_back("API", site().Get("/api/v1/stats"));
    answers.emplace_back("robots.txt", site().Get("/robots.txt"));
    return answers;
  }

  static RunningSite* site_;
};

RunningSite* HttpSecurityTest::site_ = nullptr;

TEST_F(HttpSecurityTest, EveryPublicAnswerCarriesTheSecurityHeaders) {
  for (const auto& [what, answer] : PublicAnswers()) {
    ASSERT_NE(answer.status, 0u) << what;
    EXPECT_EQ(answer.Header("Content-Security-Policy"), http::kDefaultContentSecurityPolicy) << what;
    EXPECT_EQ(answer.Header("X-Content-Type-Options"), "nosniff") << what;
    EXPECT_EQ(answer.Header("Referrer-Policy"), "strict-origin-when-cross-origin") << what;
    EXPECT_EQ(answer.Header("X-Frame-Options"), "DENY") << what;
  }
}

TEST_F(HttpSecurityTest, AnswersOfTheServerItselfCarryThemToo) {
  const std::string answer =
      SendRaw(site().port(), "GET /" + std::string(20000, 'a') + " HTTP/1.1\r\n\r\n", 2s);
  const auto response = ParseResponse(answer);
  ASSERT_TRUE(response.has_value()) << answer;
  EXPECT_EQ(response->status, 414u);
  EXPECT_EQ(response->Header("Content-Security-Policy"), http::kDefaultContentSecurityPolicy);
}

TEST_F(HttpSecurityTest, PagesHoldNoInlineScriptOrStyleTheCspWouldBlock) {
  for (const auto& [what, answer] : PublicAnswers()) {
    if (answer.Header("Content-Type").find("text/html") == std::string_view::npos) continue;
    const std::string& html = answer.body;
    EXPECT_EQ(html.find("<style"), std::string::npos) << what;
    EXPECT_EQ(html.find(" style="), std::string::npos) << what;
    EXPECT_EQ(html.find("javascript:"), std::string::npos) << what;
    for (const std::string& script : ValuesAfter(html, "<script", '>')) {
      // A JSON-LD data block is never executed, so the CSP has nothing to block there.
      if (script == R"( type="application/ld+json")") continue;
      EXPECT_NE(script.find("src="), std::string::npos) << what << ": inline <script" << script << ">";
    }
    for (const char* handler : {" onclick=", " onload=", " onerror=", " onsubmit=", " onchange="}) {
      EXPECT_EQ(html.find(handler), std::string::npos) << what << ": " << handler;
    }
  }
}

TEST_F(HttpSecurityTest, ABodyOverTheLimitOfAnOrdinaryPathIs413) {
  EXPECT_EQ(DeclaredPostStatus("/", 2 * 1024 * 1024), 413u);
  EXPECT_EQ(DeclaredPostStatus("/admin", 2 * 1024 * 1024), 413u);
  EXPECT_EQ(DeclaredPostStatus("/admin/mediafoo", 2 * 1024 * 1024), 413u);
  EXPECT_EQ(Request(site().port(), "POST", "/", {}, std::string(1024 * 1024 + 1, 'x')).status, 413u);
}

TEST_F(HttpSecurityTest, TheMediaUploadPathTakesALargerBodyUpToMaxUploadBytes) {
  // Whatever the routes make of it (404 with no media route, 405, a refusal to an anonymous client), an
  // answer other than 413 shows the server read the whole body and passed it on.
  for (const auto& [target, bytes] : {std::pair<std::string, std::size_t>{"/admin/media", 2 * 1024 * 1024},
                                      {"/admin/media/upload", kUploadLimit}}) {
    const HttpResponse upload = Request(site().port(), "POST", target, {}, std::string(bytes, 'x'));
    EXPECT_NE(upload.status, 0u) << target;
    EXPECT_NE(upload.status, 413u) << target;
  }
  EXPECT_EQ(DeclaredPostStatus("/admin/media", kUploadLimit + 1), 413u);
  EXPECT_EQ(site().Get("/").status, 200u) << "the site goes on serving";
}

}  // namespace
}  // namespace gazette::testing
