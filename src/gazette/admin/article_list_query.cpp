#include "gazette/admin/article_list_query.hpp"

#include <algorithm>

#include "gazette/admin/admin_gate.hpp"
#include "gazette/admin/record_id.hpp"
#include "gazette/base/utf8.hpp"
#include "gazette/editorial/text_rules.hpp"

namespace gazette::admin {
namespace {

std::string Bounded(std::optional<std::string_view> value) {
  std::string_view text = editorial::TrimAscii(value.value_or(""));
  // Form values are valid UTF-8 already; the cut must not split a character.
  text = TruncateUtf8(text, kMaxListQueryValueBytes);
  return std::string(text);
}

void Append(std::string& out, std::string_view name, std::string_view value) {
  if (value.empty()) return;
  if (!out.empty()) out += '&';
  out += name;
  out += '=';
  out += EncodeQueryValue(value);
}

}  // namespace

storage::EditorArticleFilter ArticleListQuery::Filter() const {
  storage::EditorArticleFilter filter;
  if (state == "review") {
    filter.state = domain::ArticleState::kDraft;
    filter.review_requested_only = true;
  } else if (auto parsed = domain::ParseArticleState(state); parsed.ok()) {
    filter.state = *parsed;
  }
  if (auto id = ParseRecordId(category)) filter.category_id = *id;
  if (auto id = ParseRecordId(author)) filter.author_id = *id;
  if (!country.empty()) {
    // Labels are stored in upper case; editors type them either way.
    std::string label = country;
    for (char& c : label) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    filter.country = std::move(label);
  }
  filter.text = text;
  if (sort == "oldest") {
    filter.sort = storage::EditorSort::kUpdatedAt;
    filter.descending = false;
  } else if (sort == "title") {
    filter.sort = storage::EditorSort::kTitle;
    filter.descending = false;
  } else if (sort == "published") {
    filter.sort = storage::EditorSort::kPublishAt;
    filter.descending = true;
  } else {
    filter.sort = storage::EditorSort::kUpdatedAt;
    filter.descending = true;
  }
  return filter;
}

std::string ArticleListQuery::Encoded() const {
  std::string out;
  Append(out, "state", state);
  Append(out, "category", category);
  Append(out, "country", country);
  Append(out, "author", author);
  Append(out, "q", text);
  if (sort != "newest") Append(out, "sort", sort);
  return out;
}

ArticleListQuery ReadArticleListQuery(
    const std::function<std::optional<std::string_view>(std::string_view)>& lookup) {
  ArticleListQuery query;
  query.state = Bounded(lookup("state"));
  query.category = Bounded(lookup("category"));
  query.country = Bounded(lookup("country"));
  query.author = Bounded(lookup("author"));
  query.text = Bounded(lookup("q"));
  const std::string sort = Bounded(lookup("sort"));
  if (sort == "oldest" || sort == "title" || sort == "published") query.sort = sort;
  if (auto page = ParseRecordId(Bounded(lookup("page")))) query.page = std::min(*page, kMaxListPage);
  return query;
}

}  // namespace gazette::admin
