#include "gazette/admin/article_form.hpp"

#include <charconv>

#include "gazette/admin/record_id.hpp"
#include "gazette/media/media_markup.hpp"
#include "gazette/render/markdown.hpp"

namespace gazette::admin {
namespace {

using domain::Permission;
using editorial::PublishMode;

std::string Field(const AdminRequest& request, std::string_view name) {
  return std::string(request.form.Get(name).value_or(""));
}

/// A whole number as a form sends it, or empty.
std::optional<std::int64_t> ParseNumber(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

struct ButtonChoice {
  std::string_view value;
  std::string_view label;
  bool editors_only;
  bool existing_only;
};
/// The publish buttons, in the order shown; their values are what editorial::ParsePublishMode reads.
constexpr ButtonChoice kButtons[] = {
    {"draft", "Save draft", false, false},   {"review", "Submit for review", false, false},
    {"publish", "Publish now", true, false}, {"schedule", "Schedule", true, false},
    {"keep", "Update", false, true},
};

render::View Option(std::int64_t value, const std::string& label, bool selected) {
  render::View option;
  option.set("value", std::to_string(value));
  option.set("label", label);
  option.set("selected", selected);
  return option;
}

}  // namespace

ArticleFormInput ReadArticleForm(const AdminRequest& request) {
  ArticleFormInput out;
  editorial::ArticleInput& input = out.input;
  input.title = Field(request, "title");
  input.slug = Field(request, "slug");
  input.country = Field(request, "country");
  input.tags = Field(request, "tags");
  input.intro_markdown = Field(request, "intro_markdown");
  input.body_markdown = Field(request, "body_markdown");
  input.comments_open = request.form.Has("comments_open");
  input.publish_at_local = Field(request, "publish_at_local");
  if (auto id = ParseRecordId(Field(request, "category_id"))) {
    input.category_id = *id;
  } else {
    out.field_errors.push_back({"category_id", "Choose a category."});
  }
  if (request.Can(Permission::kEditAnyArticle)) {
    if (auto id = ParseRecordId(Field(request, "author_id"))) {
      input.author_id = *id;
    } else {
      out.field_errors.push_back({"author_id", "Choose an author."});
    }
  }
  if (request.Can(Permission::kPublish)) {
    input.featured = request.form.Has("featured");
    const std::string order = Field(request, "featured_order");
    if (order.empty()) {
      input.featured_order = 0;
    } else if (auto number = ParseNumber(order); number && *number >= INT32_MIN && *number <= INT32_MAX) {
      input.featured_order = static_cast<int>(*number);
    } else {
      out.field_errors.push_back({"featured_order", "Enter a whole number."});
    }
    input.unpublish_at_local = Field(request, "unpublish_at_local");
  }
  out.version = ParseNumber(Field(request, "version"));
  out.preview = request.form.Has("preview");
  if (auto mode = editorial::ParsePublishMode(Field(request, "mode")); mode.ok()) out.mode = *mode;
  if (out.mode) input.mode = *out.mode;
  return out;
}

Result<render::View> ArticleFormView(const AdminContext& ctx, const AdminRequest& request, render::View view,
                                     const ArticleFormPage& page) {
  const editorial::ArticleInput& input = *page.input;
  const bool existing = page.id != 0;
  const bool can_publish = request.Can(Permission::kPublish);
  view.set("existing", existing);
  view.set("id", std::to_string(page.id));
  view.set("action",
           existing ? "/admin/articles/" + std::to_string(page.id) : std::string("/admin/articles"));
  view.set("version", std::to_string(page.version));
  view.set("state", std::string(domain::ArticleStateName(page.state)));
  view.set("review_requested", page.review_requested);
  view.set("slug_locked", page.slug_locked);
  view.set("read_only", page.read_only);
  view.set("editable", !page.read_only);
  if (!page.problem.empty()) view.set("problem", page.problem);

  view.set("title", input.title);
  view.set("slug", input.slug);
  view.set("country", input.country);
  view.set("tags", input.tags);
  view.set("intro_markdown", input.intro_markdown);
  view.set("body_markdown", input.body_markdown);
  view.set("comments_open", input.comments_open);
  view.set("publish_at_local", input.publish_at_local);
  view.set("unpublish_at_local", input.unpublish_at_local.value_or(""));
  view.set("featured", input.featured.value_or(false));
  view.set("featured_order", std::to_string(input.featured_order.value_or(0)));
  view.set("can_publish", can_publish);
  view.set("choose_author", request.Can(Permission::kEditAnyArticle));
  for (const auto& error : page.field_errors) view.set("error_" + error.field, error.message);

  auto categories = ctx.storage.catalog().ListCategories();
  if (!categories.ok()) return std::move(categories).error();
  render::View category_views{render::View::type::list};
  for (const auto& category : *categories) {
    category_views.push_back(Option(category.id, category.name, category.id == input.category_id));
  }
  view.set("categories", category_views);
  if (request.Can(Permission::kEditAnyArticle)) {
    auto authors = ctx.storage.catalog().ListAuthors();
    if (!authors.ok()) return std::move(authors).error();
    render::View author_views{render::View::type::list};
    for (const auto& author : *authors) {
      author_views.push_back(Option(author.id, author.name, author.id == input.author_id));
    }
    view.set("authors", author_views);
  }

  render::View buttons{render::View::type::list};
  for (const auto& button : kButtons) {
    if (button.editors_only && !can_publish) continue;
    if (button.existing_only && !existing) continue;
    render::View item;
    item.set("value", std::string(button.value));
    item.set("label", std::string(button.label));
    item.set("secondary", button.value != "publish" && button.value != "keep");
    buttons.push_back(item);
  }
  view.set("buttons", buttons);

  // Rendered by the same renderer as on save, so that what is previewed is what readers get.
  if (input.intro_markdown.size() <= editorial::kMaxIntroBytes &&
      input.body_markdown.size() <= render::kMaxMarkdownBytes) {
    view.set("intro_html", render::MarkdownToHtml(input.intro_markdown));
    view.set("body_html", render::MarkdownToHtml(input.body_markdown));
  }

  auto images = ctx.storage.media().List(0, kEditorRecentImages);
  if (!images.ok()) return std::move(images).error();
  render::View image_views{render::View::type::list};
  for (const auto& item : *images) {
    const std::string snippet = media::MarkdownFor(item);
    if (snippet.empty()) continue;
    render::View image;
    image.set("id", std::to_string(item.id));
    const std::optional<int> thumb =
        item.sizes.empty() ? std::nullopt : std::optional<int>(item.sizes.front());
    image.set("thumbnail_url", media::MediaUrl(item, thumb));
    image.set("alt", item.alt);
    image.set("name", item.original_name.empty() ? "image " + std::to_string(item.id) : item.original_name);
    image.set("snippet", snippet);
    image_views.push_back(image);
  }
  view.set("images", image_views);
  view.set("has_images", !images->empty());
  view.set("can_upload", request.Can(Permission::kUploadMedia));
  if (auto script = ctx.assets.UrlFor("js/article-editor.js")) view.set("editor_script_url", *script);
  return view;
}

}  // namespace gazette::admin
