#pragma once
/// CatalogStore: categories, tags and authors. Small tables, read often, changed rarely.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/base/result.hpp"
#include "gazette/domain/taxonomy.hpp"

namespace gazette::storage {

/// A tag with the number of articles (of any state) that carry it, for the tag list.
struct TagUsage {
  domain::Tag tag;
  std::int64_t articles = 0;
};

/// Most tags one autocomplete answer or one page of the tag list may hold.
inline constexpr std::int64_t kMaxTagListLimit = 500;
/// Most names FindOrCreateTags takes at once: the most tags an article may have.
inline constexpr std::size_t kMaxTagNamesAtOnce = 50;

/// Thread-safe.
class CatalogStore {
 public:
  virtual ~CatalogStore() = default;

  /// All categories, ordered by parent, position, name (callers build the tree).
  virtual Result<std::vector<domain::Category>> ListCategories() = 0;
  virtual Result<domain::Category> FindCategoryBySlug(std::string_view slug) = 0;
  virtual Result<domain::Tag> FindTagBySlug(std::string_view slug) = 0;
  virtual Result<domain::Author> FindAuthorBySlug(std::string_view slug) = 0;

  /// Creators return the new id; kConflict when the slug is taken, kInvalid for a missing parent.
  virtual Result<std::int64_t> CreateCategory(const domain::Category& category) = 0;
  virtual Result<std::int64_t> CreateTag(const domain::Tag& tag) = 0;
  virtual Result<std::int64_t> CreateAuthor(const domain::Author& author) = 0;

  // ---- Editing, for the back office. ----

  /// Changes the name, slug, description and parent of category.id (its position is kept, or it goes
  /// last among its new siblings when it moves). kNotFound for an unknown id or parent; kInvalid when the
  /// new parent is the category itself or one of its descendants (a cycle); kConflict for a taken slug.
  virtual Status UpdateCategory(const domain::Category& category) = 0;
  /// Orders the children of parent (top level when empty) as ordered_ids lists them. kInvalid when an id
  /// repeats; kConflict when the ids are not exactly the children of parent (someone changed them
  /// meanwhile: reload).
  virtual Status ReorderCategories(std::optional<std::int64_t> parent,
                                   std::span<const std::int64_t> ordered_ids) = 0;
  /// kConflict while any article (of any state, trashed included) is in it or it has subcategories;
  /// kNotFound for an unknown id.
  virtual Status DeleteCategory(std::int64_t id) = 0;

  /// Tags by name, ignoring ASCII case, at offset / limit, with how many articles carry each.
  virtual Result<std::vector<TagUsage>> ListTags(std::int64_t offset, std::int64_t limit) = 0;
  virtual Result<std::int64_t> CountTags() = 0;
  /// As ListTags, only the tags whose name starts with prefix (ignoring ASCII case; % and _ match
  /// themselves): the tag list filtered by what the editor typed. An empty prefix lists every tag.
  virtual Result<std::vector<TagUsage>> ListTagsStartingWith(std::string_view prefix, std::int64_t offset,
                                                             std::int64_t limit) = 0;
  /// How many tags ListTagsStartingWith(prefix, ...) pages through.
  virtual Result<std::int64_t> CountTagsStartingWith(std::string_view prefix) = 0;
  /// kNotFound when there is no tag id.
  virtual Result<domain::Tag> FindTagById(std::int64_t id) = 0;
  /// Tags whose name starts with prefix (ignoring ASCII case; % and _ match themselves), by name, at
  /// most limit (<= kMaxTagListLimit): for autocomplete.
  virtual Result<std::vector<domain::Tag>> TagsWithPrefix(std::string_view prefix, std::int64_t limit) = 0;
  /// The ids of the tags with these names, in the same order, creating those that do not exist yet (slug
  /// made from the name, with -2, -3 ... when that slug is taken by a tag of another name). A name matches
  /// an existing tag ignoring ASCII case. kInvalid for an empty name, one longer than 200 bytes, one
  /// holding a comma, or more than kMaxTagNamesAtOnce names.
  virtual Result<std::vector<std::int64_t>> FindOrCreateTags(std::span<const std::string> names) = 0;
  /// Gives tag id a new name and slug (pass its current slug to keep its address). kNotFound for an
  /// unknown id; kConflict when another tag has that name or slug (merge them instead).
  virtual Status RenameTag(std::int64_t id, std::string_view name, std::string_view slug) = 0;
  /// Moves every article of tag from_id to tag into_id (an article that had both keeps one) and deletes
  /// from_id, in one transaction. kNotFound for an unknown id; kInvalid when they are the same tag.
  virtual Status MergeTags(std::int64_t from_id, std::int64_t into_id) = 0;
  /// Deletes the tag and takes it off every article. kNotFound for an unknown id.
  virtual Status DeleteTag(std::int64_t id) = 0;

  /// Every author, by name.
  virtual Result<std::vector<domain::Author>> ListAuthors() = 0;
  virtual Result<domain::Author> FindAuthorById(std::int64_t id) = 0;
  /// Changes the name, slug, role, organisation, bio and photo of author.id. kNotFound for an unknown id;
  /// kConflict for a taken slug; kInvalid for empty or overlong fields.
  virtual Status UpdateAuthor(const domain::Author& author) = 0;
};

}  // namespace gazette::storage
