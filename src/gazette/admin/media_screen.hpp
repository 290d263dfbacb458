#pragma once
/// MediaScreen: /admin/media, the media library: upload an image (checked by its content, not its name
/// or the browser's claim), the grid of uploaded images newest first with the Markdown that shows each in
/// an article, alt text, deletion.

#include <string>
#include <string_view>

#include "gazette/admin/admin_context.hpp"
#include "gazette/admin/admin_pages.hpp"
#include "gazette/admin/admin_routes.hpp"

namespace gazette::admin {

/// Thread-safe once registered.
class MediaScreen {
 public:
  MediaScreen(const AdminContext& ctx, const AdminPages& pages) : ctx_(ctx), pages_(pages) {}

  void Register(AdminRoutes& routes) const;

 private:
  /// What the upload form shows again after a refusal.
  struct UploadState {
    std::string alt;
    std::string file_problem;
    std::string alt_problem;
  };

  http::Response Library(AdminRequest& request) const;
  http::Response Upload(AdminRequest& request) const;
  http::Response SetAlt(AdminRequest& request) const;
  http::Response Delete(AdminRequest& request) const;

  /// The upload form and the page of the grid asked for by ?page=.
  http::Response LibraryPage(AdminRequest& request, const UploadState& upload, std::string_view problem,
                             unsigned status) const;

  const AdminContext& ctx_;
  const AdminPages& pages_;
};

}  // namespace gazette::admin
