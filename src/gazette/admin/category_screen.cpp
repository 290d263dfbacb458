#include "gazette/admin/category_screen.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>
#include <set>

#include "gazette/admin/form_values.hpp"
#include "gazette/admin/record_id.hpp"
#include "gazette/domain/slug.hpp"
#include "gazette/http/error_status.hpp"

namespace gazette::admin {
namespace {

/// The store's bounds (catalog_checks): a name fits a navigation bar, a description an intro paragraph.
constexpr std::size_t kMaxNameBytes = 200;
constexpr std::size_t kMaxDescriptionBytes = 10'000;

/// A category in the order the tree is shown: parents before their children, siblings by position.
struct TreeRow {
  const domain::Category* category;
  int depth;
  bool first_sibling;
  bool last_sibling;
};

std::vector<TreeRow> Flatten(const std::vector<domain::Category>& categories) {
  std::map<std::optional<std::int64_t>, std::vector<const domain::Category*>> children;
  std::set<std::int64_t> ids;
  for (const auto& category : categories) ids.insert(category.id);
  for (const auto& category : categories) {
    // A parent that is not in the list would hide its subtree: show such rows at the top instead.
    const bool known_parent = category.parent_id && ids.contains(*category.parent_id);
    children[known_parent ? category.parent_id : std::nullopt].push_back(&category);
  }
  std::vector<TreeRow> rows;
  std::set<std::int64_t> seen;  // a corrupt parent cycle must not loop forever
  const auto visit = [&](const auto& self, std::optional<std::int64_t> parent, int depth) -> void {
    const auto it = children.find(parent);
    if (it == children.end()) return;
    const auto& siblings = it->second;
    for (std::size_t i = 0; i < siblings.size(); ++i) {
      if (!seen.insert(siblings[i]->id).second) continue;
      rows.push_back({siblings[i], depth, i == 0, i + 1 == siblings.size()});
      self(self, siblings[i]->id, depth + 1);
    }
  };
  visit(visit, std::nullopt, 0);
  return rows;
}

/// The category and every category below it.
std::set<std::int64_t> SubtreeOf(const std::vector<TreeRow>& rows, std::int64_t id) {
  std::set<std::int64_t> subtree;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].category->id != id) continue;
    subtree.insert(id);
    for (std::size_t j = i + 1; j < rows.size() && rows[j].depth > rows[i].depth; ++j) {
      subtree.insert(rows[j].category->id);
    }
  }
  return subtree;
}

std::string Indent(int depth) {
  std::string indent;
  for (int i = 0; i < depth; ++i) indent += "\u2014 ";
  return indent;
}

/// The parent select: "(top level)" and every category that may be the parent (not the category itself
/// nor one below it), the chosen one selected.
render::View ParentOptions(const std::vector<TreeRow>& rows, const std::set<std::int64_t>& excluded,
                           std::string_view chosen) {
  render::View options{render::View::type::list};
  render::View top;
  top.set("value", std::string());
  top.set("label", std::string("(top level)"));
  top.set("selected", chosen.empty());
  options.push_back(top);
  for (const auto& row : rows) {
    if (excluded.contains(row.category->id)) continue;
    render::View option;
    const std::string value = std::to_string(row.category->id);
    option.set("value", value);
    option.set("label", Indent(row.depth) + row.category->name);
    option.set("selected", value == chosen);
    options.push_back(option);
  }
  return options;
}

void SetFormView(render::View& view, const auto& form) {
  render::View fields;
  fields.set("name", form.category.name);
  fields.set("slug", form.category.slug);
  fields.set("description", form.category.description);
  fields.set("name_problem", form.name_problem);
  fields.set("slug_problem", form.slug_problem);
  fields.set("parent_problem", form.parent_problem);
  fields.set("description_problem", form.description_problem);
  view.set("form", fields);
}

}  // namespace

void CategoryScreen::Register(AdminRoutes& routes) const {
  using domain::Permission;
  routes.AddNavigation("Categories", "/admin/categories", Permission::kManageTaxonomy);
  routes.Get("/admin/categories", Permission::kManageTaxonomy, [this](AdminRequest& r) { return List(r); });
  routes.Post("/admin/categories", Permission::kManageTaxonomy,
              [this](AdminRequest& r) { return Create(r); });
  routes.Get("/admin/categories/{id}", Permission::kManageTaxonomy,
             [this](AdminRequest& r) { return Edit(r); });
  routes.Post("/admin/categories/{id}", Permission::kManageTaxonomy,
              [this](AdminRequest& r) { return Save(r); });
  routes.Post("/admin/categories/{id}/move", Permission::kManageTaxonomy,
              [this](AdminRequest& r) { return Move(r); });
  routes.Post("/admin/categories/{id}/delete", Permission::kManageTaxonomy,
              [this](AdminRequest& r) { return Delete(r); });
}

void CategoryScreen::CategoriesChanged() const {
  if (!ctx_.reload_categories) return;
  if (auto status = ctx_.reload_categories(); !status.ok()) {
    spdlog::error("reloading the category navigation failed: {}", status.error().message);
  }
}

CategoryScreen::FormState CategoryScreen::ReadForm(const http::Form& form) const {
  FormState state;
  state.category.name = TrimmedField(form, "name");
  state.category.slug = TrimmedField(form, "slug");
  state.category.description = TrimmedField(form, "description");
  state.parent_text = TrimmedField(form, "parent");
  if (state.category.name.empty()) {
    state.name_problem = "Give the category a name.";
  } else if (!FitsIn(state.category.name, kMaxNameBytes)) {
    state.name_problem = fmt::format("A name may be at most {} characters long.", kMaxNameBytes);
  }
  if (state.category.slug.empty() && state.name_problem.empty()) {
    state.category.slug = domain::MakeSlug(state.category.name);
  } else if (!state.category.slug.empty() && !domain::IsValidSlug(state.category.slug)) {
    state.slug_problem = fmt::format(
        "Use lower-case letters, digits and single hyphens, at most {} characters.", domain::kMaxSlugLength);
  }
  if (!FitsIn(state.category.description, kMaxDescriptionBytes)) {
    state.description_problem =
        fmt::format("A description may be at most {} characters long.", kMaxDescriptionBytes);
  }
  if (!state.parent_text.empty()) {
    state.category.parent_id = ParseRecordId(state.parent_text);
    if (!state.category.parent_id) state.parent_problem = "Choose a parent from the list.";
  }
  return state;
}

bool CategoryScreen::PlaceStoreProblem(FormState& form, const Error& error) {
  if (error.code == ErrorCode::kConflict) {
    form.slug_problem = "Another category has this slug. Choose another.";
    return true;
  }
  if (error.code == ErrorCode::kInvalid || (error.code == ErrorCode::kNotFound && form.category.parent_id)) {
    // The store's words, which name the category: its own parent, one of its subcategories, a
    // parent that is gone.
    form.parent_problem = AsSentence(error.message);
    return true;
  }
  return false;
}

http::Response CategoryScreen::ListPage(AdminRequest& request, const FormState* form,
                                        std::string_view problem, unsigned status) const {
  auto categories = ctx_.storage.catalog().ListCategories();
  if (!categories.ok()) return pages_.ServiceError(request, categories.error());
  const auto rows = Flatten(*categories);
  render::View view = pages_.PageView(request, "Categories");
  render::View list{render::View::type::list};
  for (const auto& row : rows) {
    render::View item;
    item.set("id", std::to_string(row.category->id));
    item.set("name", row.category->name);
    item.set("slug", row.category->slug);
    item.set("indent", Indent(row.depth));
    item.set("depth", std::to_string(std::min(row.depth, 5)));
    item.set("can_move_up", !row.first_sibling);
    item.set("can_move_down", !row.last_sibling);
    list.push_back(item);
  }
  view.set("categories", list);
  view.set("empty", rows.empty());
  FormState blank;
  const FormState& shown = form != nullptr ? *form : blank;
  SetFormView(view, shown);
  view.set("parents", ParentOptions(rows, {}, shown.parent_text));
  if (!problem.empty()) view.set("problem", std::string(problem));
  return pages_.Render("categories", std::move(view), status);
}

http::Response CategoryScreen::EditPage(AdminRequest& request, const FormState& form,
                                        std::string_view problem, unsigned status) const {
  auto categories = ctx_.storage.catalog().ListCategories();
  if (!categories.ok()) return pages_.ServiceError(request, categories.error());
  const auto rows = Flatten(*categories);
  render::View view = pages_.PageView(request, "Edit category");
  view.set("id", std::to_string(form.category.id));
  SetFormView(view, form);
  view.set("parents", ParentOptions(rows, SubtreeOf(rows, form.category.id), form.parent_text));
  if (!problem.empty()) view.set("problem", std::string(problem));
  return pages_.Render("category_edit", std::move(view), status);
}

http::Response CategoryScreen::List(AdminRequest& request) const {
  return ListPage(request, nullptr, "", 200);
}

http::Response CategoryScreen::Create(AdminRequest& request) const {
  FormState form = ReadForm(request.form);
  if (form.HasProblem()) return ListPage(request, &form, "The category is not created: see below.", 400);
  // A new category goes last among its siblings, where the editor looks for it.
  auto existing = ctx_.storage.catalog().ListCategories();
  if (!existing.ok()) return pages_.ServiceError(request, existing.error());
  for (const auto& category : *existing) {
    if (category.parent_id == form.category.parent_id) {
      form.category.position = std::max(form.category.position, category.position + 1);
    }
  }
  auto created = ctx_.storage.catalog().CreateCategory(form.category);
  if (!created.ok()) {
    if (!PlaceStoreProblem(form, created.error())) return pages_.ServiceError(request, created.error());
    const unsigned status = created.error().code == ErrorCode::kConflict ? 409 : 400;
    return ListPage(request, &form, "The category is not created: see below.", status);
  }
  CategoriesChanged();
  return http::Response::SeeOther("/admin/categories?done=created");
}

http::Response CategoryScreen::Edit(AdminRequest& request) const {
  const auto id = ParseRecordId(request.http.Param("id"));
  if (!id) return pages_.Error(&request.http, 404, "There is no such category.", &request);
  auto categories = ctx_.storage.catalog().ListCategories();
  if (!categories.ok()) return pages_.ServiceError(request, categories.error());
  const auto found = std::find_if(categories->begin(), categories->end(),
                                  [&](const domain::Category& c) { return c.id == *id; });
  if (found == categories->end())
    return pages_.Error(&request.http, 404, "There is no such category.", &request);
  FormState form;
  form.category = *found;
  if (found->parent_id) form.parent_text = std::to_string(*found->parent_id);
  return EditPage(request, form, "", 200);
}

http::Response CategoryScreen::Save(AdminRequest& request) const {
  const auto id = ParseRecordId(request.http.Param("id"));
  if (!id) return pages_.Error(&request.http, 404, "There is no such category.", &request);
  FormState form = ReadForm(request.form);
  form.category.id = *id;
  if (form.category.parent_id == *id) form.parent_problem = "A category cannot be its own parent.";
  if (form.HasProblem()) return EditPage(request, form, "The changes are not saved: see below.", 400);
  if (auto saved = ctx_.storage.catalog().UpdateCategory(form.category); !saved.ok()) {
    if (saved.error().code == ErrorCode::kNotFound && !form.category.parent_id) {
      return pages_.Error(&request.http, 404, "There is no such category.", &request);
    }
    if (!PlaceStoreProblem(form, saved.error())) return pages_.ServiceError(request, saved.error());
    const unsigned status = saved.error().code == ErrorCode::kConflict ? 409 : 400;
    return EditPage(request, form, "The changes are not saved: see below.", status);
  }
  CategoriesChanged();
  return http::Response::SeeOther("/admin/categories?done=saved");
}

http::Response CategoryScreen::Move(AdminRequest& request) const {
  const auto id = ParseRecordId(request.http.Param("id"));
  const std::string direction = TrimmedField(request.form, "direction");
  if (!id) return pages_.Error(&request.http, 404, "There is no such category.", &request);
  if (direction != "up" && direction != "down") {
    return pages_.Error(&request.http, 400, "Move a category up or down.", &request);
  }
  auto categories = ctx_.storage.catalog().ListCategories();
  if (!categories.ok()) return pages_.ServiceError(request, categories.error());
  const auto found = std::find_if(categories->begin(), categories->end(),
                                  [&](const domain::Category& c) { return c.id == *id; });
  if (found == categories->end())
    return pages_.Error(&request.http, 404, "There is no such category.", &request);
  // The siblings in their current order (ListCategories orders by parent, position, name).
  std::vector<std::int64_t> siblings;
  for (const auto& category : *categories) {
    if (category.parent_id == found->parent_id) siblings.push_back(category.id);
  }
  const auto at =
      static_cast<std::size_t>(std::find(siblings.begin(), siblings.end(), *id) - siblings.begin());
  const bool up = direction == "up";
  // Already first or last: nothing to do, and no error (a double click).
  if ((up && at > 0) || (!up && at + 1 < siblings.size())) {
    std::swap(siblings[at], siblings[up ? at - 1 : at + 1]);
    if (auto reordered = ctx_.storage.catalog().ReorderCategories(found->parent_id, siblings);
        !reordered.ok()) {
      if (reordered.error().code == ErrorCode::kConflict) {
        return ListPage(request, nullptr,
                        "The categories changed meanwhile. Look at the new order and try again.", 409);
      }
      return pages_.ServiceError(request, reordered.error());
    }
    CategoriesChanged();
  }
  return http::Response::SeeOther("/admin/categories?done=reordered");
}

http::Response CategoryScreen::Delete(AdminRequest& request) const {
  const auto id = ParseRecordId(request.http.Param("id"));
  if (!id) return pages_.Error(&request.http, 404, "There is no such category.", &request);
  if (auto deleted = ctx_.storage.catalog().DeleteCategory(*id); !deleted.ok()) {
    if (deleted.error().code == ErrorCode::kConflict) {
      // The store says why in words for people: the articles or subcategories it still holds.
      const std::string message = "Not deleted: " + AsSentence(deleted.error().message);
      return ListPage(request, nullptr, message, 409);
    }
    if (deleted.error().code == ErrorCode::kNotFound) {
      return pages_.Error(&request.http, 404, "There is no such category.", &request);
    }
    return pages_.ServiceError(request, deleted.error());
  }
  CategoriesChanged();
  return http::Response::SeeOther("/admin/categories?done=deleted");
}

}  // namespace gazette::admin
