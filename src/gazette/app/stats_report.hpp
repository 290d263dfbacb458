#pragma once
/// `gazette stats DIR`: the visitor figures of a site, as a table for people or as CSV for spreadsheets.
/// Reads the database only: safe while the site is being served (figures are at most a second old).

#include <filesystem>
#include <ostream>

#include "gazette/base/result.hpp"

namespace gazette::app {

enum class StatsFormat {
  kTable,  ///< Today / Yesterday / All, then the last 30 days
  kCsv,    ///< every stored day: date,visitors,page_views
};

/// Errors name the problem in one line (missing directory, bad config, corrupt database).
Status PrintStats(const std::filesystem::path& dir, StatsFormat format, std::ostream& out);

}  // namespace gazette::app
