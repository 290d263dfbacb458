// Marks of live values in a page rendered for the cache, and cutting the page at them.
#include "gazette/site/live_text.hpp"

#include <gmock/gmock.h>

namespace gazette::site {
namespace {

using ::testing::ElementsAre;

constexpr std::string_view kMarker = "Secret42";

std::string Mark(LiveKind kind, std::int64_t arg = 0) { return LiveText::Marked(std::string(kMarker)).Value({kind, arg}); }

TEST(LiveTextTest, AMarkedPageIsCutIntoChunksAroundItsSlots) {
  const std::string html = "<p>Today " + Mark(LiveKind::kCounterFigure, 0) + "</p><time datetime=\"" +
                           Mark(LiveKind::kTodayIso) + "\">" + Mark(LiveKind::kTodayText) + "</time>" +
                           "<input value=\"" + Mark(LiveKind::kCommentToken, 1234567) + "\">";
  const MarkedPage page = CutAtMarks(html, kMarker);
  EXPECT_THAT(page.chunks, ElementsAre("<p>Today ", "</p><time datetime=\"", "\">", "</time><input value=\"", "\">"));
  EXPECT_THAT(page.slots, ElementsAre(LiveSlot{LiveKind::kCounterFigure, 0}, LiveSlot{LiveKind::kTodayIso, 0},
                                      LiveSlot{LiveKind::kTodayText, 0}, LiveSlot{LiveKind::kCommentToken, 1234567}));
}

TEST(LiveTextTest, APageWithoutMarksIsOneChunk) {
  const MarkedPage page = CutAtMarks("<p>plain</p>", kMarker);
  EXPECT_THAT(page.chunks, ElementsAre("<p>plain</p>"));
  EXPECT_TRUE(page.slots.empty());
}

TEST(LiveTextTest, MarksNextToEachOtherAndAtTheEdgesLeaveEmptyChunks) {
  const std::string html = Mark(LiveKind::kTodayIso) + Mark(LiveKind::kTodayText);
  const MarkedPage page = CutAtMarks(html, kMarker);
  EXPECT_THAT(page.chunks, ElementsAre("", "", ""));
  EXPECT_EQ(page.slots.size(), 2U);
}

TEST(LiveTextTest, TextThatOnlyLooksLikeAMarkStaysText) {
  // Another marker (an article quoting a page of another server), a bad kind, a bad argument, no end.
  const std::string other = LiveText::Marked("Other").Value({LiveKind::kTodayIso, 0});
  const std::string html = other + "\x1A" + std::string(kMarker) + "z0\x1A" + "\x1A" + std::string(kMarker) +
                           "a1x\x1A" + "\x1A" + std::string(kMarker) + "b7";
  const MarkedPage page = CutAtMarks(html, kMarker);
  EXPECT_THAT(page.chunks, ElementsAre(html));
  EXPECT_TRUE(page.slots.empty());
}

TEST(LiveTextTest, MarksHoldNothingThatHtmlEscapingWouldChange) {
  const std::string mark = Mark(LiveKind::kCommentToken, -5);
  EXPECT_EQ(mark.find_first_of("&<>\"'"), std::string::npos);
}

}  // namespace
}  // namespace gazette::site
