#pragma once
/// Demo expert panels: the demo's featured articles are expert round-ups; this gives each one its question,
/// a lead and three to five experts' answers on public-sector transformation. Deterministic: the same seed
/// and article index give the same panel.

#include <cstdint>
#include <string_view>

#include "gazette/base/clock.hpp"
#include "gazette/base/result.hpp"
#include "gazette/storage/storage.hpp"

namespace gazette::demo {

/// A stored featured article to turn into a panel.
struct PanelArticle {
  std::int64_t id = 0;
  std::uint64_t index = 0;  ///< its place in the demo's article stream
  std::string title;
  Timestamp written{};  ///< when it was written: the panel's changes are dated then
};

/// Makes article a panel with its contributions (through storage.panels(); the caller's transaction, if
/// any, holds them). Storage errors are passed on.
Status AddDemoPanel(storage::Storage& storage, const PanelArticle& article, std::uint64_t seed);

}  // namespace gazette::demo
