#pragma once
/// LiveCategoryDirectory: the category tree the public site shows, reloaded from the store whenever the
/// back office changes a category, so that the navigation shows the change on the next page.

#include <atomic>
#include <memory>
#include <mutex>

#include "gazette/base/result.hpp"
#include "gazette/site/category_directory.hpp"
#include "gazette/storage/catalog_store.hpp"

namespace gazette::site {

/// Thread-safe. Readers take an immutable snapshot (Current) and keep it for the whole page, so that a
/// reload in the middle of a page never mixes two trees or frees what the page still points into.
class LiveCategoryDirectory {
 public:
  /// Loads the first snapshot; the store's error when it cannot. catalog must outlive the directory.
  static Result<std::unique_ptr<LiveCategoryDirectory>> Load(storage::CatalogStore& catalog);

  /// The tree as last loaded. Never null.
  std::shared_ptr<const CategoryDirectory> Current() const { return current_.load(); }

  /// Reads the categories again and publishes them. On a store error the previous tree stays in use.
  Status Reload();

 private:
  LiveCategoryDirectory(storage::CatalogStore& catalog, std::shared_ptr<const CategoryDirectory> first)
      : catalog_(catalog), current_(std::move(first)) {}

  storage::CatalogStore& catalog_;
  std::atomic<std::shared_ptr<const CategoryDirectory>> current_;
  /// One reload at a time: otherwise a reload that read the store first could publish last, putting an
  /// older tree back.
  std::mutex reload_mutex_;
};

}  // namespace gazette::site
