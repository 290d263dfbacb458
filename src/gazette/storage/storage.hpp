#pragma once
/// Storage: one database, seen through the per-topic stores. Obtained from the composition root
/// (app::), which alone names a backend.

#include <functional>

#include "gazette/base/result.hpp"
#include "gazette/storage/account_store.hpp"
#include "gazette/storage/article_store.hpp"
#include "gazette/storage/catalog_store.hpp"
#include "gazette/storage/comment_store.hpp"
#include "gazette/storage/media_store.hpp"
#include "gazette/storage/panel_store.hpp"
#include "gazette/storage/search_store.hpp"
#include "gazette/storage/settings_store.hpp"
#include "gazette/storage/stats_store.hpp"

namespace gazette::storage {

/// Thread-safe. The stores it returns live as long as it does.
class Storage {
 public:
  virtual ~Storage() = default;

  virtual ArticleStore& articles() = 0;
  virtual CatalogStore& catalog() = 0;
  virtual StatsStore& stats() = 0;
  virtual AccountStore& accounts() = 0;
  virtual MediaStore& media() = 0;
  virtual SettingsStore& settings() = 0;
  virtual CommentStore& comments() = 0;
  virtual PanelStore& panels() = 0;
  virtual SearchStore& search() = 0;

  /// Runs work in one transaction on the calling thread: store calls that work makes on this thread are
  /// part of it. Commits when work returns ok, rolls back otherwise (and on an exception, which is
  /// rethrown). Nested calls join the outer transaction.
  virtual Status InTransaction(const std::function<Status()>& work) = 0;

  /// Schema version after migrations (the highest applied migration number).
  virtual int SchemaVersion() = 0;

  /// The content version: it grows in the same transaction as any change to what public pages show
  /// (articles, comments, panels, categories, tags, authors, settings, media), by whichever process makes
  /// it, and not with visitor figures or sessions. The page cache reads it on every request.
  virtual Result<std::int64_t> ContentVersion() = 0;
};

}  // namespace gazette::storage
