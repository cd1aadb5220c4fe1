// Regression (issue #16, item 8): a server whose client had hung up kept an exchange run going
// for 18 s. Every dynamic model now polls the caller's cancel flag once a round and throws
// Cancelled; a flag that stays clear changes nothing.
#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "entente/analysis/monte_carlo.hpp"
#include "entente/core/error.hpp"
#include "entente/models/registry.hpp"

namespace entente {
namespace {

// `actors` actors on each of `issues` issues on [0, 100], positions spread out.
Scenario Grid(int actors, int issues) {
  Scenario s;
  for (int a = 0; a < actors; ++a) {
    const std::string id = "a" + std::to_string(a);
    s.actors.push_back(Actor{id, id, "", {}});
  }
  for (int k = 0; k < issues; ++k) {
    Issue issue;
    issue.id = "i" + std::to_string(k);
    issue.name = issue.id;
    issue.scale = Scale{0, 100, "index", {}};
    issue.status_quo = 50;
    for (int a = 0; a < actors; ++a) {
      issue.stances.push_back(Stance{"a" + std::to_string(a),
                                     static_cast<double>((a * 37 + k * 11) % 101),
                                     0.2 + 0.6 * ((a * 7 + k) % 10) / 10.0,
                                     0.1 + 0.9 * ((a * 13 + k * 3) % 17) / 17.0,
                                     Basis::kUnstated,
                                     "",
                                     {}});
    }
    s.issues.push_back(issue);
  }
  return s;
}

// Runs `model` with `options` on `s`, setting the flag after `delay` from another thread.
void RunAndCancelAfter(const Scenario& s, const std::string& model, ModelOptions options,
                       std::chrono::milliseconds delay) {
  std::atomic<bool> cancel{false};
  options.set_cancel(&cancel);
  std::thread stopper([&cancel, delay] {
    std::this_thread::sleep_for(delay);
    cancel = true;
  });
  EXPECT_THROW((void)RunForecast(s, model, options), Cancelled) << model;
  stopper.join();
}

// A model's options for these tests: the ensemble (which needs fitted weights) combines the
// compromise and eu models, so it has rounds to stop between too.
ModelOptions OptionsFor(const ModelInfo& m) {
  ModelOptions o;
  if (m.calibrated) o.Set("weights", "compromise:0.5,eu:0.5");
  return o;
}

TEST(Cancel, AFlagSetBeforehandStopsEveryDynamicModel) {
  const Scenario s = Grid(12, 3);
  std::atomic<bool> cancel{true};
  for (const ModelInfo& m : Models()) {
    if (m.aggregate != nullptr) continue;  // static models have no rounds to stop between
    ModelOptions o = OptionsFor(m);
    // The procedural model reads the rule's win-set in one step: no rounds either.
    if (!m.calibrated && RunForecast(s, m.name, o).issues[0].rounds.empty()) continue;
    o.set_cancel(&cancel);
    EXPECT_THROW((void)RunForecast(s, m.name, o), Cancelled) << m.name;
  }
}

TEST(Cancel, AClearFlagChangesNoForecast) {
  const Scenario s = Grid(12, 3);
  std::atomic<bool> cancel{false};
  for (const ModelInfo& m : Models()) {
    ModelOptions o = OptionsFor(m);
    o.set_cancel(&cancel);
    const Forecast with = RunForecast(s, m.name, o);
    const Forecast without = RunForecast(s, m.name, OptionsFor(m));
    ASSERT_EQ(with.issues.size(), without.issues.size());
    for (std::size_t k = 0; k < with.issues.size(); ++k) {
      EXPECT_EQ(with.issues[k].outcome, without.issues[k].outcome) << m.name;
      EXPECT_EQ(with.issues[k].final_positions, without.issues[k].final_positions) << m.name;
    }
  }
}

// Each run below would take minutes (eu: 100,000 fixed rounds; exchange: 100,000 rounds;
// ktab-smp: 100,000 turns of 150 actors): it ends only because the flag stops it.
TEST(Cancel, AFlagSetWhileEuRunsStopsIt) {
  ModelOptions o;
  o.Set("rounds", "100000");
  o.Set("stop", "fixed");
  RunAndCancelAfter(Grid(300, 1), "eu", o, std::chrono::milliseconds(100));
}

TEST(Cancel, AFlagSetWhileTheExchangeModelRunsStopsIt) {
  ModelOptions o;
  o.Set("rounds", "10000");
  o.Set("variant", "random-rate");
  RunAndCancelAfter(Grid(30, 6), "exchange", o, std::chrono::milliseconds(100));
}

TEST(Cancel, AFlagSetWhileKtabSmpRunsStopsIt) {
  ModelOptions o;
  o.Set("max_turns", "100000");
  o.Set("stop", "0");
  RunAndCancelAfter(Grid(150, 1), "ktab-smp", o, std::chrono::milliseconds(100));
}

// The server sets both flags: Monte Carlo's own, checked between blocks of draws, and the
// model's, so that one long draw stops too.
TEST(Cancel, MonteCarloOfADynamicModelStopsInsideADraw) {
  const Scenario s = Grid(20, 2);
  std::atomic<bool> cancel{true};
  SimulationOptions o;
  o.model = "eu";
  o.draws = 1000;
  o.threads = 1;
  o.noise_percent = 10;
  o.model_options.set_cancel(&cancel);
  EXPECT_THROW((void)Simulate(s, o), Cancelled);
}

}  // namespace
}  // namespace entente
