// PanelStore behaviour, run against every backend (storage_fixture.hpp).
#include <gmock/gmock.h>

#include "storage_fixture.hpp"

namespace gazette::storage::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class PanelStoreTest : public StorageTest {
 protected:
  PanelStore& panels() { return storage().panels(); }

  /// The error's code, or empty when the call succeeded, so that an unexpected success fails the test.
  template <typename T>
  static std::optional<ErrorCode> CodeOf(const Result<T>& result) {
    if (result.ok()) return std::nullopt;
    return result.error().code;
  }

  /// A published article made a panel; its updated_at is long before kNow.
  std::int64_t AddPanel(const std::string& slug, std::optional<Timestamp> publish_at = kNow - kDay) {
    const std::int64_t id = Add(NewArticle(slug, publish_at));
    EXPECT_TRUE(panels().SavePanel(id, "What should " + slug + " do?", "We asked.", kNow - kDay).ok());
    return id;
  }

  static ContributionFields Fields(const std::string& name) {
    ContributionFields fields;
    fields.expert_name = name;
    fields.expert_role = "Role of " + name;
    fields.expert_organisation = "Org of " + name;
    fields.answer_markdown = "Answer of *" + name + "*";
    fields.answer_html = "<p>Answer of <em>" + name + "</em></p>";
    return fields;
  }

  std::int64_t AddContribution(std::int64_t article, const std::string& name) {
    auto id = panels().AddContribution(article, Fields(name), kNow);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }

  std::vector<std::string> NamesInOrder(std::int64_t article) {
    auto panel = panels().FindByArticle(article);
    EXPECT_TRUE(panel.ok() && panel->has_value());
    std::vector<std::string> names;
    if (panel.ok() && panel->has_value()) {
      for (const auto& c : (*panel)->contributions) names.push_back(c.expert_name);
    }
    return names;
  }

  Timestamp UpdatedAt(std::int64_t article) {
    auto stored = articles().FindById(article);
    EXPECT_TRUE(stored.ok());
    return stored.ok() ? stored->updated_at : Timestamp{};
  }

  std::int64_t AddImage() {
    domain::MediaItem item;
    item.sha256 = std::string(64, 'b');
    item.mime = "image/png";
    item.width = 640;
    item.height = 480;
    item.bytes = 1000;
    item.sizes = {320};
    item.uploaded_at = kNow;
    item.alt = "Portrait";
    auto id = storage().media().Create(item);
    EXPECT_TRUE(id.ok());
    return id.ok() ? *id : 0;
  }
};

TEST_P(PanelStoreTest, AnOrdinaryArticleIsNoPanel) {
  const std::int64_t id = Add(NewArticle("plain", kNow - kDay));
  auto panel = panels().FindByArticle(id);
  ASSERT_TRUE(panel.ok());
  EXPECT_FALSE(panel->has_value());
}

TEST_P(PanelStoreTest, APanelKeepsItsQuestionLeadAndContributionsInOrder) {
  const std::int64_t id = AddPanel("round");
  const std::int64_t first = AddContribution(id, "Ada");
  AddContribution(id, "Grace");
  auto panel = panels().FindByArticle(id);
  ASSERT_TRUE(panel.ok() && panel->has_value());
  EXPECT_EQ((*panel)->question, "What should round do?");
  EXPECT_EQ((*panel)->lead, "We asked.");
  ASSERT_EQ((*panel)->contributions.size(), 2U);
  const domain::PanelContribution& c = (*panel)->contributions[0];
  EXPECT_EQ(c.id, first);
  EXPECT_EQ(c.position, 1);
  EXPECT_EQ(c.expert_role, "Role of Ada");
  EXPECT_EQ(c.expert_organisation, "Org of Ada");
  EXPECT_EQ(c.answer_markdown, "Answer of *Ada*");
  EXPECT_EQ(c.answer_html, "<p>Answer of <em>Ada</em></p>");
  EXPECT_FALSE(c.photo.has_value());
  EXPECT_EQ((*panel)->contributions[1].position, 2);
}

TEST_P(PanelStoreTest, APanelWithoutContributionsIsStillAPanel) {
  const std::int64_t id = AddPanel("empty");
  auto panel = panels().FindByArticle(id);
  ASSERT_TRUE(panel.ok() && panel->has_value());
  EXPECT_TRUE((*panel)->contributions.empty());
}

TEST_P(PanelStoreTest, EveryWriteSetsTheArticlesUpdatedTime) {
  const std::int64_t id = AddPanel("touched");
  EXPECT_EQ(UpdatedAt(id), kNow - kDay);
  const std::int64_t a = AddContribution(id, "Ada");
  EXPECT_EQ(UpdatedAt(id), kNow);
  AddContribution(id, "Grace");
  ASSERT_TRUE(panels().UpdateContribution(id, a, Fields("Ada L."), kNow + kDay).ok());
  EXPECT_EQ(UpdatedAt(id), kNow + kDay);
  ASSERT_TRUE(panels().MoveContribution(id, a, MoveDirection::kDown, kNow + kDay * 2).ok());
  EXPECT_EQ(UpdatedAt(id), kNow + kDay * 2);
  ASSERT_TRUE(panels().RemoveContribution(id, a, kNow + kDay * 3).ok());
  EXPECT_EQ(UpdatedAt(id), kNow + kDay * 3);
  ASSERT_TRUE(panels().SavePanel(id, "New question?", "", kNow + kDay * 4).ok());
  EXPECT_EQ(UpdatedAt(id), kNow + kDay * 4);
}

TEST_P(PanelStoreTest, MovingSwapsWithTheNeighbourAndStopsAtTheEnds) {
  const std::int64_t id = AddPanel("order");
  const std::int64_t a = AddContribution(id, "A");
  const std::int64_t b = AddContribution(id, "B");
  const std::int64_t c = AddContribution(id, "C");
  ASSERT_TRUE(panels().MoveContribution(id, c, MoveDirection::kUp, kNow).ok());
  EXPECT_THAT(NamesInOrder(id), ElementsAre("A", "C", "B"));
  ASSERT_TRUE(panels().MoveContribution(id, a, MoveDirection::kDown, kNow).ok());
  EXPECT_THAT(NamesInOrder(id), ElementsAre("C", "A", "B"));
  ASSERT_TRUE(panels().MoveContribution(id, c, MoveDirection::kUp, kNow).ok());
  ASSERT_TRUE(panels().MoveContribution(id, b, MoveDirection::kDown, kNow).ok());
  EXPECT_THAT(NamesInOrder(id), ElementsAre("C", "A", "B"));
}

TEST_P(PanelStoreTest, RemovingClosesTheGap) {
  const std::int64_t id = AddPanel("gap");
  AddContribution(id, "A");
  const std::int64_t b = AddContribution(id, "B");
  AddContribution(id, "C");
  ASSERT_TRUE(panels().RemoveContribution(id, b, kNow).ok());
  auto panel = panels().FindByArticle(id);
  ASSERT_TRUE(panel.ok() && panel->has_value());
  ASSERT_EQ((*panel)->contributions.size(), 2U);
  EXPECT_EQ((*panel)->contributions[0].position, 1);
  EXPECT_EQ((*panel)->contributions[1].position, 2);
  const std::int64_t d = AddContribution(id, "D");
  EXPECT_THAT(NamesInOrder(id), ElementsAre("A", "C", "D"));
  EXPECT_NE(d, b);  // ids are never reused
}

TEST_P(PanelStoreTest, AContributionOfAnotherPanelIsNotFound) {
  const std::int64_t mine = AddPanel("mine");
  const std::int64_t other = AddPanel("other");
  const std::int64_t theirs = AddContribution(other, "Theirs");
  EXPECT_EQ(CodeOf(panels().UpdateContribution(mine, theirs, Fields("X"), kNow)), ErrorCode::kNotFound);
  EXPECT_EQ(CodeOf(panels().MoveContribution(mine, theirs, MoveDirection::kUp, kNow)), ErrorCode::kNotFound);
  EXPECT_EQ(CodeOf(panels().RemoveContribution(mine, theirs, kNow)), ErrorCode::kNotFound);
  EXPECT_THAT(NamesInOrder(other), ElementsAre("Theirs"));
}

TEST_P(PanelStoreTest, ContributionsNeedAPanel) {
  const std::int64_t id = Add(NewArticle("plain", kNow - kDay));
  auto added = panels().AddContribution(id, Fields("A"), kNow);
  ASSERT_FALSE(added.ok());
  EXPECT_EQ(added.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(CodeOf(panels().SavePanel(id + 100, "Q?", "", kNow)), ErrorCode::kNotFound);
}

TEST_P(PanelStoreTest, RefusesTheThirtyFirstContribution) {
  const std::int64_t id = AddPanel("full");
  for (std::size_t i = 0; i < domain::kMaxContributions; ++i) AddContribution(id, "E" + std::to_string(i));
  auto added = panels().AddContribution(id, Fields("One too many"), kNow);
  ASSERT_FALSE(added.ok());
  EXPECT_EQ(added.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(NamesInOrder(id).size(), domain::kMaxContributions);
}

TEST_P(PanelStoreTest, RefusesEmptyAndOversizedText) {
  const std::int64_t id = AddPanel("bounds");
  EXPECT_EQ(CodeOf(panels().SavePanel(id, "", "", kNow)), ErrorCode::kInvalid);
  EXPECT_EQ(CodeOf(panels().SavePanel(id, std::string(300 * 4 + 1, 'q'), "", kNow)), ErrorCode::kInvalid);
  EXPECT_EQ(CodeOf(panels().SavePanel(id, "Q?", std::string(1000 * 4 + 1, 'l'), kNow)), ErrorCode::kInvalid);
  ContributionFields fields = Fields("");
  EXPECT_EQ(CodeOf(panels().AddContribution(id, fields, kNow)), ErrorCode::kInvalid);
  fields = Fields(std::string(200 * 4 + 1, 'n'));
  EXPECT_EQ(CodeOf(panels().AddContribution(id, fields, kNow)), ErrorCode::kInvalid);
  fields = Fields("N");
  fields.answer_markdown = std::string(20'000 * 4 + 1, 'a');
  auto added = panels().AddContribution(id, fields, kNow);
  ASSERT_FALSE(added.ok());
  EXPECT_THAT(added.error().message, HasSubstr("20000"));
  EXPECT_TRUE(NamesInOrder(id).empty());
}

TEST_P(PanelStoreTest, APhotoMustBeInTheLibraryAndIsReadWithTheContribution) {
  const std::int64_t id = AddPanel("photo");
  ContributionFields fields = Fields("Ada");
  fields.photo_media_id = 9999;
  auto refused = panels().AddContribution(id, fields, kNow);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalid);
  const std::int64_t image = AddImage();
  fields.photo_media_id = image;
  const std::int64_t c = AddContribution(id, "Grace");
  ASSERT_TRUE(panels().UpdateContribution(id, c, fields, kNow).ok());
  auto panel = panels().FindByArticle(id);
  ASSERT_TRUE(panel.ok() && panel->has_value());
  ASSERT_TRUE((*panel)->contributions[0].photo.has_value());
  const domain::MediaItem& photo = *(*panel)->contributions[0].photo;
  EXPECT_EQ(photo.id, image);
  EXPECT_EQ(photo.sha256, std::string(64, 'b'));
  EXPECT_EQ(photo.mime, "image/png");
  EXPECT_THAT(photo.sizes, ElementsAre(320));
  EXPECT_EQ(photo.alt, "Portrait");
  // Deleting the image keeps the answer, without its photo.
  ASSERT_TRUE(storage().media().Delete(image).ok());
  panel = panels().FindByArticle(id);
  ASSERT_TRUE(panel.ok() && panel->has_value());
  EXPECT_FALSE((*panel)->contributions[0].photo.has_value());
}

TEST_P(PanelStoreTest, RemovingThePanelMakesAnOrdinaryArticle) {
  const std::int64_t id = AddPanel("undo");
  AddContribution(id, "A");
  ASSERT_TRUE(panels().RemovePanel(id, kNow).ok());
  auto panel = panels().FindByArticle(id);
  ASSERT_TRUE(panel.ok());
  EXPECT_FALSE(panel->has_value());
  EXPECT_EQ(CodeOf(panels().RemovePanel(id, kNow)), ErrorCode::kNotFound);
  EXPECT_TRUE(articles().FindById(id).ok());
}

TEST_P(PanelStoreTest, TheFeaturedPanelIsTheNewestVisibleFeaturedPanelWithItsFirstAnswer) {
  domain::Article older = NewArticle("older", kNow - kDay * 3);
  older.featured = true;
  const std::int64_t older_id = Add(older);
  ASSERT_TRUE(panels().SavePanel(older_id, "Older?", "", kNow).ok());
  domain::Article newest = NewArticle("newest", kNow - kDay);
  newest.featured = true;
  newest.featured_order = 5;  // the front page's own order does not matter here
  const std::int64_t newest_id = Add(newest);
  ASSERT_TRUE(panels().SavePanel(newest_id, "Newest?", "Lead.", kNow).ok());
  AddContribution(newest_id, "First");
  const std::int64_t second = AddContribution(newest_id, "Second");
  // Newer still, but not featured; and a featured panel still to come.
  AddPanel("not-featured", kNow - kDay / 2);
  domain::Article future = NewArticle("future", kNow + kDay);
  future.featured = true;
  ASSERT_TRUE(panels().SavePanel(Add(future), "Future?", "", kNow).ok());

  auto featured = panels().FindFeatured(kNow);
  ASSERT_TRUE(featured.ok()) << featured.error().message;
  ASSERT_TRUE(featured->has_value());
  EXPECT_EQ((*featured)->article.id, newest_id);
  EXPECT_EQ((*featured)->article.slug, "newest");
  EXPECT_EQ((*featured)->article.author.name, "Author ada");
  EXPECT_EQ((*featured)->question, "Newest?");
  EXPECT_EQ((*featured)->lead, "Lead.");
  ASSERT_TRUE((*featured)->first.has_value());
  EXPECT_EQ((*featured)->first->expert_name, "First");

  ASSERT_TRUE(panels().MoveContribution(newest_id, second, MoveDirection::kUp, kNow).ok());
  featured = panels().FindFeatured(kNow);
  ASSERT_TRUE(featured.ok() && featured->has_value() && (*featured)->first.has_value());
  EXPECT_EQ((*featured)->first->expert_name, "Second");
}

TEST_P(PanelStoreTest, NoFeaturedPanelWhenNoneIsVisible) {
  domain::Article draft = NewArticle("draft", std::nullopt, domain::ArticleState::kDraft);
  draft.featured = true;
  ASSERT_TRUE(panels().SavePanel(Add(draft), "Draft?", "", kNow).ok());
  auto featured = panels().FindFeatured(kNow);
  ASSERT_TRUE(featured.ok());
  EXPECT_FALSE(featured->has_value());
}

TEST_P(PanelStoreTest, AFeaturedPanelWithoutAnswersHasNoFirst) {
  domain::Article a = NewArticle("bare", kNow - kDay);
  a.featured = true;
  const std::int64_t id = Add(a);
  ASSERT_TRUE(panels().SavePanel(id, "Bare?", "", kNow).ok());
  auto featured = panels().FindFeatured(kNow);
  ASSERT_TRUE(featured.ok() && featured->has_value());
  EXPECT_EQ((*featured)->article.id, id);
  EXPECT_FALSE((*featured)->first.has_value());
}

TEST_P(PanelStoreTest, TrashingTheArticleKeepsItsPanelForARestore) {
  const std::int64_t id = AddPanel("trashed");
  AddContribution(id, "A");
  ASSERT_TRUE(articles().SetState(std::vector<std::int64_t>{id}, domain::ArticleState::kTrashed, kNow,
                                  std::nullopt)
                  .ok());
  EXPECT_THAT(NamesInOrder(id), ElementsAre("A"));
}

INSTANTIATE_TEST_SUITE_P(Backends, PanelStoreTest, ::testing::ValuesIn(StorageBackends()), BackendName);

}  // namespace
}  // namespace gazette::storage::test
