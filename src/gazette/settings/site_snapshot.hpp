#pragma once
/// SiteSnapshot: the site settings in effect at one moment (gazette.toml with the back office's stored
/// settings over it), together with what is built from them: the date formatter and the counter's rows.
/// Immutable: a change builds a new snapshot (see LiveSettings).

#include <memory>
#include <vector>

#include "gazette/base/result.hpp"
#include "gazette/config/config.hpp"
#include "gazette/render/date_formatter.hpp"
#include "gazette/stats/counter_figures.hpp"

namespace gazette::settings {

struct SiteSnapshot {
  config::SiteConfig site;
  config::StatsConfig stats;
  render::DateFormatter dates;                  ///< site.timezone, site.language and site.date_format
  std::vector<stats::CounterRow> counter_rows;  ///< stats.rows, in order

  /// Builds the formatter and the rows. kInvalid when the time zone is unknown or ICU refuses the date
  /// format or language, with a message naming which.
  static Result<std::shared_ptr<const SiteSnapshot>> Build(config::SiteConfig site,
                                                           config::StatsConfig stats);
};

}  // namespace gazette::settings
