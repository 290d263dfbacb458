#include "gazette/render/templates.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "support/temp_dir.hpp"

namespace gazette::render {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

constexpr std::string_view kPlainLayout = "{{{content}}}";

void Write(const fs::path& root, const std::string& name, std::string_view text) {
  const fs::path path = root / "templates" / (name + ".mustache");
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

Templates LoadOrDie(const std::vector<fs::path>& roots) {
  auto templates = Templates::Load(roots);
  if (!templates.ok()) {
    ADD_FAILURE() << templates.error().message;
    std::abort();
  }
  return std::move(templates).value();
}

std::string Page(const Templates& templates, std::string_view page, View view) {
  auto html = templates.RenderPage(page, std::move(view));
  EXPECT_TRUE(html.ok()) << html.error().message;
  return html.ok() ? *html : std::string();
}

class TemplatesTest : public ::testing::Test {
 protected:
  fs::path Root(const std::string& name) const { return dir_ / name; }
  testing::TempDir dir_;
};

TEST_F(TemplatesTest, EscapesValuesIncludingSingleQuotes) {
  Write(Root("a"), "layouts/default", kPlainLayout);
  Write(Root("a"), "pages/p", "<p title=\"{{t}}\" data-x='{{t}}'>{{t}}</p>");
  View view;
  view["t"] = std::string("<script>\"x\" & 'y'</script>");
  EXPECT_EQ(Page(LoadOrDie({Root("a")}), "p", view),
            "<p title=\"&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;\" "
            "data-x='&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;'>"
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;</p>");
}

TEST_F(TemplatesTest, TripleMustacheAndAmpersandPassHtmlThrough) {
  Write(Root("a"), "layouts/default", kPlainLayout);
  Write(Root("a"), "pages/p", "{{{html}}}|{{& html}}|{{html}}");
  View view;
  view["html"] = std::string("<em>ok</em>");
  EXPECT_EQ(Page(LoadOrDie({Root("a")}), "p", view), "<em>ok</em>|<em>ok</em>|&lt;em&gt;ok&lt;/em&gt;");
}

TEST_F(TemplatesTest, RendersSectionsListsAndInvertedSections) {
  Write(Root("a"), "layouts/default", kPlainLayout);
  Write(Root("a"), "pages/p",
        "{{#items}}[{{name}}]{{/items}}{{^items}}none{{/items}}{{#flag}}F{{/flag}}{{^flag}}f{{/flag}}"
        "{{#author}}{{name}} ({{role}}){{/author}} {{author.name}}");
  View view;
  ViewList items;
  for (const char* name : {"a", "b", "c"}) items.push_back(View("name", View(std::string(name))));
  view["items"] = View(items);
  view["flag"] = View(false);
  view["author"] =
      View(ViewObject{{"name", View(std::string("Ann"))}, {"role", View(std::string("editor"))}});
  EXPECT_EQ(Page(LoadOrDie({Root("a")}), "p", view), "[a][b][c]fAnn (editor) Ann");

  View empty;
  empty["items"] = View(ViewList{});
  empty["flag"] = View(true);
  EXPECT_EQ(Page(LoadOrDie({Root("a")}), "p", empty), "noneF ");
}

TEST_F(TemplatesTest, ResolvesDottedNamesAndOuterValuesInsideSections) {
  Write(Root("a"), "layouts/default", kPlainLayout);
  Write(Root("a"), "pages/p",
        "{{a.b.c}}|{{a.b.missing}}|{{#list}}<{{.}}>{{/list}}|"
        "{{#outer}}{{#inner}}{{name}}/{{top}}/{{a.b.c}}/{{inner.name}}{{/inner}}{{/outer}}|{{a.}}|{{.a}}");
  View c;
  c["c"] = std::string("deep");
  View b;
  b["b"] = std::move(c);
  View inner;
  inner["name"] = std::string("in");
  View outer;
  outer["inner"] = std::move(inner);
  outer["name"] = std::string("out");
  View view;
  view["a"] = std::move(b);
  view["top"] = std::string("t");
  view["outer"] = std::move(outer);
  view["list"] = View(ViewList{View(std::string("x")), View(std::string("y"))});
  // "a." reads as "a", an object, which a variable tag shows as nothing; ".a" looks for a key "" first.
  EXPECT_EQ(Page(LoadOrDie({Root("a")}), "p", view), "deep||<x><y>|in/t/deep/in||");
}

TEST_F(TemplatesTest, LooksSiteWideValuesUpAfterThePagesOwn) {
  Write(Root("a"), "layouts/default", "[{{#nav}}<{{.}}>{{/nav}}|{{name}}]{{{content}}}");
  Write(Root("a"), "pages/p", "{{#item}}{{name}}/{{site}}{{/item}}|{{name}}|{{site}}");
  View site_wide;
  site_wide["nav"] = View(ViewList{View(std::string("News")), View(std::string("Sport"))});
  site_wide["name"] = std::string("shared");
  site_wide["site"] = std::string("S");
  View item;
  item["name"] = std::string("inner");
  View view;
  view["name"] = std::string("own");
  view["item"] = std::move(item);
  const Templates templates = LoadOrDie({Root("a")});
  auto html = templates.RenderPage("p", std::move(view), &site_wide);
  ASSERT_TRUE(html.ok()) << html.error().message;
  EXPECT_EQ(*html, "[<News><Sport>|own]inner/S|own|S");
  // Without it, the same names are simply missing.
  View alone;
  alone["name"] = std::string("own");
  EXPECT_EQ(Page(templates, "p", std::move(alone)), "[|own]|own|");
}

TEST_F(TemplatesTest, WrapsPagesInTheLayout) {
  Write(Root("a"), "layouts/default", "<title>{{title}}</title><main>{{{content}}}</main>");
  Write(Root("a"), "pages/front", "<h1>{{title}}</h1>");
  View view;
  view["title"] = std::string("News & views");
  EXPECT_EQ(Page(LoadOrDie({Root("a")}), "front", view),
            "<title>News &amp; views</title><main><h1>News &amp; views</h1></main>");
}

TEST_F(TemplatesTest, IncludesPartialsFromThePartialsFolder) {
  Write(Root("a"), "layouts/default", "{{> header}}{{{content}}}");
  Write(Root("a"), "pages/front", "<ul>{{#teasers}}{{> teaser}}{{/teasers}}</ul>");
  Write(Root("a"), "partials/teaser", "<li>{{> teaser/title}}</li>");
  Write(Root("a"), "partials/teaser/title", "{{title}}");
  Write(Root("a"), "partials/header", "<header>{{site}}</header>");
  View view;
  view["site"] = std::string("Gazette");
  view["teasers"] =
      View(ViewList{View("title", View(std::string("One"))), View("title", View(std::string("<Two>")))});
  // A view key named like a partial does not replace the partial.
  view["teaser"] = std::string("not a template");
  EXPECT_EQ(Page(LoadOrDie({Root("a")}), "front", view),
            "<header>Gazette</header><ul><li>One</li><li>&lt;Two&gt;</li></ul>");
}

TEST_F(TemplatesTest, RendersRecursivePartials) {
  Write(Root("a"), "layouts/default", kPlainLayout);
  Write(Root("a"), "pages/tree", "{{#root}}{{> node}}{{/root}}");
  Write(Root("a"), "partials/node", "{{name}}{{#children}}({{> node}}){{/children}}");
  View leaf("name", View(std::string("leaf")));
  // Without its own (empty) children a leaf would see its parent's through the context stack, forever.
  leaf["children"] = View(ViewList{});
  View middle("name", View(std::string("mid")));
  middle["children"] = View(ViewList{leaf, leaf});
  View root("name", View(std::string("top")));
  root["children"] = View(ViewList{middle});
  View view;
  view.set("root", root);
  EXPECT_EQ(Page(LoadOrDie({Root("a")}), "tree", view), "top(mid(leaf)(leaf))");
}

TEST_F(TemplatesTest, KeepsDelimitersSetInAPartialInsideIt) {
  Write(Root("a"), "layouts/default", kPlainLayout);
  Write(Root("a"), "pages/p", "{{> odd}}|{{x}}");
  Write(Root("a"), "partials/odd", "{{=<% %>=}}<%x%>{{x}}");
  View view;
  view["x"] = std::string("1");
  EXPECT_EQ(Page(LoadOrDie({Root("a")}), "p", view), "1{{x}}|1");
}

TEST_F(TemplatesTest, LaterRootsOverrideEarlierOnesFileByFile) {
  Write(Root("theme"), "layouts/default", "<body>{{{content}}}</body>");
  Write(Root("theme"), "pages/front", "{{> teaser}}");
  Write(Root("theme"), "partials/teaser", "theme teaser");
  Write(Root("site"), "partials/teaser", "site teaser");
  const Templates templates = LoadOrDie({Root("theme"), Root("site"), Root("missing")});
  EXPECT_EQ(Page(templates, "front", View()), "<body>site teaser</body>");
  EXPECT_EQ(Page(LoadOrDie({Root("site"), Root("theme")}), "front", View()), "<body>theme teaser</body>");
}

TEST_F(TemplatesTest, ReportsParseErrorsWithTheFileAndLine) {
  Write(Root("a"), "layouts/default", kPlainLayout);
  Write(Root("a"), "pages/good", "fine");
  Write(Root("a"), "pages/bad", "line one\n{{#open}}never closed\n");
  const auto templates = Templates::Load({Root("a")});
  ASSERT_FALSE(templates.ok());
  EXPECT_EQ(templates.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(templates.error().message, HasSubstr("pages/bad.mustache"));
  EXPECT_THAT(templates.error().message, HasSubstr("Unclosed section \"open\" at line 2, column 1"));
}

TEST_F(TemplatesTest, ReportsUnclosedTags) {
  Write(Root("a"), "layouts/default", kPlainLayout);
  Write(Root("a"), "partials/broken", "ab {{name");
  const auto templates = Templates::Load({Root("a")});
  ASSERT_FALSE(templates.ok());
  EXPECT_THAT(templates.error().message,
              HasSubstr("partials/broken.mustache: Unclosed tag at line 1, column 4"));
}

TEST_F(TemplatesTest, ReportsUnknownPartials) {
  Write(Root("a"), "layouts/default", kPlainLayout);
  Write(Root("a"), "pages/front", "{{> teasr}}");
  const auto templates = Templates::Load({Root("a")});
  ASSERT_FALSE(templates.ok());
  EXPECT_EQ(templates.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(templates.error().message, HasSubstr("pages/front.mustache: unknown partial \"teasr\""));
}

TEST_F(TemplatesTest, RequiresALayout) {
  Write(Root("a"), "pages/front", "x");
  const auto templates = Templates::Load({Root("a")});
  ASSERT_FALSE(templates.ok());
  EXPECT_THAT(templates.error().message, HasSubstr("layouts/default.mustache"));
  EXPECT_FALSE(Templates::Load({Root("nothing-here")}).ok());
}

TEST_F(TemplatesTest, RefusesTemplatesOverOneMebibyte) {
  Write(Root("a"), "layouts/default", kPlainLayout);
  Write(Root("a"), "pages/huge", std::string(1024 * 1024 + 1, 'x'));
  const auto templates = Templates::Load({Root("a")});
  ASSERT_FALSE(templates.ok());
  EXPECT_THAT(templates.error().message, HasSubstr("pages/huge.mustache"));
  EXPECT_THAT(templates.error().message, HasSubstr("larger than 1 MiB"));
}

TEST_F(TemplatesTest, IgnoresFilesThatAreNotTemplates) {
  Write(Root("a"), "layouts/default", kPlainLayout);
  Write(Root("a"), "pages/front", "ok");
  fs::create_directories(Root("a") / "templates" / "pages");
  std::ofstream(Root("a") / "templates" / "pages" / "notes.txt") << "{{#broken";
  std::ofstream(Root("a") / "templates" / "front.mustache") << "{{#broken";
  EXPECT_EQ(Page(LoadOrDie({Root("a")}), "front", View()), "ok");
}

TEST_F(TemplatesTest, UnknownPageIsNotFound) {
  Write(Root("a"), "layouts/default", kPlainLayout);
  const Templates templates = LoadOrDie({Root("a")});
  for (const char* page : {"missing", "", "../layouts/default", "default"}) {
    const auto html = templates.RenderPage(page, View());
    ASSERT_FALSE(html.ok()) << page;
    EXPECT_EQ(html.error().code, ErrorCode::kNotFound);
  }
}

TEST_F(TemplatesTest, RendersFragmentsWithoutTheLayout) {
  Write(Root("a"), "layouts/default", "<html>{{{content}}}</html>");
  Write(Root("a"), "partials/counter", "<b>{{n}}</b>");
  const Templates templates = LoadOrDie({Root("a")});
  View view;
  view["n"] = std::string("3");
  const auto html = templates.RenderFragment("partials/counter", view);
  ASSERT_TRUE(html.ok());
  EXPECT_EQ(*html, "<b>3</b>");
  EXPECT_EQ(templates.RenderFragment("partials/none", view).error().code, ErrorCode::kNotFound);
}

TEST_F(TemplatesTest, RecoversAfterARenderingError) {
  Write(Root("a"), "layouts/default", kPlainLayout);
  Write(Root("a"), "pages/p", "[{{value}}]");
  const Templates templates = LoadOrDie({Root("a")});
  View bad;
  bad["value"] = View(kainjow::mustache::lambda2(
      [](const std::string&, const kainjow::mustache::renderer&) { return std::string("x"); }));
  const auto failed = templates.RenderPage("p", bad);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, ErrorCode::kInternal);
  View good;
  good["value"] = std::string("fine");
  EXPECT_EQ(Page(templates, "p", good), "[fine]");
}

TEST_F(TemplatesTest, RendersTheSameFromManyThreads) {
  Write(Root("a"), "layouts/default", "<main>{{{content}}}</main>{{> footer}}");
  Write(Root("a"), "pages/front", "{{#teasers}}{{> teaser}}{{/teasers}}");
  Write(Root("a"), "partials/teaser", "<article>{{title}}</article>\n");
  Write(Root("a"), "partials/footer", "<footer>{{site}}</footer>");
  const Templates templates = LoadOrDie({Root("a")});
  View view;
  view["site"] = std::string("Gazette");
  ViewList teasers;
  for (int i = 0; i < 10; ++i)
    teasers.push_back(View("title", View("Title " + std::to_string(i) + " & more")));
  view["teasers"] = View(teasers);
  const std::string expected = Page(templates, "front", view);
  ASSERT_THAT(expected, HasSubstr("<article>Title 9 &amp; more</article>"));

  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < mismatches.size(); ++i) {
    threads.emplace_back([&, i] {
      for (int round = 0; round < 50; ++round) {
        const auto html = templates.RenderPage("front", view);
        if (!html.ok() || *html != expected) ++mismatches[i];
      }
    });
  }
  for (auto& t : threads) t.join();
  for (const int m : mismatches) EXPECT_EQ(m, 0);
}

TEST_F(TemplatesTest, StaysUsableAfterAMove) {
  Write(Root("a"), "layouts/default", kPlainLayout);
  Write(Root("a"), "pages/p", "{{x}}");
  Templates first = LoadOrDie({Root("a")});
  View view;
  view["x"] = std::string("1");
  EXPECT_EQ(Page(first, "p", view), "1");
  Templates second = std::move(first);
  EXPECT_EQ(Page(second, "p", view), "1");
}

TEST(DefaultTheme, Loads) {
  const auto templates = Templates::Load({fs::path(GAZETTE_SOURCE_DIR) / "themes" / "default"});
  EXPECT_TRUE(templates.ok()) << templates.error().message;
}

}  // namespace
}  // namespace gazette::render
