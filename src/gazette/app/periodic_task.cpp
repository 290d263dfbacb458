#include "gazette/app/periodic_task.hpp"

namespace gazette::app {

PeriodicTask::PeriodicTask(std::chrono::milliseconds interval, std::function<void()> job)
    : interval_(interval), job_(std::move(job)), thread_([this] { Loop(); }) {}

PeriodicTask::~PeriodicTask() {
  Stop();
}

void PeriodicTask::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  std::lock_guard join(join_mutex_);
  if (thread_.joinable()) thread_.join();
}

std::int64_t PeriodicTask::runs() const {
  std::lock_guard lock(mutex_);
  return runs_;
}

void PeriodicTask::Loop() {
  std::unique_lock lock(mutex_);
  while (true) {
    // steady_clock underneath: a change of the wall clock neither hurries nor delays the next run.
    if (wake_.wait_for(lock, interval_, [this] { return stopping_; })) return;
    lock.unlock();
    job_();
    lock.lock();
    ++runs_;
  }
}

}  // namespace gazette::app
