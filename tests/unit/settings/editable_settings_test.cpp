// The back office's editable settings: stored values over the file's, and every typed value checked as
// gazette.toml's key is.
#include "gazette/settings/editable_settings.hpp"

#include <gmock/gmock.h>

#include "gazette/settings/live_settings.hpp"

namespace gazette::settings {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

config::Config FileConfig() {
  config::Config config;
  config.site.name = "From the file";
  config.site.timezone = "Europe/London";
  return config;
}

TEST(EditableSettings, StoredValuesOverrideTheFilesAndBadOnesAreSkippedWithAWarning) {
  config::Config config = FileConfig();
  const auto warnings = ApplyStoredSettings(config, {{"site.name", "From the database"},
                                                     {"site.page_size", "0"},
                                                     {"stats.rows", "today, all"},
                                                     {"site.secret", "x"}});
  EXPECT_EQ(config.site.name, "From the database");
  EXPECT_EQ(config.site.page_size, 10);
  EXPECT_EQ(config.stats.rows, (std::vector<std::string>{"today", "all"}));
  EXPECT_EQ(warnings.size(), 2u);
}

TEST(EditableSettings, AStoredDateFormatThatICURefusesLeavesTheFilesDateSettings) {
  config::Config config = FileConfig();
  const auto warnings = ApplyStoredSettings(config, {{"site.date_format", "yyyy 'unclosed"}});
  EXPECT_EQ(config.site.date_format, FileConfig().site.date_format);
  EXPECT_EQ(warnings.size(), 1u);
}

TEST(EditableSettings, GoodValuesAreCheckedAndOnlyChangesAreToBeStored) {
  const auto checked = CheckSettings(FileConfig(), {{"site.name", "From the file"},
                                                    {"site.tagline", "News since 2001"},
                                                    {"site.timezone", "Europe/Warsaw"},
                                                    {"site.page_size", "25"},
                                                    {"stats.rows", " today ,this_week,all "},
                                                    {"stats.initial_total", "53860060"}});
  EXPECT_THAT(checked.problems, IsEmpty());
  EXPECT_THAT(
      checked.changed,
      UnorderedElementsAre(Pair("site.tagline", "News since 2001"), Pair("site.timezone", "Europe/Warsaw"),
                           Pair("site.page_size", "25"), Pair("stats.rows", "today, this_week, all"),
                           Pair("stats.initial_total", "53860060")));
  EXPECT_EQ(checked.config.site.page_size, 25);
}

TEST(EditableSettings, EachBadValueGetsAMessageAndNothingIsToBeStored) {
  const auto checked = CheckSettings(FileConfig(), {{"site.name", ""},
                                                    {"site.tagline", std::string(201, 't')},
                                                    {"site.timezone", "Mars/Olympus_Mons"},
                                                    {"site.language", "not a language"},
                                                    {"site.page_size", "101"},
                                                    {"stats.rows", "today, fortnight"},
                                                    {"stats.initial_total", "-1"}});
  EXPECT_THAT(checked.changed, IsEmpty());
  EXPECT_EQ(checked.problems.size(), 7u);
  EXPECT_THAT(checked.problems.at("site.timezone"), HasSubstr("Time zone"));
  EXPECT_THAT(checked.problems.at("stats.rows"), HasSubstr("fortnight"));
}

TEST(EditableSettings, ControlCharactersAndInvalidUtf8AreRefused) {
  EXPECT_EQ(CheckSettings(FileConfig(), {{"site.name", "Line\nbreak"}}).problems.size(), 1u);
  EXPECT_EQ(CheckSettings(FileConfig(), {{"site.tagline", "bad \xC3\x28 byte"}}).problems.size(), 1u);
  EXPECT_EQ(CheckSettings(FileConfig(), {{"site.page_size", "ten"}}).problems.size(), 1u);
}

TEST(EditableSettings, ADateFormatICURefusesIsReportedBesideTheDateFormat) {
  const auto checked = CheckSettings(FileConfig(), {{"site.date_format", "EEEE 'unclosed"}});
  ASSERT_EQ(checked.problems.size(), 1u);
  EXPECT_TRUE(checked.problems.contains("site.date_format"));
  EXPECT_THAT(checked.changed, IsEmpty());
}

TEST(EditableSettings, FormTextReadsBackAsTheValueInEffect) {
  config::Config config = FileConfig();
  config.stats.rows = {"today", "all"};
  EXPECT_EQ(SettingText(config, "stats.rows"), "today, all");
  EXPECT_EQ(SettingText(config, "site.page_size"), "10");
  EXPECT_EQ(SettingText(config, "site.name"), "From the file");
}

TEST(LiveSettings, AReplacedSnapshotIsSeenByLaterReadersWhileEarlierOnesKeepTheirs) {
  auto first = SiteSnapshot::Build(FileConfig().site, FileConfig().stats);
  ASSERT_TRUE(first.ok());
  LiveSettings live(*first);
  const auto held = live.Current();
  config::SiteConfig changed = FileConfig().site;
  changed.name = "Renamed";
  changed.timezone = "Asia/Tokyo";
  auto second = SiteSnapshot::Build(changed, FileConfig().stats);
  ASSERT_TRUE(second.ok());
  live.Replace(*second);
  EXPECT_EQ(held->site.name, "From the file");
  EXPECT_EQ(live.Current()->site.name, "Renamed");
  EXPECT_EQ(LiveDates(live).zone().name(), "Asia/Tokyo");
}

TEST(SiteSnapshot, BuildsTheCounterRowsInOrder) {
  config::StatsConfig stats;
  stats.rows = {"all", "today"};
  auto snapshot = SiteSnapshot::Build(FileConfig().site, stats);
  ASSERT_TRUE(snapshot.ok());
  EXPECT_EQ((*snapshot)->counter_rows,
            (std::vector<stats::CounterRow>{stats::CounterRow::kAll, stats::CounterRow::kToday}));
}

}  // namespace
}  // namespace gazette::settings
