#include "gazette/storage/article_store.hpp"

#include <string>

namespace gazette::storage {

Result<EditorSort> ParseEditorSort(std::string_view name) {
  if (name == "updated") return EditorSort::kUpdatedAt;
  if (name == "published") return EditorSort::kPublishAt;
  if (name == "title") return EditorSort::kTitle;
  // The name comes from a query string: quote only a bounded prefix of it.
  constexpr std::size_t kQuoted = 40;
  return MakeError(ErrorCode::kInvalid, "unknown sort order '" + std::string(name.substr(0, kQuoted)) +
                                            "'; use updated, published or title");
}

}  // namespace gazette::storage
