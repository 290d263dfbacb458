#include "gazette/demo/demo_content.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <future>

#include "gazette/demo/article_writer.hpp"
#include "gazette/demo/demo_catalog.hpp"
#include "gazette/demo/demo_panels.hpp"
#include "gazette/demo/demo_schedule.hpp"
#include "gazette/demo/random.hpp"
#include "gazette/demo/word_lists.hpp"
#include "gazette/domain/slug.hpp"
#include "gazette/render/markdown.hpp"

namespace gazette::demo {

namespace {

constexpr std::int64_t kMaxArticles = 1'000'000;  // 25 years of a very busy newsroom; bounds time and disk
/// Articles written per transaction: large enough that commits cost little, small enough to keep the
/// write-ahead log (and the memory of a batch) at tens of megabytes.
constexpr std::int64_t kBatchSize = 2000;
constexpr std::uint64_t kArticleStream = 4;

/// An article ready to store, rendered off the writing thread.
struct PreparedArticle {
  domain::Article article;
  std::string slug_base;
};

/// The region above a country's category ("poland" -> "europe").
std::string_view ParentOf(std::string_view slug) {
  for (const DemoCategory& c : DemoVocabulary().categories) {
    if (c.slug == slug) return c.parent.empty() ? slug : c.parent;
  }
  return slug;
}

int YearOf(Timestamp t, const TimeZone& zone) {
  return zone.DateOf(t).year;
}

PreparedArticle Prepare(std::uint64_t index, const ScheduledSlot& slot, const DemoCatalog& catalog,
                        const DemoOptions& options, const TimeZone& zone) {
  const Vocabulary& v = DemoVocabulary();
  Random rng = Random::ForItem(options.seed, kArticleStream, index);
  const bool labelled = !rng.Percent(15);
  const DemoCountry& country = rng.Pick(v.countries);
  const bool panel = slot.featured_order > 0;

  ArticleSubject subject;
  subject.country = &country;
  subject.place = rng.Pick(country.places);
  subject.latest_year = YearOf(slot.publish_at, zone);
  subject.expert_panel = panel;
  subject.index = index;

  std::string_view category;
  const std::uint64_t where = rng.Below(100);
  if (panel) {
    category = "expert-panels";
  } else if (labelled && where < 55) {
    category = country.category;
  } else if (labelled && where < 60) {
    category = ParentOf(country.category);  // a few directly in the region ("Europe")
  } else {
    category = rng.Pick(v.topic_categories);
  }

  PreparedArticle out;
  domain::Article& a = out.article;
  WrittenArticle text = WriteArticle(subject, rng);
  a.title = std::move(text.title);
  out.slug_base = domain::MakeSlug(a.title);
  a.country = labelled ? std::string(country.code) : std::string();
  a.category_id = catalog.category_ids.at(category);
  a.author_id = catalog.author_ids[rng.Below(catalog.author_ids.size())];
  a.intro_html = render::MarkdownToHtml(text.intro_markdown);
  a.body_html = render::MarkdownToHtml(text.body_markdown);
  a.intro_markdown = std::move(text.intro_markdown);
  a.body_markdown = std::move(text.body_markdown);
  a.state = slot.state;
  a.publish_at = slot.publish_at;
  a.featured = panel;
  a.featured_order = slot.featured_order;
  a.hits = static_cast<std::int64_t>(rng.Below(5000));
  const std::uint64_t tags = 1 + rng.Below(4);
  while (a.tag_ids.size() < tags) {
    const std::int64_t tag = catalog.tag_ids[rng.Below(catalog.tag_ids.size())];
    if (std::find(a.tag_ids.begin(), a.tag_ids.end(), tag) == a.tag_ids.end()) a.tag_ids.push_back(tag);
  }
  return out;
}

std::vector<PreparedArticle> PrepareBatch(std::int64_t begin, std::int64_t end,
                                          const std::vector<ScheduledSlot>& slots, const DemoCatalog& catalog,
                                          const DemoOptions& options, const TimeZone& zone) {
  std::vector<PreparedArticle> batch;
  batch.reserve(static_cast<std::size_t>(end - begin));
  for (std::int64_t i = begin; i < end; ++i) {
    batch.push_back(
        Prepare(static_cast<std::uint64_t>(i), slots[static_cast<std::size_t>(i)], catalog, options, zone));
  }
  return batch;
}

}  // namespace

Status GenerateDemoContent(storage::Storage& storage, const DemoOptions& options, Timestamp now,
                           const TimeZone& zone) {
  if (options.articles < 1 || options.articles > kMaxArticles) {
    return MakeError(ErrorCode::kInvalid, fmt::format("the demo needs between 1 and {} articles, not {}",
                                                      kMaxArticles, options.articles));
  }
  if (zone.DateOf(now) <= kDemoFirstDay) {
    return MakeError(ErrorCode::kInvalid, fmt::format("the demo archive starts on {}; the clock says {}",
                                                      kDemoFirstDay.ToIso(), zone.DateOf(now).ToIso()));
  }

  DemoCatalog catalog;
  Status created = storage.InTransaction([&]() -> Status {
    auto made = CreateDemoCatalog(storage.catalog(), options.seed);
    if (!made.ok()) return std::move(made).error();
    catalog = std::move(made).value();
    return OkStatus();
  });
  if (!created.ok()) return created;

  const std::vector<ScheduledSlot> slots = PlanSchedule(options.articles, options.seed, now, zone);
  const auto count = static_cast<std::int64_t>(slots.size());

  // Two stages on two cores: a helper thread writes and renders the next batch while this one stores the
  // current batch. Each article depends only on (seed, index), so the split does not change the output.
  const auto prepare = [&](std::int64_t begin) {
    return std::async(std::launch::async, PrepareBatch, begin, std::min(begin + kBatchSize, count),
                      std::cref(slots), std::cref(catalog), std::cref(options), std::cref(zone));
  };
  SlugRegistry slugs;
  std::future<std::vector<PreparedArticle>> next = prepare(0);
  for (std::int64_t begin = 0; begin < count; begin += kBatchSize) {
    std::vector<PreparedArticle> batch = next.get();
    if (begin + kBatchSize < count) next = prepare(begin + kBatchSize);
    Status stored = storage.InTransaction([&]() -> Status {
      for (PreparedArticle& prepared : batch) {
        prepared.article.slug = slugs.Claim(std::move(prepared.slug_base));
        // Written when it was published (or now, for the scheduled ones).
        const Timestamp written = std::min(*prepared.article.publish_at, now);
        auto id = storage.articles().Create(prepared.article, written);
        if (!id.ok()) return std::move(id).error();
        // The featured articles are expert round-ups: each gets its panel in the same transaction.
        if (prepared.article.featured) {
          const PanelArticle panel{*id, static_cast<std::uint64_t>(begin + (&prepared - batch.data())),
                                   prepared.article.title, written};
          if (Status added = AddDemoPanel(storage, panel, options.seed); !added.ok()) return added;
        }
      }
      return OkStatus();
    });
    if (!stored.ok()) return stored;  // `next`, if running, is waited for by its destructor
  }
  return OkStatus();
}

}  // namespace gazette::demo
