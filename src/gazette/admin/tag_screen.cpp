#include "gazette/admin/tag_screen.hpp"

#include <fmt/format.h>

#include <cctype>
#include <optional>

#include "gazette/admin/admin_gate.hpp"
#include "gazette/admin/form_values.hpp"
#include "gazette/admin/record_id.hpp"
#include "gazette/domain/pagination.hpp"
#include "gazette/domain/slug.hpp"

namespace gazette::admin {
namespace {

/// A page of the tag list: enough to scan, short enough to read.
constexpr std::int64_t kTagsPerPage = 50;
/// The store's bound on a tag name (catalog_checks).
constexpr std::size_t kMaxTagNameBytes = 200;

/// Tags are listed as comma-separated names in the article form, so a name cannot hold a comma.
std::string NameProblem(std::string_view name) {
  if (name.empty()) return "Give the tag a name.";
  if (!FitsIn(name, kMaxTagNameBytes)) {
    return fmt::format("A tag name may be at most {} characters long.", kMaxTagNameBytes);
  }
  if (name.find(',') != std::string_view::npos) return "A tag name cannot hold a comma.";
  return {};
}

std::string ListUrl(std::string_view prefix, std::int64_t page) {
  std::string url = "/admin/tags";
  char separator = '?';
  if (!prefix.empty()) {
    url += "?prefix=" + EncodeQueryValue(prefix);
    separator = '&';
  }
  if (page > 1) url += fmt::format("{}page={}", separator, page);
  return url;
}

}  // namespace

void TagScreen::Register(AdminRoutes& routes) const {
  using domain::Permission;
  routes.AddNavigation("Tags", "/admin/tags", Permission::kManageTaxonomy);
  routes.Get("/admin/tags", Permission::kManageTaxonomy, [this](AdminRequest& r) { return List(r); });
  routes.Get("/admin/tags/{id}", Permission::kManageTaxonomy, [this](AdminRequest& r) { return Show(r); });
  routes.Post("/admin/tags/{id}/rename", Permission::kManageTaxonomy,
              [this](AdminRequest& r) { return Rename(r); });
  routes.Post("/admin/tags/{id}/merge", Permission::kManageTaxonomy,
              [this](AdminRequest& r) { return Merge(r); });
  routes.Post("/admin/tags/{id}/delete", Permission::kManageTaxonomy,
              [this](AdminRequest& r) { return Delete(r); });
}

http::Response TagScreen::List(AdminRequest& request) const {
  auto page = domain::ParsePageNumber(request.http.Query("page").value_or(""));
  if (!page.ok()) return pages_.Error(&request.http, 400, page.error().message, &request);
  std::string prefix(request.http.Query("prefix").value_or(""));
  if (!FitsIn(prefix, kMaxTagNameBytes)) prefix.resize(kMaxTagNameBytes);
  const domain::PageWindow window{*page, kTagsPerPage};
  auto& catalog = ctx_.storage.catalog();
  auto tags = catalog.ListTagsStartingWith(prefix, window.offset(), window.limit());
  if (!tags.ok()) return pages_.ServiceError(request, tags.error());
  auto count = catalog.CountTagsStartingWith(prefix);
  if (!count.ok()) return pages_.ServiceError(request, count.error());
  const auto links = domain::LinksFor(window, tags->size());

  render::View view = pages_.PageView(request, "Tags");
  render::View list{render::View::type::list};
  for (std::size_t i = 0; i < tags->size() && static_cast<std::int64_t>(i) < kTagsPerPage; ++i) {
    const auto& usage = (*tags)[i];
    render::View item;
    item.set("id", std::to_string(usage.tag.id));
    item.set("name", usage.tag.name);
    item.set("slug", usage.tag.slug);
    item.set("articles", std::to_string(usage.articles));
    list.push_back(item);
  }
  view.set("tags", list);
  view.set("empty", tags->empty());
  view.set("prefix", prefix);
  view.set("count", std::to_string(*count));
  render::View pagination;
  pagination.set("any", links.has_previous || links.has_next);
  if (links.has_previous) pagination.set("previous_url", ListUrl(prefix, links.page - 1));
  if (links.has_next) pagination.set("next_url", ListUrl(prefix, links.page + 1));
  pagination.set("page", std::to_string(links.page));
  view.set("pagination", pagination);
  return pages_.Render("tags", std::move(view));
}

Result<domain::Tag> TagScreen::TagOf(const AdminRequest& request) const {
  const auto id = ParseRecordId(request.http.Param("id"));
  if (!id) return MakeError(ErrorCode::kNotFound, "There is no such tag.");
  auto tag = ctx_.storage.catalog().FindTagById(*id);
  if (!tag.ok() && tag.error().code == ErrorCode::kNotFound) {
    return MakeError(ErrorCode::kNotFound, "There is no such tag.");
  }
  return tag;
}

http::Response TagScreen::TagPage(AdminRequest& request, const domain::Tag& tag, const TagForms& forms,
                                  std::string_view problem, unsigned status) const {
  render::View view = pages_.PageView(request, "Tag: " + tag.name);
  view.set("id", std::to_string(tag.id));
  view.set("tag_name", tag.name);
  view.set("tag_slug", tag.slug);
  view.set("name", forms.name);
  view.set("slug", forms.slug);
  view.set("into", forms.into);
  view.set("name_problem", forms.name_problem);
  view.set("slug_problem", forms.slug_problem);
  view.set("into_problem", forms.into_problem);
  if (!problem.empty()) view.set("problem", std::string(problem));
  return pages_.Render("tag", std::move(view), status);
}

http::Response TagScreen::Show(AdminRequest& request) const {
  auto tag = TagOf(request);
  if (!tag.ok()) return pages_.ServiceError(request, tag.error());
  return TagPage(request, *tag, TagForms{tag->name, tag->slug, "", "", "", ""}, "", 200);
}

http::Response TagScreen::Rename(AdminRequest& request) const {
  auto tag = TagOf(request);
  if (!tag.ok()) return pages_.ServiceError(request, tag.error());
  TagForms forms;
  forms.name = TrimmedField(request.form, "name");
  forms.slug = TrimmedField(request.form, "slug");
  // An empty slug keeps the tag's address: links to it from outside keep working.
  const std::string slug = forms.slug.empty() ? tag->slug : forms.slug;
  forms.name_problem = NameProblem(forms.name);
  if (!domain::IsValidSlug(slug)) {
    forms.slug_problem = fmt::format(
        "Use lower-case letters, digits and single hyphens, at most {} characters.", domain::kMaxSlugLength);
  }
  if (!forms.name_problem.empty() || !forms.slug_problem.empty()) {
    return TagPage(request, *tag, forms, "The tag is not renamed: see below.", 400);
  }
  if (auto renamed = ctx_.storage.catalog().RenameTag(tag->id, forms.name, slug); !renamed.ok()) {
    if (renamed.error().code != ErrorCode::kConflict) return pages_.ServiceError(request, renamed.error());
    forms.name_problem = "Another tag has this name or slug. To make them one tag, merge them below.";
    return TagPage(request, *tag, forms, "The tag is not renamed: see below.", 409);
  }
  return http::Response::SeeOther("/admin/tags/" + std::to_string(tag->id) + "?done=renamed");
}

http::Response TagScreen::Merge(AdminRequest& request) const {
  auto tag = TagOf(request);
  if (!tag.ok()) return pages_.ServiceError(request, tag.error());
  TagForms forms{tag->name, tag->slug, TrimmedField(request.form, "into"), "", "", ""};
  auto& catalog = ctx_.storage.catalog();
  std::optional<domain::Tag> target;
  if (forms.into.empty()) {
    forms.into_problem = "Type the name of the tag to merge this one into.";
  } else if (!FitsIn(forms.into, kMaxTagNameBytes)) {
    forms.into_problem = fmt::format("There is no tag with that name: names are at most {} characters long.",
                                     kMaxTagNameBytes);
  } else {
    // Names are unique ignoring ASCII case; the prefix lookup finds the one with exactly this name.
    auto candidates = catalog.TagsWithPrefix(forms.into, storage::kMaxTagListLimit);
    if (!candidates.ok()) return pages_.ServiceError(request, candidates.error());
    for (const auto& candidate : *candidates) {
      if (candidate.name.size() != forms.into.size()) continue;
      bool same = true;
      for (std::size_t i = 0; i < candidate.name.size() && same; ++i) {
        same = std::tolower(static_cast<unsigned char>(candidate.name[i])) ==
               std::tolower(static_cast<unsigned char>(forms.into[i]));
      }
      if (same) {
        target = candidate;
        break;
      }
    }
    if (!target) forms.into_problem = fmt::format("There is no tag named \u201c{}\u201d.", forms.into);
  }
  if (target && target->id == tag->id) forms.into_problem = "A tag cannot be merged into itself.";
  if (!forms.into_problem.empty())
    return TagPage(request, *tag, forms, "The tags are not merged: see below.", 400);
  if (auto merged = catalog.MergeTags(tag->id, target->id); !merged.ok()) {
    return pages_.ServiceError(request, merged.error());
  }
  return http::Response::SeeOther("/admin/tags/" + std::to_string(target->id) + "?done=merged");
}

http::Response TagScreen::Delete(AdminRequest& request) const {
  auto tag = TagOf(request);
  if (!tag.ok()) return pages_.ServiceError(request, tag.error());
  if (auto deleted = ctx_.storage.catalog().DeleteTag(tag->id); !deleted.ok()) {
    return pages_.ServiceError(request, deleted.error());
  }
  return http::Response::SeeOther("/admin/tags?done=deleted");
}

}  // namespace gazette::admin
