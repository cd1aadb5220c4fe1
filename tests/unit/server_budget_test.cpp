// The running bound of a request (budget.hpp): its CPU time, or its client hanging up, sets the
// flag the models poll.
#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>

#include <gtest/gtest.h>

#include "budget.hpp"
#include "entente/analysis/monte_carlo.hpp"
#include "entente/formats/scenario_io.hpp"
#include "test_support.hpp"

namespace entente::server {
namespace {

TEST(ServerBudget, StopsWorkThatUsesUpItsCpuTime) {
  const Budget budget(nullptr, 20e6);  // 20 ms of this thread's CPU time
  volatile double sink = 0;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!budget.stop()->load() && std::chrono::steady_clock::now() < give_up) {
    for (int i = 0; i < 100000; ++i) sink = sink + std::sqrt(static_cast<double>(i));
  }
  EXPECT_TRUE(budget.stop()->load());
  EXPECT_TRUE(budget.exhausted());
  EXPECT_FALSE(budget.client_gone());
  EXPECT_GE(budget.cpu_seconds(), 0.02);
}

TEST(ServerBudget, WaitingCostsNothingAndAClientHangingUpStops) {
  std::atomic<bool> gone{false};
  const Budget budget(&gone, 20e6);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // sleeping uses no CPU time
  EXPECT_FALSE(budget.stop()->load());
  gone = true;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!budget.stop()->load() && std::chrono::steady_clock::now() < give_up)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_TRUE(budget.stop()->load());
  EXPECT_FALSE(budget.exhausted());
  EXPECT_TRUE(budget.client_gone());
}

// The server runs each simulation on one thread: the one serving the request, whose CPU clock
// the budget reads (a TBB arena of one slot runs its work on the thread that enters it).
TEST(ServerBudget, StopsASimulationOnTheServingThread) {
  const Scenario s = LoadScenario(test::SourceDir() + "/scenarios/us-rok-2021.yaml").ValueOrThrow();
  const Budget budget(nullptr, 50e6);  // 50 ms
  SimulationOptions o;
  o.model = "compromise";
  o.draws = 400'000'000;  // minutes of work
  o.threads = 1;
  o.noise_percent = 10;
  o.cancel = budget.stop();
  const SimulationResult r = Simulate(s, o);
  EXPECT_TRUE(r.interrupted);
  EXPECT_TRUE(budget.exhausted());
  EXPECT_LT(r.draws_done, o.draws);
}

}  // namespace
}  // namespace entente::server
