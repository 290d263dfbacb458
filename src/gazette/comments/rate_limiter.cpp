#include "gazette/comments/rate_limiter.hpp"

namespace gazette::comments {

bool RateLimiter::TryAcquire(std::string_view sender, Timestamp now) {
  std::lock_guard lock(mutex_);
  // A sweep per window keeps the table to the senders of the last window.
  if (now - last_sweep_ >= window_ || events_.size() >= kMaxRateLimitSenders) ForgetExpired(now);
  auto& times = events_[std::string(sender)];
  while (!times.empty() && now - times.front() >= window_) times.pop_front();
  if (static_cast<int>(times.size()) >= max_events_) return false;
  times.push_back(now);
  return true;
}

void RateLimiter::ForgetExpired(Timestamp now) {
  last_sweep_ = now;
  for (auto it = events_.begin(); it != events_.end();) {
    if (it->second.empty() || now - it->second.back() >= window_) {
      it = events_.erase(it);
    } else {
      ++it;
    }
  }
  // Still full: a flood of distinct senders. Start over rather than grow; the store's duplicate check and
  // moderation still stand.
  if (events_.size() >= kMaxRateLimitSenders) events_.clear();
}

}  // namespace gazette::comments
