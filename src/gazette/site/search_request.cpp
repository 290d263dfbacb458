#include "gazette/site/search_request.hpp"

#include <fmt/format.h>

#include <charconv>

#include "gazette/base/utf8.hpp"
#include "gazette/domain/article.hpp"
#include "gazette/domain/pagination.hpp"

namespace gazette::site {
namespace {

/// Longest value accepted for a slug or label parameter: slugs are short, and anything longer is noise.
constexpr std::size_t kMaxFilterBytes = 200;

std::string_view Trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

/// The parameter's value, trimmed; empty when absent.
Result<std::string> Parameter(const http::Request& request, std::string_view name) {
  const std::string_view value = Trimmed(request.Query(name).value_or(""));
  if (name != "q" && value.size() > kMaxFilterBytes) {
    return MakeError(ErrorCode::kInvalid, fmt::format("The {} filter is too long.", name));
  }
  if (!IsValidUtf8(value)) {
    return MakeError(ErrorCode::kInvalid, fmt::format("The {} filter is not valid UTF-8.", name));
  }
  return std::string(value);
}

Result<int> ParseYear(std::string_view text, std::string_view name) {
  int year = 0;
  const auto* end = text.data() + text.size();
  auto [stop, error] = std::from_chars(text.data(), end, year);
  if (error != std::errc{} || stop != end || year < kMinSearchYear || year > kMaxSearchYear) {
    return MakeError(ErrorCode::kInvalid, fmt::format("The year in \"{}\" must be a year from {} to {}, e.g. 2005.",
                                                      name, kMinSearchYear, kMaxSearchYear));
  }
  return year;
}

/// Percent-encodes everything but unreserved characters (RFC 3986 section 2.3).
void AppendEncoded(std::string_view text, std::string& out) {
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~') {
      out.push_back(c);
    } else {
      out += fmt::format("%{:02X}", u);
    }
  }
}

/// The category's id and those of all its subcategories: a reader choosing "Europe" means its countries.
void AddWithDescendants(const CategoryDirectory& categories, std::int64_t id, std::vector<std::int64_t>& out) {
  if (out.size() >= storage::kMaxSearchCategories) return;
  out.push_back(id);
  for (const auto* child : categories.ChildrenOf(id)) AddWithDescendants(categories, child->id, out);
}

}  // namespace

std::string SearchRequest::PathFor(std::string_view base, std::int64_t page_number) const {
  std::string path(base);
  char separator = '?';
  const auto add = [&](std::string_view name, std::string_view value) {
    if (value.empty()) return;
    path.push_back(separator);
    separator = '&';
    path += name;
    path.push_back('=');
    AppendEncoded(value, path);
  };
  add("q", text);
  add("category", category);
  add("label", label);
  add("tag", tag);
  add("author", author);
  add("from", from);
  add("to", to);
  add("sort", sort);
  if (page_number > 1) add("page", std::to_string(page_number));
  return path;
}

Result<SearchRequest> ReadSearchRequest(const SiteContext& ctx, const http::Request& request) {
  SearchRequest out;
  const std::pair<const char*, std::string*> fields[] = {
      {"q", &out.text},   {"category", &out.category}, {"label", &out.label}, {"tag", &out.tag},
      {"author", &out.author}, {"from", &out.from},    {"to", &out.to},       {"sort", &out.sort}};
  for (const auto& [name, field] : fields) {
    auto value = Parameter(request, name);
    if (!value.ok()) return std::move(value).error();
    *field = std::move(value).value();
  }

  auto query = search::ParseSearchQuery(out.text);
  if (!query.ok()) return std::move(query).error();
  out.query = std::move(query).value();
  // Keep what the form shows (and page links carry) within the limit the query was cut to.
  if (out.text.size() > search::kMaxQueryBytes) {
    out.text = std::string(TruncateUtf8(out.text, search::kMaxQueryBytes));
  }

  auto page = domain::ParsePageNumber(request.Query("page").value_or(""));
  if (!page.ok()) return std::move(page).error();
  out.page = *page;

  if (out.sort.empty() || out.sort == "relevance") {
    out.order = storage::SearchOrder::kRelevance;
  } else if (out.sort == "date") {
    out.order = storage::SearchOrder::kNewest;
  } else {
    return MakeError(ErrorCode::kInvalid, "Sort results by \"relevance\" or by \"date\".");
  }

  if (!out.category.empty()) {
    const auto categories = ctx.categories.Current();
    const auto* category = categories->FindBySlug(out.category);
    if (category == nullptr) {
      return MakeError(ErrorCode::kInvalid, fmt::format("There is no category \"{}\".", out.category));
    }
    AddWithDescendants(*categories, category->id, out.filter.category_ids);
  }
  if (!out.label.empty()) {
    for (char& c : out.label) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    if (!domain::IsValidCountryLabel(out.label)) {
      return MakeError(ErrorCode::kInvalid, "A country label is two letters, e.g. GB.");
    }
    out.filter.country = out.label;
  }
  if (!out.tag.empty()) {
    auto tag = ctx.storage.catalog().FindTagBySlug(out.tag);
    if (!tag.ok()) {
      if (tag.error().code != ErrorCode::kNotFound) return std::move(tag).error();
      return MakeError(ErrorCode::kInvalid, fmt::format("There is no tag \"{}\".", out.tag));
    }
    out.filter.tag_id = tag->id;
  }
  if (!out.author.empty()) {
    auto author = ctx.storage.catalog().FindAuthorBySlug(out.author);
    if (!author.ok()) {
      if (author.error().code != ErrorCode::kNotFound) return std::move(author).error();
      return MakeError(ErrorCode::kInvalid, fmt::format("There is no author \"{}\".", out.author));
    }
    out.filter.author_id = author->id;
  }

  const auto settings = ctx.live.Current();
  const TimeZone& zone = settings->dates.zone();
  std::optional<int> from_year;
  if (!out.from.empty()) {
    auto year = ParseYear(out.from, "from");
    if (!year.ok()) return std::move(year).error();
    from_year = *year;
    out.filter.published_from = zone.StartOfDay(LocalDate{*year, 1, 1});
  }
  if (!out.to.empty()) {
    auto year = ParseYear(out.to, "to");
    if (!year.ok()) return std::move(year).error();
    if (from_year && *year < *from_year) {
      return MakeError(ErrorCode::kInvalid, "The year range ends before it starts: swap \"from\" and \"to\".");
    }
    out.filter.published_before = zone.StartOfDay(LocalDate{*year + 1, 1, 1});
  }
  return out;
}

}  // namespace gazette::site
