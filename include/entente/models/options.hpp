#pragma once
/// \file
/// Model options as named text values, as the user typed them; each model declares its options
/// (option_spec.hpp) and reads them through an OptionReader.

#include <atomic>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>

namespace entente {

/// Options for one model run, e.g. {"rounds": "8", "q": "0.5"}. Front ends fill it from flags
/// or JSON; each model checks them against its declarations and rejects the rest.
class ModelOptions {
 public:
  /// Sets `key` to `value` (text, as typed by the user).
  void Set(std::string key, std::string value) { values_[std::move(key)] = std::move(value); }
  /// True when the user gave `key`.
  [[nodiscard]] bool Has(std::string_view key) const;
  /// Whether dynamic models record round trajectories and bargaining events, and decision
  /// rules explain themselves (IssueForecast::procedure), default true. Not a user option:
  /// Monte Carlo and search loops turn it off because they read only the outcomes, binding
  /// vetoes and final positions, which are identical either way. Off, joint models leave
  /// Forecast::balances empty too (exchange's externalities were a tenth of its draw time).
  void set_trail(bool on) { trail_ = on; }
  /// See set_trail.
  [[nodiscard]] bool trail() const { return trail_; }
  /// A flag the caller sets from another thread to stop the run (a server whose client hung
  /// up); dynamic models poll it once a round and throw Cancelled. Not a user option; nullptr
  /// (the default) never stops. The flag must outlive the run.
  void set_cancel(const std::atomic<bool>* flag) { cancel_ = flag; }
  /// See set_cancel.
  [[nodiscard]] const std::atomic<bool>* cancel() const { return cancel_; }

  /// All options, sorted by key (stored with runs).
  [[nodiscard]] const std::map<std::string, std::string, std::less<>>& values() const {
    return values_;
  }

 private:
  std::map<std::string, std::string, std::less<>> values_;
  bool trail_ = true;
  const std::atomic<bool>* cancel_ = nullptr;
};

/// Throws Cancelled when `flag` is set (nullptr never is). Dynamic models call it at the start
/// of every round, so a stop waits at most one round.
void ThrowIfCancelled(const std::atomic<bool>* flag);

}  // namespace entente
