#include "gazette/settings/site_snapshot.hpp"

#include "gazette/base/time_zone.hpp"

namespace gazette::settings {

Result<std::shared_ptr<const SiteSnapshot>> SiteSnapshot::Build(config::SiteConfig site,
                                                                config::StatsConfig stats) {
  auto zone = TimeZone::Load(site.timezone);
  if (!zone.ok()) return std::move(zone).error();
  auto dates = render::DateFormatter::Create(site.date_format, site.language, std::move(zone).value());
  if (!dates.ok()) return std::move(dates).error();
  std::vector<stats::CounterRow> rows;
  for (const auto& name : stats.rows) {
    if (auto row = stats::ParseCounterRow(name)) rows.push_back(*row);
  }
  return std::make_shared<const SiteSnapshot>(
      SiteSnapshot{std::move(site), std::move(stats), std::move(dates).value(), std::move(rows)});
}

}  // namespace gazette::settings
