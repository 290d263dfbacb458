#pragma once
/// PeriodicTask: a job run on its own thread once per interval (storage maintenance, such as purging
/// expired sessions), which stops at once when asked instead of finishing its wait.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

namespace gazette::app {

/// Thread-safe. The job runs on the task's thread only, never twice at once.
class PeriodicTask {
 public:
  /// Starts the thread: job runs after each interval until Stop. interval must be positive. The job must
  /// not throw (exceptions are bugs; they end the process) and must not call Stop.
  PeriodicTask(std::chrono::milliseconds interval, std::function<void()> job);
  ~PeriodicTask();  ///< Stop()
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;

  /// Wakes the thread and joins it: returns as soon as a run in progress (if any) ends, without waiting
  /// out the interval. Idempotent.
  void Stop();

  /// How many times the job has run.
  std::int64_t runs() const;

 private:
  void Loop();

  const std::chrono::milliseconds interval_;
  const std::function<void()> job_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::int64_t runs_ = 0;
  std::mutex join_mutex_;  ///< two threads stopping at once must not both join
  std::thread thread_;     ///< last: started once every member above is ready
};

}  // namespace gazette::app
