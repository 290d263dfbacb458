// /admin/settings: the site settings saved in the database, in effect on the public site at the next
// request, kept across restarts, refused field by field when wrong.
#include <gtest/gtest.h>

#include <string>

#include "gazette/domain/user.hpp"
#include "integration/admin_client.hpp"
#include "integration/html_scan.hpp"
#include "integration/running_site.hpp"

namespace gazette::testing {
namespace {

using domain::Role;

constexpr const char* kPassword = "correct horse battery staple";

bool Contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

/// The fields of the settings form as the page fills them (the values in effect), found through their
/// labels as a person would.
FormFields SettingsForm(const std::string& html) {
  FormFields fields;
  for (const char* label : {"Site name", "Tagline", "Time zone", "Language", "Date format", "Page size",
                            "Counter rows", "Initial total"}) {
    std::string name;
    for (const auto& candidate : ValuesAfter(html, "<label for=\"")) {
      if (Contains(html, "<label for=\"" + candidate + "\">" + label + "</label>")) name = candidate;
    }
    EXPECT_FALSE(name.empty()) << "no control labelled " << label;
    const auto input = html.find("name=\"" + name + "\"");
    const std::string value =
        input == std::string::npos ? "" : FirstValueAfter(html.substr(input), "value=\"");
    fields.emplace_back(name, Unescape(value));
  }
  return fields;
}

void Set(FormFields& fields, const std::string& name, const std::string& value) {
  for (auto& [field, text] : fields) {
    if (field == name) text = value;
  }
}

class AdminSettings : public ::testing::Test {
 protected:
  void SetUp() override {
    RunningSiteOptions options;
    options.articles = 30;
    site_ = std::make_unique<RunningSite>(options);
    site_->AddUser("chief@example.com", Role::kAdmin, kPassword);
    site_->AddUser("desk@example.com", Role::kEditor, kPassword);
  }
  AdminClient LoggedIn(const std::string& email) {
    AdminClient client(site_->port());
    EXPECT_EQ(client.LogIn(email, kPassword).status, 303u);
    return client;
  }
  FormFields CurrentForm(AdminClient& admin) {
    const auto page = admin.Get("/admin/settings");
    EXPECT_EQ(page.status, 200u);
    return SettingsForm(page.body);
  }

  std::unique_ptr<RunningSite> site_;
};

TEST_F(AdminSettings, TheFormShowsTheValuesInEffect) {
  auto admin = LoggedIn("chief@example.com");
  const auto fields = CurrentForm(admin);
  ASSERT_EQ(fields.size(), 8u);
  EXPECT_EQ(fields[2], (std::pair<std::string, std::string>{"site_timezone", "Europe/London"}));
  EXPECT_EQ(fields[5].second, "10");
}

TEST_F(AdminSettings, SavedSettingsAppearOnTheFrontPageAtTheNextRequest) {
  ASSERT_EQ(site_->Get("/").status, 200u);  // the front page is in the page cache before the change
  auto admin = LoggedIn("chief@example.com");
  auto fields = CurrentForm(admin);
  Set(fields, "site_name", "The Harbour Herald");
  Set(fields, "site_tagline", "Tides & times since 1901");
  Set(fields, "site_date_format", "'Printed' yyyy");
  Set(fields, "site_page_size", "3");
  Set(fields, "stats_rows", "all, today");
  Set(fields, "stats_initial_total", "53000000");
  const auto saved = admin.Post("/admin/settings", fields);
  ASSERT_EQ(saved.status, 303u) << saved.body;
  EXPECT_EQ(saved.Header("Location"), "/admin/settings?done=settings-saved");

  const auto front = site_->Get("/");
  ASSERT_EQ(front.status, 200u);
  EXPECT_TRUE(Contains(front.body, "<a href=\"/\" rel=\"home\">The Harbour Herald</a>"));
  EXPECT_TRUE(Contains(front.body, "Tides &amp; times since 1901"));
  const std::string iso = FirstValueAfter(front.body, "<time class=\"site-date\" datetime=\"");
  ASSERT_EQ(iso.size(), 10u);
  EXPECT_TRUE(Contains(front.body, ">Printed " + iso.substr(0, 4) + "</time>"));
  EXPECT_EQ(CountOf(front.body, "<article class=\"teaser\">"), 3u);
  const auto all_at = front.body.find("data-counter=\"all\"");
  const auto today_at = front.body.find("data-counter=\"today\"");
  ASSERT_NE(all_at, std::string::npos);
  ASSERT_NE(today_at, std::string::npos);
  EXPECT_LT(all_at, today_at);
  EXPECT_FALSE(Contains(front.body, "data-counter=\"yesterday\""));
  EXPECT_TRUE(Contains(front.body, "data-counter=\"all\">53,000,")) << front.body.substr(all_at, 80);
  // The back office's own header follows too.
  EXPECT_TRUE(Contains(admin.Get("/admin").body, "The Harbour Herald"));
  // And the change is in the audit log, with what changed.
  const auto log = admin.Get("/admin/audit");
  EXPECT_TRUE(Contains(log.body, "<td>settings.changed</td>"));
  EXPECT_TRUE(Contains(log.body, "site.page_size = 3"));
}

TEST_F(AdminSettings, SavedSettingsSurviveARestart) {
  auto admin = LoggedIn("chief@example.com");
  auto fields = CurrentForm(admin);
  Set(fields, "site_name", "Kept Across Restarts");
  Set(fields, "site_page_size", "4");
  Set(fields, "site_timezone", "Asia/Tokyo");
  ASSERT_EQ(admin.Post("/admin/settings", fields).status, 303u);
  site_->Restart();
  const auto front = site_->Get("/");
  EXPECT_TRUE(Contains(front.body, "Kept Across Restarts"));
  EXPECT_EQ(CountOf(front.body, "<article class=\"teaser\">"), 4u);
  EXPECT_TRUE(Contains(site_->Get("/api/v1/stats").body, "Asia/Tokyo"));
  auto again = LoggedIn("chief@example.com");
  const auto form = CurrentForm(again);
  EXPECT_EQ(form[0].second, "Kept Across Restarts");
  EXPECT_EQ(form[2].second, "Asia/Tokyo");
}

TEST_F(AdminSettings, ANewTimeZoneIsUsedAtOnceAndThePageSaysWhatWaitsForARestart) {
  auto admin = LoggedIn("chief@example.com");
  auto fields = CurrentForm(admin);
  Set(fields, "site_timezone", "Pacific/Auckland");
  ASSERT_EQ(admin.Post("/admin/settings", fields).status, 303u);
  EXPECT_TRUE(Contains(site_->Get("/api/v1/stats").body, "Pacific/Auckland"));
  EXPECT_TRUE(Contains(admin.Get("/admin/audit").body, "Pacific/Auckland"));
  EXPECT_TRUE(Contains(admin.Get("/admin/settings").body, "after the next restart"));
}

TEST_F(AdminSettings, BadValuesAreRefusedBesideTheirFieldsAndNothingIsSaved) {
  auto admin = LoggedIn("chief@example.com");
  const auto before = site_->Get("/");
  auto fields = CurrentForm(admin);
  Set(fields, "site_name", "A Better Name");  // valid, but must not be saved with the bad ones
  Set(fields, "site_timezone", "Mars/Olympus_Mons");
  Set(fields, "site_page_size", "0");
  Set(fields, "stats_rows", "today, fortnight");
  Set(fields, "stats_initial_total", "-5");
  const auto refused = admin.Post("/admin/settings", fields);
  EXPECT_EQ(refused.status, 400u);
  EXPECT_EQ(CountOf(refused.body, "class=\"field-problem\""), 4u);
  EXPECT_TRUE(Contains(refused.body, "value=\"Mars/Olympus_Mons\""));
  EXPECT_TRUE(Contains(refused.body, "value=\"A Better Name\""));
  EXPECT_TRUE(Contains(refused.body, "fortnight"));
  EXPECT_TRUE(site_->storage().settings().LoadSettings()->empty());
  EXPECT_FALSE(Contains(site_->Get("/").body, "A Better Name"));
  EXPECT_EQ(CountOf(site_->Get("/").body, "<article class=\"teaser\">"),
            CountOf(before.body, "<article class=\"teaser\">"));
}

TEST_F(AdminSettings, EachKindOfBadTextIsRefused) {
  auto admin = LoggedIn("chief@example.com");
  const auto base = CurrentForm(admin);
  const std::vector<std::pair<std::string, std::string>> bad{
      {"site_name", ""},
      {"site_name", std::string(201, 'n')},
      {"site_tagline", std::string(201, 't')},
      {"site_language", "not a language"},
      {"site_date_format", "EEEE 'unclosed"},
      {"site_date_format", std::string(65, 'y')},
      {"site_page_size", "101"},
      {"site_page_size", "ten"},
      {"stats_rows", ""},
      {"stats_rows", "today, today"},
      {"stats_initial_total", "1e9"},
  };
  for (const auto& [name, value] : bad) {
    auto fields = base;
    Set(fields, name, value);
    const auto refused = admin.Post("/admin/settings", fields);
    EXPECT_EQ(refused.status, 400u) << name << " = " << value.substr(0, 20);
    EXPECT_TRUE(Contains(refused.body, "class=\"field-problem\"")) << name << " = " << value.substr(0, 20);
  }
  // Control characters and broken UTF-8 do not even get past the form parser.
  auto fields = base;
  Set(fields, "site_name", "Two\nLines");
  EXPECT_EQ(admin.Post("/admin/settings", fields).status, 400u);
  fields = base;
  Set(fields, "site_tagline", "broken \xC3\x28 text");
  EXPECT_EQ(admin.Post("/admin/settings", fields).status, 400u);
  EXPECT_TRUE(site_->storage().settings().LoadSettings()->empty());
}

TEST_F(AdminSettings, EditorsMayNotChangeSettings) {
  auto editor = LoggedIn("desk@example.com");
  EXPECT_EQ(editor.Get("/admin/settings").status, 403u);
  EXPECT_EQ(editor.Post("/admin/settings", {{"site_name", "Taken Over"}}).status, 403u);
  EXPECT_TRUE(site_->storage().settings().LoadSettings()->empty());
  EXPECT_FALSE(Contains(site_->Get("/").body, "Taken Over"));
  EXPECT_FALSE(Contains(editor.Get("/admin").body, "href=\"/admin/settings\""));
}

}  // namespace
}  // namespace gazette::testing
