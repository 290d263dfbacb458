// SettingsStore behaviour, run against every backend (storage_fixture.hpp).
#include <gmock/gmock.h>

#include "storage_fixture.hpp"

namespace gazette::storage::test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

class SettingsStoreTest : public StorageTest {
 protected:
  SettingsStore& settings() { return storage().settings(); }

  SettingValues Loaded() {
    auto values = settings().LoadSettings();
    EXPECT_TRUE(values.ok()) << values.error().message;
    return values.ok() ? *values : SettingValues{};
  }
};

TEST_P(SettingsStoreTest, ANewSiteHasNoStoredSettings) {
  EXPECT_THAT(Loaded(), IsEmpty());
}

TEST_P(SettingsStoreTest, SavedValuesReplaceTheirNamesAndLeaveOthersAlone) {
  ASSERT_TRUE(settings().SaveSettings({{"site.name", "Daily"}, {"site.page_size", "20"}}, kNow).ok());
  ASSERT_TRUE(settings().SaveSettings({{"site.name", "Weekly"}, {"site.tagline", ""}}, kNow).ok());
  EXPECT_THAT(Loaded(), ElementsAre(Pair("site.name", "Weekly"), Pair("site.page_size", "20"),
                                    Pair("site.tagline", "")));
}

TEST_P(SettingsStoreTest, OverlongNamesAndValuesAreRefusedAndNothingIsSaved) {
  EXPECT_EQ(settings().SaveSettings({{"site.name", "ok"}, {std::string(65, 'n'), "x"}}, kNow).error().code,
            ErrorCode::kInvalid);
  EXPECT_EQ(settings().SaveSettings({{"", "x"}}, kNow).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(settings().SaveSettings({{"site.name", std::string(4097, 'v')}}, kNow).error().code,
            ErrorCode::kInvalid);
  SettingValues many;
  for (int i = 0; i <= 100; ++i) many.emplace("key" + std::to_string(i), "v");
  EXPECT_EQ(settings().SaveSettings(many, kNow).error().code, ErrorCode::kInvalid);
  EXPECT_THAT(Loaded(), IsEmpty());
}

TEST_P(SettingsStoreTest, ASaveInsideAFailedTransactionIsRolledBack) {
  const Status failed = storage().InTransaction([&]() -> Status {
    if (Status saved = settings().SaveSettings({{"site.name", "Lost"}}, kNow); !saved.ok()) return saved;
    return MakeError(ErrorCode::kInternal, "the audit entry could not be written");
  });
  EXPECT_FALSE(failed.ok());
  EXPECT_THAT(Loaded(), IsEmpty());
}

INSTANTIATE_TEST_SUITE_P(Backends, SettingsStoreTest, ::testing::ValuesIn(StorageBackends()), BackendName);

}  // namespace
}  // namespace gazette::storage::test
