#include "gazette/admin/media_screen.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "gazette/admin/form_values.hpp"
#include "gazette/admin/record_id.hpp"
#include "gazette/domain/pagination.hpp"
#include "gazette/http/multipart.hpp"
#include "gazette/media/media_markup.hpp"
#include "gazette/storage/media_store.hpp"

namespace gazette::admin {
namespace {

/// A page of thumbnails: four rows of six on a wide screen.
constexpr std::int64_t kImagesPerPage = 24;
/// The copy a thumbnail shows: the smallest the library makes.
constexpr int kThumbnailWidth = 320;
/// The form field that carries the file; the upload form's input has this name.
constexpr std::string_view kFileField = "file";

std::string ReadableBytes(std::int64_t bytes) {
  if (bytes >= 1024 * 1024) return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  if (bytes >= 1024) return fmt::format("{} KB", (bytes + 512) / 1024);
  return fmt::format("{} bytes", bytes);
}

render::View ItemView(const domain::MediaItem& item) {
  render::View view;
  view.set("id", std::to_string(item.id));
  const bool has_thumbnail =
      std::find(item.sizes.begin(), item.sizes.end(), kThumbnailWidth) != item.sizes.end();
  view.set("thumbnail_url",
           media::MediaUrl(item, has_thumbnail ? std::optional<int>(kThumbnailWidth) : std::nullopt));
  view.set("url", media::MediaUrl(item, std::nullopt));
  view.set("markdown", media::MarkdownFor(item));
  view.set("alt", item.alt);
  view.set("name", item.original_name);
  view.set("dimensions", fmt::format("{}\u00d7{}", item.width, item.height));
  view.set("size", ReadableBytes(item.bytes));
  view.set("mime", item.mime);
  return view;
}

}  // namespace

void MediaScreen::Register(AdminRoutes& routes) const {
  using domain::Permission;
  routes.AddNavigation("Media", "/admin/media", Permission::kUploadMedia);
  routes.Get("/admin/media", Permission::kUploadMedia, [this](AdminRequest& r) { return Library(r); });
  routes.Post("/admin/media", Permission::kUploadMedia, [this](AdminRequest& r) { return Upload(r); });
  routes.Post("/admin/media/{id}/alt", Permission::kUploadMedia,
              [this](AdminRequest& r) { return SetAlt(r); });
  routes.Post("/admin/media/{id}/delete", Permission::kUploadMedia,
              [this](AdminRequest& r) { return Delete(r); });
}

http::Response MediaScreen::LibraryPage(AdminRequest& request, const UploadState& upload,
                                        std::string_view problem, unsigned status) const {
  auto page = domain::ParsePageNumber(request.http.Query("page").value_or(""));
  if (!page.ok()) return pages_.Error(&request.http, 400, page.error().message, &request);
  const domain::PageWindow window{*page, kImagesPerPage};
  auto items = ctx_.storage.media().List(window.offset(), window.limit());
  if (!items.ok()) return pages_.ServiceError(request, items.error());
  const auto links = domain::LinksFor(window, items->size());

  render::View view = pages_.PageView(request, "Media");
  render::View grid{render::View::type::list};
  for (std::size_t i = 0; i < items->size() && static_cast<std::int64_t>(i) < kImagesPerPage; ++i) {
    grid.push_back(ItemView((*items)[i]));
  }
  view.set("items", grid);
  view.set("empty", items->empty());
  view.set("alt", upload.alt);
  // Set only when there is one: to a template, an empty text is still a value, and would show an empty alert.
  if (!upload.file_problem.empty()) view.set("file_problem", upload.file_problem);
  if (!upload.alt_problem.empty()) view.set("alt_problem", upload.alt_problem);
  view.set("max_upload", ReadableBytes(static_cast<std::int64_t>(ctx_.media.limits().max_bytes)));
  render::View pagination;
  pagination.set("any", links.has_previous || links.has_next);
  if (links.has_previous) pagination.set("previous_url", fmt::format("/admin/media?page={}", links.page - 1));
  if (links.has_next) pagination.set("next_url", fmt::format("/admin/media?page={}", links.page + 1));
  pagination.set("page", std::to_string(links.page));
  view.set("pagination", pagination);
  if (!problem.empty()) view.set("problem", std::string(problem));
  return pages_.Render("media", std::move(view), status);
}

http::Response MediaScreen::Library(AdminRequest& request) const {
  return LibraryPage(request, UploadState{}, "", 200);
}

http::Response MediaScreen::Upload(AdminRequest& request) const {
  UploadState state;
  state.alt = TrimmedField(request.form, "alt");
  if (!FitsIn(state.alt, storage::kMaxMediaAltBytes)) {
    state.alt_problem =
        fmt::format("Alt text may be at most {} characters long.", storage::kMaxMediaAltBytes);
  }
  // The gate read the text fields; the file is read here, as a view into the body (no copy).
  auto parts = http::ParseMultipartForm(request.http.Header("Content-Type"), request.http.body());
  if (!parts.ok()) {
    state.file_problem = "Send the image with the upload form (as a file).";
    return LibraryPage(request, state, "Nothing was uploaded: see below.", 400);
  }
  const auto file = std::find_if(parts->begin(), parts->end(), [](const http::Part& part) {
    return part.name == kFileField && part.IsFile();
  });
  if (file == parts->end() || (file->data.empty() && file->filename->empty())) {
    state.file_problem = "Choose an image file to upload.";
  }
  if (!state.file_problem.empty() || !state.alt_problem.empty()) {
    return LibraryPage(request, state, "Nothing was uploaded: see below.", 400);
  }
  // The browser's Content-Type for the part is only its guess from the name: the library decides by the
  // bytes themselves.
  auto item = ctx_.media.Upload(file->data, *file->filename, request.user().id, ctx_.clock.Now());
  if (!item.ok()) {
    if (item.error().code != ErrorCode::kInvalid) return pages_.ServiceError(request, item.error());
    state.file_problem = AsSentence(item.error().message);
    return LibraryPage(request, state, "Nothing was uploaded: see below.", 400);
  }
  if (!state.alt.empty() && item->alt.empty()) {
    if (auto alt = ctx_.media.SetAlt(item->id, state.alt); !alt.ok())
      return pages_.ServiceError(request, alt.error());
  }
  return http::Response::SeeOther("/admin/media?done=uploaded");
}

http::Response MediaScreen::SetAlt(AdminRequest& request) const {
  const auto id = ParseRecordId(request.http.Param("id"));
  if (!id) return pages_.Error(&request.http, 404, "There is no such image.", &request);
  const std::string alt = TrimmedField(request.form, "alt");
  if (auto set = ctx_.media.SetAlt(*id, alt); !set.ok()) {
    if (set.error().code == ErrorCode::kNotFound) {
      return pages_.Error(&request.http, 404, "There is no such image.", &request);
    }
    if (set.error().code == ErrorCode::kInvalid) {
      return LibraryPage(request, UploadState{},
                         "The alt text is not saved: " + AsSentence(set.error().message), 400);
    }
    return pages_.ServiceError(request, set.error());
  }
  return http::Response::SeeOther("/admin/media?done=saved");
}

http::Response MediaScreen::Delete(AdminRequest& request) const {
  const auto id = ParseRecordId(request.http.Param("id"));
  if (!id) return pages_.Error(&request.http, 404, "There is no such image.", &request);
  if (auto deleted = ctx_.media.Delete(*id); !deleted.ok()) {
    if (deleted.error().code == ErrorCode::kNotFound) {
      return pages_.Error(&request.http, 404, "There is no such image.", &request);
    }
    return pages_.ServiceError(request, deleted.error());
  }
  return http::Response::SeeOther("/admin/media?done=deleted");
}

}  // namespace gazette::admin
