// Reads the scenario named on the command line, forecasts it with the model named second and
// prints the forecast as JSON, as `entente forecast SCENARIO --model MODEL --format json`
// does; tests/package/package.cmake compares the two.
#include <exception>
#include <iostream>

#include "entente/core/error.hpp"
#include "entente/formats/scenario_io.hpp"
#include "entente/models/registry.hpp"
#include "entente/output/forecast_output.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: consumer SCENARIO MODEL\n";
    return 2;
  }
  try {
    const entente::Result<entente::Scenario> scenario = entente::ReadScenario(argv[1]);
    if (!scenario) {
      std::cerr << entente::FormatErrors(scenario.errors());
      return 2;
    }
    const entente::Forecast forecast = entente::RunForecast(scenario.value(), argv[2], {});
    std::cout << entente::FormatForecast(scenario.value(), forecast, entente::OutputFormat::kJson);
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
  return 0;
}
