#include "gazette/admin/author_screen.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "gazette/admin/form_values.hpp"
#include "gazette/admin/record_id.hpp"
#include "gazette/domain/slug.hpp"
#include "gazette/media/media_markup.hpp"
#include "gazette/media/media_naming.hpp"

namespace gazette::admin {
namespace {

/// The store's bounds (catalog_checks): names fit a byline, a bio a short paragraph or two.
constexpr std::size_t kMaxNameBytes = 200;
constexpr std::size_t kMaxBioBytes = 10'000;
/// How many of the newest library images the photo list offers: a profile photo is usually uploaded just
/// before it is chosen.
constexpr std::int64_t kPhotoChoices = 200;

/// The photo of a profile is the public name of the library's 320-pixel copy (or of the original when the
/// image is no wider): small enough for a byline, and a path under the site's media directory.
std::string PhotoNameOf(const domain::MediaItem& item) {
  const bool has_copy = std::find(item.sizes.begin(), item.sizes.end(), 320) != item.sizes.end();
  const std::string url = media::MediaUrl(item, has_copy ? std::optional<int>(320) : std::nullopt);
  return url.starts_with(media::kMediaUrlPrefix) ? url.substr(media::kMediaUrlPrefix.size()) : std::string();
}

}  // namespace

void AuthorScreen::Register(AdminRoutes& routes) const {
  using domain::Permission;
  routes.AddNavigation("Authors", "/admin/authors", Permission::kManageTaxonomy);
  routes.Get("/admin/authors", Permission::kManageTaxonomy, [this](AdminRequest& r) { return List(r); });
  routes.Post("/admin/authors", Permission::kManageTaxonomy, [this](AdminRequest& r) { return Create(r); });
  routes.Get("/admin/authors/new", Permission::kManageTaxonomy,
             [this](AdminRequest& r) { return NewForm(r); });
  routes.Get("/admin/authors/{id}", Permission::kManageTaxonomy, [this](AdminRequest& r) { return Edit(r); });
  routes.Post("/admin/authors/{id}", Permission::kManageTaxonomy,
              [this](AdminRequest& r) { return Save(r); });
}

http::Response AuthorScreen::List(AdminRequest& request) const {
  auto authors = ctx_.storage.catalog().ListAuthors();
  if (!authors.ok()) return pages_.ServiceError(request, authors.error());
  render::View view = pages_.PageView(request, "Authors");
  render::View list{render::View::type::list};
  for (const auto& author : *authors) {
    render::View item;
    item.set("id", std::to_string(author.id));
    item.set("name", author.name);
    item.set("slug", author.slug);
    item.set("role", author.role);
    item.set("organisation", author.organisation);
    if (!author.photo.empty()) item.set("photo_url", std::string(media::kMediaUrlPrefix) + author.photo);
    list.push_back(item);
  }
  view.set("authors", list);
  view.set("empty", authors->empty());
  return pages_.Render("authors", std::move(view));
}

AuthorScreen::FormState AuthorScreen::ReadForm(const http::Form& form) const {
  FormState state;
  domain::Author& author = state.author;
  author.name = TrimmedField(form, "name");
  author.slug = TrimmedField(form, "slug");
  author.role = TrimmedField(form, "role");
  author.organisation = TrimmedField(form, "organisation");
  author.bio = TrimmedField(form, "bio");
  author.photo = TrimmedField(form, "photo");
  const auto too_long = [](std::size_t bytes) { return fmt::format("At most {} characters.", bytes); };
  if (author.name.empty()) {
    state.name_problem = "Give the author a name.";
  } else if (!FitsIn(author.name, kMaxNameBytes)) {
    state.name_problem = too_long(kMaxNameBytes);
  }
  if (author.slug.empty() && state.name_problem.empty()) {
    author.slug = domain::MakeSlug(author.name);
  } else if (!author.slug.empty() && !domain::IsValidSlug(author.slug)) {
    state.slug_problem = fmt::format(
        "Use lower-case letters, digits and single hyphens, at most {} characters.", domain::kMaxSlugLength);
  }
  if (!FitsIn(author.role, kMaxNameBytes)) state.role_problem = too_long(kMaxNameBytes);
  if (!FitsIn(author.organisation, kMaxNameBytes)) state.organisation_problem = too_long(kMaxNameBytes);
  if (!FitsIn(author.bio, kMaxBioBytes)) state.bio_problem = too_long(kMaxBioBytes);
  // Only an image of the library: never a path someone typed.
  if (!author.photo.empty() && !ctx_.media.FileFor(author.photo).ok()) {
    state.photo_problem = "Choose a photo from the media library.";
  }
  return state;
}

http::Response AuthorScreen::FormPage(AdminRequest& request, const FormState& form, std::string_view action,
                                      std::string_view problem, unsigned status) const {
  const bool creating = form.author.id == 0;
  render::View view = pages_.PageView(request, creating ? "New author" : "Edit author");
  view.set("heading", std::string(creating ? "New author" : "Edit author: " + form.author.name));
  view.set("action", std::string(action));
  view.set("creating", creating);
  const domain::Author& author = form.author;
  view.set("name", author.name);
  view.set("slug", author.slug);
  view.set("role", author.role);
  view.set("organisation", author.organisation);
  view.set("bio", author.bio);
  view.set("name_problem", form.name_problem);
  view.set("slug_problem", form.slug_problem);
  view.set("role_problem", form.role_problem);
  view.set("organisation_problem", form.organisation_problem);
  view.set("bio_problem", form.bio_problem);
  view.set("photo_problem", form.photo_problem);
  if (!author.photo.empty()) view.set("photo_url", std::string(media::kMediaUrlPrefix) + author.photo);

  auto images = ctx_.storage.media().List(0, kPhotoChoices);
  if (!images.ok()) return pages_.ServiceError(request, images.error());
  render::View photos{render::View::type::list};
  render::View none;
  none.set("value", std::string());
  none.set("label", std::string("(no photo)"));
  none.set("selected", author.photo.empty());
  photos.push_back(none);
  bool current_listed = author.photo.empty();
  for (const auto& item : *images) {
    const std::string name = PhotoNameOf(item);
    if (name.empty()) continue;
    render::View option;
    option.set("value", name);
    const std::string& label = item.alt.empty() ? item.original_name : item.alt;
    option.set("label",
               fmt::format("{} ({}\u00d7{})", label.empty() ? name : label, item.width, item.height));
    option.set("selected", name == author.photo);
    current_listed = current_listed || name == author.photo;
    photos.push_back(option);
  }
  // A photo older than the newest images stays choosable, so that saving does not drop it.
  if (!current_listed) {
    render::View option;
    option.set("value", author.photo);
    option.set("label", "Current photo (" + author.photo + ")");
    option.set("selected", true);
    photos.push_back(option);
  }
  view.set("photos", photos);
  if (!problem.empty()) view.set("problem", std::string(problem));
  return pages_.Render("author", std::move(view), status);
}

http::Response AuthorScreen::NewForm(AdminRequest& request) const {
  return FormPage(request, FormState{}, "/admin/authors", "", 200);
}

http::Response AuthorScreen::Create(AdminRequest& request) const {
  FormState form = ReadForm(request.form);
  if (form.HasProblem())
    return FormPage(request, form, "/admin/authors", "The profile is not created: see below.", 400);
  auto created = ctx_.storage.catalog().CreateAuthor(form.author);
  if (!created.ok()) {
    if (created.error().code != ErrorCode::kConflict) return pages_.ServiceError(request, created.error());
    form.slug_problem = "Another author has this slug. Choose another.";
    return FormPage(request, form, "/admin/authors", "The profile is not created: see below.", 409);
  }
  return http::Response::SeeOther("/admin/authors?done=created");
}

http::Response AuthorScreen::Edit(AdminRequest& request) const {
  const auto id = ParseRecordId(request.http.Param("id"));
  if (!id) return pages_.Error(&request.http, 404, "There is no such author.", &request);
  auto author = ctx_.storage.catalog().FindAuthorById(*id);
  if (!author.ok()) {
    if (author.error().code == ErrorCode::kNotFound) {
      return pages_.Error(&request.http, 404, "There is no such author.", &request);
    }
    return pages_.ServiceError(request, author.error());
  }
  FormState form;
  form.author = *author;
  return FormPage(request, form, "/admin/authors/" + std::to_string(*id), "", 200);
}

http::Response AuthorScreen::Save(AdminRequest& request) const {
  const auto id = ParseRecordId(request.http.Param("id"));
  if (!id) return pages_.Error(&request.http, 404, "There is no such author.", &request);
  FormState form = ReadForm(request.form);
  form.author.id = *id;
  const std::string action = "/admin/authors/" + std::to_string(*id);
  if (form.HasProblem()) return FormPage(request, form, action, "The changes are not saved: see below.", 400);
  if (auto saved = ctx_.storage.catalog().UpdateAuthor(form.author); !saved.ok()) {
    if (saved.error().code == ErrorCode::kNotFound) {
      return pages_.Error(&request.http, 404, "There is no such author.", &request);
    }
    if (saved.error().code != ErrorCode::kConflict) return pages_.ServiceError(request, saved.error());
    form.slug_problem = "Another author has this slug. Choose another.";
    return FormPage(request, form, action, "The changes are not saved: see below.", 409);
  }
  return http::Response::SeeOther("/admin/authors?done=saved");
}

}  // namespace gazette::admin
