#include "gazette/demo/demo_catalog.hpp"

#include <fmt/format.h>

#include "gazette/demo/random.hpp"
#include "gazette/demo/word_lists.hpp"
#include "gazette/domain/slug.hpp"

namespace gazette::demo {

namespace {
constexpr std::uint64_t kAuthorStream = 1;
}  // namespace

std::string SlugRegistry::Claim(std::string base) {
  if (taken_.insert(base).second) return base;
  for (int n = 2;; ++n) {
    const std::string suffix = fmt::format("-{}", n);
    std::string candidate = base.substr(0, domain::kMaxSlugLength - suffix.size());
    while (!candidate.empty() && candidate.back() == '-') candidate.pop_back();
    candidate += suffix;
    if (taken_.insert(candidate).second) return candidate;
  }
}

Result<DemoCatalog> CreateDemoCatalog(storage::CatalogStore& catalog, std::uint64_t seed) {
  const Vocabulary& v = DemoVocabulary();
  DemoCatalog out;

  int position = 0;
  for (const DemoCategory& c : v.categories) {
    domain::Category category;
    if (!c.parent.empty()) category.parent_id = out.category_ids.at(c.parent);
    category.slug = std::string(c.slug);
    category.name = std::string(c.name);
    category.description = std::string(c.description);
    category.position = position++;
    auto id = catalog.CreateCategory(category);
    if (!id.ok()) return std::move(id).error();
    out.category_ids.emplace(c.slug, *id);
  }

  for (const std::string_view name : v.tags) {
    auto id = catalog.CreateTag({0, domain::MakeSlug(name), std::string(name)});
    if (!id.ok()) return std::move(id).error();
    out.tag_ids.push_back(*id);
  }

  // Every (first, last) pair once, in an order fixed by the seed: distinct names for every author.
  std::vector<std::pair<std::size_t, std::size_t>> names;
  for (std::size_t f = 0; f < v.first_names.size(); ++f) {
    for (std::size_t l = 0; l < v.last_names.size(); ++l) names.emplace_back(f, l);
  }
  Random shuffle = Random::ForItem(seed, kAuthorStream, 0);
  for (std::size_t i = names.size() - 1; i > 0; --i) std::swap(names[i], names[shuffle.Below(i + 1)]);

  SlugRegistry slugs;
  for (int i = 0; i < kDemoAuthors; ++i) {
    Random rng = Random::ForItem(seed, kAuthorStream, static_cast<std::uint64_t>(i) + 1);
    const std::string_view first = v.first_names[names[static_cast<std::size_t>(i)].first];
    const std::string_view last = v.last_names[names[static_cast<std::size_t>(i)].second];
    const DemoCountry& country = rng.Pick(v.countries);
    domain::Author author;
    author.name = fmt::format("{} {}", first, last);
    author.slug = slugs.Claim(domain::MakeSlug(author.name));
    author.role = std::string(rng.Pick(v.roles));
    author.organisation = std::string(rng.Pick(v.organisations));
    // One draw per statement: the order of evaluation of function arguments is unspecified.
    const std::string_view writes_on = rng.Pick(v.services);
    const std::string_view technology = rng.Pick(v.technologies);
    const std::int64_t years = rng.Between(3, 20);
    const std::string_view worked_on = rng.Pick(v.services);
    const std::string_view place = rng.Pick(country.places);
    author.bio =
        fmt::format("{} writes about {} and {}. Before joining {}, {} spent {} years working on {} in {}.",
                    first, writes_on, technology, author.organisation, first, years, worked_on, place);
    auto id = catalog.CreateAuthor(author);
    if (!id.ok()) return std::move(id).error();
    out.author_ids.push_back(*id);
  }
  return out;
}

}  // namespace gazette::demo
