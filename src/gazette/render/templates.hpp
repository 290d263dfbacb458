#pragma once
/// Templates: the theme's Mustache files, parsed once at start. A page template
/// (templates/pages/NAME.mustache) is rendered, then placed in the layout
/// (templates/layouts/default.mustache) as {{{content}}}; partials come from templates/partials/.
/// A site overrides any file by putting its own under DIR/theme/templates/, no rebuild.
/// {{x}} escapes & < > " ' (' as &#39;); {{{x}}} and {{& x}} do not. {{> name}} is partials/name, looked up
/// in the theme only (never in the view). layouts/default.mustache must exist.

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/base/result.hpp"
#include "gazette/render/view.hpp"

namespace gazette::render {

/// Immutable after Load; Render is thread-safe.
class Templates {
 public:
  /// Loads every *.mustache under templates/ of each theme root; a later root overrides an earlier one
  /// file by file. kInvalid naming the file and the problem when a template does not parse.
  static Result<Templates> Load(const std::vector<std::filesystem::path>& theme_roots);

  Templates(Templates&&) noexcept;
  Templates& operator=(Templates&&) noexcept;
  ~Templates();

  /// Renders pages/<page>.mustache with view, then the layout with the same view plus {{{content}}}.
  /// kNotFound for an unknown page; kInternal when rendering fails (a template error).
  /// site_wide, when given, is looked up after view (a name that view has wins there): values that are
  /// the same on every page, built once and shared instead of copied into each page's view. It must stay
  /// unchanged until the call returns.
  Result<std::string> RenderPage(std::string_view page, View view, const View* site_wide = nullptr) const;

  /// Renders one template alone (no layout) by its full name ("partials/counter", "pages/front"): for
  /// fragments and tests. kNotFound for an unknown name.
  Result<std::string> RenderFragment(std::string_view name, const View& view) const;

 private:
  Templates();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gazette::render
