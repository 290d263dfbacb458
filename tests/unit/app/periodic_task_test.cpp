// PeriodicTask: runs its job once per interval, and stops at once instead of waiting out the interval.
#include "gazette/app/periodic_task.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>

namespace gazette::app {
namespace {

using namespace std::chrono_literals;

/// A bound for waits that only a broken task would reach: it turns a hang into a failure.
constexpr auto kWatchdog = 60s;

/// A count that a test can wait on.
class Counter {
 public:
  void Add() {
    {
      std::lock_guard lock(mutex_);
      ++value_;
    }
    changed_.notify_all();
  }
  bool WaitFor(int at_least) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, kWatchdog, [&] { return value_ >= at_least; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  int value_ = 0;
};

TEST(PeriodicTask, RunsTheJobAgainAfterEachInterval) {
  Counter counter;
  PeriodicTask task(1ms, [&] { counter.Add(); });
  ASSERT_TRUE(counter.WaitFor(3));
  task.Stop();
  EXPECT_GE(task.runs(), 3);
}

TEST(PeriodicTask, DoesNotRunBeforeTheFirstIntervalHasPassed) {
  std::atomic<int> runs{0};
  PeriodicTask task(24h, [&] { ++runs; });
  task.Stop();
  EXPECT_EQ(runs.load(), 0);
  EXPECT_EQ(task.runs(), 0);
}

TEST(PeriodicTask, StopReturnsWithoutWaitingOutALongInterval) {
  PeriodicTask task(24h, [] {});
  auto stopped = std::async(std::launch::async, [&] { task.Stop(); });
  EXPECT_EQ(stopped.wait_for(kWatchdog), std::future_status::ready);
}

TEST(PeriodicTask, StopWaitsForARunInProgressToFinish) {
  Counter entered;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<int> finished{0};
  PeriodicTask task(1ms, [&] {
    entered.Add();
    released.wait();
    ++finished;
  });
  ASSERT_TRUE(entered.WaitFor(1));
  auto stopped = std::async(std::launch::async, [&] { task.Stop(); });
  // The job is held: Stop cannot have returned, whatever the threads' timing.
  EXPECT_EQ(stopped.wait_for(0s), std::future_status::timeout);
  release.set_value();
  ASSERT_EQ(stopped.wait_for(kWatchdog), std::future_status::ready);
  EXPECT_GE(finished.load(), 1);
  EXPECT_EQ(finished.load(), task.runs());  // every run that began has ended
}

TEST(PeriodicTask, StoppingTwiceAndFromTwoThreadsIsSafe) {
  PeriodicTask task(24h, [] {});
  auto other = std::async(std::launch::async, [&] { task.Stop(); });
  task.Stop();
  other.wait();
  task.Stop();
  EXPECT_EQ(task.runs(), 0);
}

}  // namespace
}  // namespace gazette::app
