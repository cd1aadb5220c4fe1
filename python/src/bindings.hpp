#pragma once
/// \file
/// What the binding files share. Scenario containers are bound by reference (opaque), so
/// `s.issues[0].stances[1].salience = 0.8` edits the scenario itself instead of a converted
/// copy; every binding file includes this header first.
#include <pybind11/operators.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl_bind.h>

#include <map>
#include <string>

#include "entente/analysis/run_parameters.hpp"
#include "entente/core/scenario.hpp"

PYBIND11_MAKE_OPAQUE(std::vector<entente::Actor>)
PYBIND11_MAKE_OPAQUE(std::vector<entente::Issue>)
PYBIND11_MAKE_OPAQUE(std::vector<entente::Stance>)
PYBIND11_MAKE_OPAQUE(std::vector<entente::Anchor>)
PYBIND11_MAKE_OPAQUE(std::vector<entente::Alliance>)
PYBIND11_MAKE_OPAQUE(std::vector<entente::Move>)
PYBIND11_MAKE_OPAQUE(std::vector<entente::StanceChange>)

namespace entente::python {

/// Scenario classes and their containers.
void BindScenario(pybind11::module_& m);
/// Reading, parsing, validating and writing scenarios.
void BindIo(pybind11::module_& m);
/// The run parameters of `kind` from the JSON text the Python layer builds (the library's
/// contract, RunParameters::FromJson); InputError naming the field.
[[nodiscard]] RunParameters ParametersFrom(const std::string& json, RunKind kind);
/// The kind called `name` ("forecast", "simulate", ...).
[[nodiscard]] RunKind KindFrom(const std::string& name);

/// forecast() and its result (JSON, table, numpy trajectories).
void BindForecast(pybind11::module_& m);
/// simulate(), advise(), compare(), cohesion() and their results.
void BindAnalysis(pybind11::module_& m);
/// sweep()'s job, shards and merge (entente.sweep, locally or on a Dask cluster).
void BindSweep(pybind11::module_& m);
/// calibrate_job, calibrate_shard, merge_calibrate (calibrate(), local or on Dask).
void BindCalibrate(pybind11::module_& m);
/// backtest() and load_document() (scenarios with outcomes).
void BindBacktest(pybind11::module_& m);
/// report() (the CLI's HTML/Markdown report) and the report's stylesheet.
void BindReport(pybind11::module_& m);

}  // namespace entente::python
