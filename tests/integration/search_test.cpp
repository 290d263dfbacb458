// Full-text search through a real server: /search and /api/v1/search over the demo site plus articles
// written here with words the demo never uses, so that each test knows exactly what must be found.
#include <gtest/gtest.h>

// Articles are described with designated initializers naming only what each test cares about; the other
// members keep their defaults on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

#include <chrono>
#include <string>
#include <vector>

#include "gazette/domain/article.hpp"
#include "integration/html_scan.hpp"
#include "integration/running_site.hpp"

namespace gazette::testing {
namespace {

using namespace std::chrono_literals;
using domain::ArticleState;

constexpr const char* kBrowser =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

class SearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    RunningSiteOptions options;
    options.articles = 60;
    site_ = new RunningSite(options);
    auto& catalog = site_->storage().catalog();
    auto categories = catalog.ListCategories();
    ASSERT_TRUE(categories.ok() && !categories->empty());
    for (const auto& category : *categories) {
      if (category.slug == "switzerland") swiss_category_ = category.id;
      if (category.slug == "europe") europe_category_ = category.id;
      if (category.slug == "germany") german_category_ = category.id;
    }
    ASSERT_NE(swiss_category_, 0);
    ASSERT_NE(german_category_, 0);
    auto author = catalog.CreateAuthor({0, "vera-quill", "Vera Quill", "Reporter", "Gazette", "", ""});
    ASSERT_TRUE(author.ok()) << author.error().message;
    author_ = *author;
    auto other = catalog.CreateAuthor({0, "otto-blum", "Otto Blum", "Reporter", "Gazette", "", ""});
    ASSERT_TRUE(other.ok());
    other_author_ = *other;
    auto tag = catalog.CreateTag({0, "glimmerwork", "Glimmerwork"});
    ASSERT_TRUE(tag.ok());
    tag_ = *tag;
  }
  static void TearDownTestSuite() {
    delete site_;
    site_ = nullptr;
  }
  static RunningSite& site() { return *site_; }

  struct Text {
    std::string title;
    std::string intro = "An introduction.";
    std::string body = "A body.";
    int days_ago = 30;
    std::string country = "GB";
    ArticleState state = ArticleState::kPublished;
    std::int64_t category = 0;  ///< 0: Switzerland
    std::int64_t author = 0;    ///< 0: Vera Quill
    std::vector<std::int64_t> tags;
  };

  /// Stores an article through the second handle on the database, as the back office would; returns
  /// its slug.
  static std::string Write(const Text& text) {
    static int serial = 0;
    domain::Article a;
    a.title = text.title;
    a.slug = "search-test-" + std::to_string(++serial);
    a.country = text.country;
    a.category_id = text.category == 0 ? swiss_category_ : text.category;
    a.author_id = text.author == 0 ? author_ : text.author;
    a.intro_markdown = text.intro;
    a.intro_html = "<p>" + text.intro + "</p>";
    a.body_markdown = text.body;
    a.body_html = "<p>" + text.body + "</p>";
    a.state = text.state;
    a.publish_at = site().clock().Now() - std::chrono::days(text.days_ago);
    a.tag_ids = text.tags;
    auto id = site().storage().articles().Create(a, site().clock().Now());
    EXPECT_TRUE(id.ok()) << id.error().message;
    return a.slug;
  }

  /// The slugs of the results on the page, in order (taken from the result links).
  static std::vector<std::string> Slugs(const std::string& html) {
    std::vector<std::string> slugs;
    for (const auto& url : ValuesAfter(html, R"(<h2 class="search-result-title"><a href=")")) {
      slugs.push_back(url.substr(url.rfind('/') + 1));
    }
    return slugs;
  }

  static std::vector<std::string> Found(const std::string& query_string) {
    const auto answer = site().Get("/search?" + query_string);
    EXPECT_EQ(answer.status, 200u) << query_string << "\n" << answer.body;
    return Slugs(answer.body);
  }

  static RunningSite* site_;
  static std::int64_t swiss_category_;
  static std::int64_t europe_category_;
  static std::int64_t german_category_;
  static std::int64_t author_;
  static std::int64_t other_author_;
  static std::int64_t tag_;
};

RunningSite* SearchTest::site_ = nullptr;
std::int64_t SearchTest::swiss_category_ = 0;
std::int64_t SearchTest::europe_category_ = 0;
std::int64_t SearchTest::german_category_ = 0;
std::int64_t SearchTest::author_ = 0;
std::int64_t SearchTest::other_author_ = 0;
std::int64_t SearchTest::tag_ = 0;

using SlugList = std::vector<std::string>;

TEST_F(SearchTest, TitleMatchRanksAboveIntroAboveBody) {
  const auto body = Write({.title = "Weekly notes", .body = "The florbix committee met.", .days_ago = 1});
  const auto title = Write({.title = "Florbix plan agreed", .days_ago = 900});
  // Intros of a normal length: BM25 favours a match in a column much shorter than that column's average.
  const auto intro = Write({.title = "Weekly roundup",
                            .intro = "The committee met on Tuesday to go through the florbix plan for the "
                                     "coming year, its budget and the timetable agreed with the partners.",
                            .days_ago = 400});
  EXPECT_EQ(Found("q=florbix"), (SlugList{title, intro, body}));
}

TEST_F(SearchTest, ResultsShowTheCountLinksAndMarkedSnippets) {
  const auto slug = Write({.title = "Quendle report", .body = "The <quendle> & co. met."});
  const auto html = site().Get("/search?q=quendle").body;
  EXPECT_EQ(CountOf(html, R"(<article class="search-result">)"), 1u);
  EXPECT_NE(html.find(R"(<p class="search-count" role="status">1 result</p>)"), std::string::npos) << html;
  EXPECT_NE(html.find("<mark>Quendle</mark>"), std::string::npos) << html;
  EXPECT_NE(html.find("/" + slug + "\""), std::string::npos);
  // The article's own text is escaped: only our <mark> is markup.
  EXPECT_EQ(html.find("<quendle>"), std::string::npos);
}

TEST_F(SearchTest, PhraseExclusionAndPrefix) {
  const auto together = Write({.title = "Snorvel gate opens"});
  const auto apart = Write({.title = "Gate of the snorvel"});
  EXPECT_EQ(Found("q=%22snorvel+gate%22"), (SlugList{together}));
  EXPECT_EQ(Found("q=snorvel+-opens"), (SlugList{apart}));
  EXPECT_EQ(Found("q=snorv*&sort=date").size(), 2u);
}

TEST_F(SearchTest, StemmingAndAccentFolding) {
  const auto slug = Write({.title = "Zürich trelloxes councils"});
  EXPECT_EQ(Found("q=trellox+council"), (SlugList{slug}));
  EXPECT_EQ(Found("q=trellox+zurich"), (SlugList{slug}));
  EXPECT_EQ(Found("q=TRELLOX+Z%C3%9CRICH"), (SlugList{slug}));
}

TEST_F(SearchTest, DemoContentHasAccentedPlacesFoundWithoutAccents) {
  // The demo writes places such as Zürich, Kraków, Malmö into its titles and intros.
  bool any = false;
  for (const char* place : {"zurich", "krakow", "malmo", "sao+paulo", "besancon", "cordoba", "munchen", "lodz"}) {
    const auto answer = site().Get(std::string("/search?q=") + place);
    ASSERT_EQ(answer.status, 200u);
    if (CountOf(answer.body, R"(<article class="search-result">)") > 0) any = true;
  }
  EXPECT_TRUE(any);
}

TEST_F(SearchTest, EachFilterNarrowsTheResults) {
  const auto base = Write({.title = "Wubbolt in Zurich", .days_ago = 10, .country = "CH"});
  const auto german = Write({.title = "Wubbolt in Köln", .days_ago = 10, .country = "DE",
                             .category = german_category_});
  const auto other = Write({.title = "Wubbolt by Otto", .days_ago = 10, .author = other_author_});
  const auto tagged = Write({.title = "Wubbolt tagged", .days_ago = 10, .tags = {tag_}});
  const auto old = Write({.title = "Wubbolt of old", .days_ago = 3650});
  EXPECT_EQ(Found("q=wubbolt").size(), 5u);
  EXPECT_EQ(Found("q=wubbolt&category=germany"), (SlugList{german}));
  ASSERT_NE(europe_category_, 0);
  EXPECT_EQ(Found("q=wubbolt&category=europe").size(), 5u);  // its subcategories too
  EXPECT_EQ(Found("q=wubbolt&label=CH"), (SlugList{base}));
  EXPECT_EQ(Found("q=wubbolt&label=de"), (SlugList{german}));
  EXPECT_EQ(Found("q=wubbolt&tag=glimmerwork"), (SlugList{tagged}));
  EXPECT_EQ(Found("q=wubbolt&author=otto-blum"), (SlugList{other}));
  const int old_year = TimeZone::Utc().DateOf(site().clock().Now() - std::chrono::days(3650)).year;
  EXPECT_EQ(Found("q=wubbolt&to=" + std::to_string(old_year)), (SlugList{old}));
  EXPECT_EQ(Found("q=wubbolt&from=" + std::to_string(old_year) + "&to=" + std::to_string(old_year)), (SlugList{old}));
  EXPECT_EQ(Found("q=wubbolt&from=" + std::to_string(old_year + 2)).size(), 4u);
}

TEST_F(SearchTest, SortByDateIsNewestFirst) {
  const auto older = Write({.title = "Plonquist strategy", .days_ago = 50});
  const auto newer = Write({.title = "Other", .body = "plonquist", .days_ago = 5});
  EXPECT_EQ(Found("q=plonquist"), (SlugList{older, newer}));
  EXPECT_EQ(Found("q=plonquist&sort=date"), (SlugList{newer, older}));
}

TEST_F(SearchTest, DraftsTrashedArchivedAndFutureArticlesAreNeverFound) {
  const auto visible = Write({.title = "Grommet visible"});
  Write({.title = "Grommet draft", .state = ArticleState::kDraft});
  Write({.title = "Grommet trashed", .state = ArticleState::kTrashed});
  Write({.title = "Grommet archived", .state = ArticleState::kArchived});
  Write({.title = "Grommet tomorrow", .days_ago = -1, .state = ArticleState::kScheduled});
  EXPECT_EQ(Found("q=grommet"), (SlugList{visible}));
  EXPECT_NE(site().Get("/api/v1/search?q=grommet").body.find("\"total\":1,"), std::string::npos);
}

TEST_F(SearchTest, EditIsFoundAtOnce) {
  const auto slug = Write({.title = "Ashvane bridge"});
  ASSERT_EQ(Found("q=ashvane"), (SlugList{slug}));
  auto article = site().storage().articles().FindVisibleBySlug(slug, site().clock().Now());
  ASSERT_TRUE(article.ok());
  domain::Article changed = article->article;
  changed.title = "Birchmoor bridge";
  ASSERT_TRUE(site().storage().articles().Update(changed, changed.version, site().clock().Now(), std::nullopt).ok());
  EXPECT_EQ(Found("q=birchmoor"), (SlugList{slug}));
  EXPECT_TRUE(Found("q=ashvane").empty());
  const std::vector<std::int64_t> ids{changed.id};
  ASSERT_TRUE(site().storage().articles().SetState(ids, ArticleState::kTrashed, site().clock().Now(),
                                                   std::nullopt).ok());
  EXPECT_TRUE(Found("q=birchmoor").empty());
}

TEST_F(SearchTest, BlankSearchShowsTheFormWithoutResults) {
  for (const char* target : {"/search", "/search?q=", "/search?q=%20%20", "/search?q=%22%22"}) {
    const auto answer = site().Get(target);
    EXPECT_EQ(answer.status, 200u) << target;
    EXPECT_NE(answer.body.find(R"(<form class="search-form")"), std::string::npos) << target;
    EXPECT_EQ(answer.body.find("search-count"), std::string::npos) << target;
  }
}

TEST_F(SearchTest, EngineSyntaxAndStrayOperatorsAreSafe) {
  for (const char* q : {"%22unbalanced", "NEAR(", "NEAR(a+b)", "%5E", "title:x", "a+AND+b", "OR", "NOT",
                        "AND+OR+NOT", "(", ")", "*", "a+*", "-", "--", "%22%22%22", "%7B%7D", "a:b:c",
                        "%2B%2B", "%5C", "%27", "%01", "%E2%80%94"}) {
    const auto page = site().Get(std::string("/search?q=") + q);
    EXPECT_EQ(page.status, 200u) << q << "\n" << page.body;
    const auto api = site().Get(std::string("/api/v1/search?q=") + q);
    EXPECT_EQ(api.status, 200u) << q << "\n" << api.body;
  }
}

TEST_F(SearchTest, OnlyExcludedWordsGiveAClearMessage) {
  const auto page = site().Get("/search?q=-budget");
  EXPECT_EQ(page.status, 400u);
  EXPECT_NE(page.body.find("at least one word"), std::string::npos);
  EXPECT_NE(page.body.find(R"(<form class="search-form")"), std::string::npos);  // to fix it
  EXPECT_NE(page.body.find(R"(value="-budget")"), std::string::npos);
  const auto api = site().Get("/api/v1/search?q=-budget");
  EXPECT_EQ(api.status, 400u);
  EXPECT_NE(api.body.find("at least one word"), std::string::npos);
}

TEST_F(SearchTest, LongQueriesAreCutWithANoteOrRefusedByTheServerNeverAFailure) {
  std::string long_text;
  while (long_text.size() < 1500) long_text += "zorbl+";
  const auto cut = site().Get("/search?q=" + long_text);
  EXPECT_EQ(cut.status, 200u);
  EXPECT_NE(cut.body.find("first 1000 bytes"), std::string::npos);
  const auto api = site().Get("/api/v1/search?q=" + long_text);
  EXPECT_EQ(api.status, 200u);
  EXPECT_NE(api.body.find("first 1000 bytes"), std::string::npos);
  // 10,000 characters: past the server's request-line limit, refused before any search runs.
  const auto huge = site().Get("/search?q=" + std::string(10'000, 'a'));
  EXPECT_GE(huge.status, 400u);
  EXPECT_LT(huge.status, 500u);
}

TEST_F(SearchTest, InvalidUtf8AndNulAreBadRequests) {
  for (const char* q : {"%FF", "caf%C3", "%C0%AF", "%ED%A0%80", "%00", "a%00b"}) {
    const auto page = site().Get(std::string("/search?q=") + q);
    EXPECT_EQ(page.status, 400u) << q;
    const auto api = site().Get(std::string("/api/v1/search?q=") + q);
    EXPECT_EQ(api.status, 400u) << q;
  }
}

TEST_F(SearchTest, BadFiltersAreBadRequestsWithMessages) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"category=no-such-category", "no category"}, {"tag=no-such-tag", "no tag"},
      {"author=no-such-author", "no author"},        {"label=GBR", "two letters"},
      {"label=1", "two letters"},                    {"from=abc", "must be a year"},
      {"to=99999999999", "must be a year"},          {"from=2010&to=2005", "ends before"},
      {"sort=random", "relevance"},                  {"page=0", ""},
      {"page=abc", ""}};
  for (const auto& [parameters, message] : cases) {
    const auto page = site().Get("/search?q=council&" + parameters);
    EXPECT_EQ(page.status, 400u) << parameters;
    EXPECT_NE(page.body.find(message), std::string::npos) << parameters;
    const auto api = site().Get("/api/v1/search?q=council&" + parameters);
    EXPECT_EQ(api.status, 400u) << parameters;
    EXPECT_NE(api.body.find("\"error\""), std::string::npos) << parameters;
  }
}

TEST_F(SearchTest, PaginationCarriesTheQuery) {
  for (int i = 0; i < 12; ++i) Write({.title = "Pendrake number " + std::to_string(i), .days_ago = 20 + i});
  const auto first = site().Get("/search?q=pendrake&sort=date");
  EXPECT_EQ(CountOf(first.body, R"(<article class="search-result">)"), 10u);
  EXPECT_NE(first.body.find("12 results"), std::string::npos);
  const auto next = Unescape(FirstValueAfter(first.body, R"(<a rel="next" href=")"));
  EXPECT_EQ(next, "/search?q=pendrake&sort=date&page=2");
  const auto second = site().Get(next);
  EXPECT_EQ(CountOf(second.body, R"(<article class="search-result">)"), 2u);
  const auto far = site().Get("/search?q=pendrake&page=50");
  EXPECT_EQ(far.status, 200u);
  EXPECT_EQ(CountOf(far.body, R"(<article class="search-result">)"), 0u);
}

TEST_F(SearchTest, ApiAnswersJsonWithTheSameResults) {
  const auto slug = Write({.title = "Kestrine ferry", .country = "NO"});
  const auto answer = site().Get("/api/v1/search?q=kestrine&label=NO");
  ASSERT_EQ(answer.status, 200u);
  EXPECT_EQ(answer.Header("Content-Type"), "application/json");
  const auto& json = answer.body;
  EXPECT_NE(json.find("\"total\":1,"), std::string::npos) << json;
  EXPECT_NE(json.find("\"page\":1,"), std::string::npos) << json;
  EXPECT_NE(json.find("\"title\":\"Kestrine ferry\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"label\":\"NO\""), std::string::npos) << json;
  EXPECT_NE(json.find(slug + "\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"date\":\""), std::string::npos) << json;
  EXPECT_NE(json.find("<mark>Kestrine</mark>"), std::string::npos) << json;
  EXPECT_NE(site().Get("/api/v1/search?q=").body.find("\"results\":[]"), std::string::npos);
}

TEST_F(SearchTest, HeaderHasASearchFormThatWorksWithoutScript) {
  const auto html = site().Get("/").body;
  EXPECT_NE(html.find(R"(<form class="site-search" method="get" action="/search" role="search">)"),
            std::string::npos);
  EXPECT_NE(html.find(R"(<label class="visually-hidden" for="site-search-q">)"), std::string::npos);
  EXPECT_NE(html.find(R"(name="q")"), std::string::npos);
}

TEST(SearchCounting, TheSearchPageIsAPageViewAndTheApiIsNot) {
  RunningSiteOptions options;
  options.articles = 10;
  RunningSite site(options);
  const auto today = [&] {
    const std::string value = FirstValueAfter(site.Get("/api/v1/stats").body, "\"today\":", ',');
    return value.empty() ? -1 : std::stoll(value);
  };
  Get(site.port(), "/api/v1/search?q=council", {{"User-Agent", kBrowser}});
  EXPECT_EQ(today(), 0);
  Get(site.port(), "/search?q=council", {{"User-Agent", kBrowser}});
  EXPECT_EQ(today(), 1);
}

}  // namespace
}  // namespace gazette::testing
