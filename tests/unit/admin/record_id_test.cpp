#include "gazette/admin/record_id.hpp"

#include <gtest/gtest.h>

namespace gazette::admin {
namespace {

TEST(RecordId, ReadsPlainPositiveDecimalNumbers) {
  EXPECT_EQ(ParseRecordId("42"), 42);
  EXPECT_EQ(ParseRecordId("9223372036854775807"), INT64_MAX);
}

TEST(RecordId, RefusesAnythingElse) {
  for (const char* text : {"", "0", "-1", "+1", "42abc", "4 2", " 42", "0x2a", "1e3", "9223372036854775808",
                           "99999999999999999999"}) {
    EXPECT_FALSE(ParseRecordId(text).has_value()) << text;
  }
}

}  // namespace
}  // namespace gazette::admin
