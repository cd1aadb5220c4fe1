"""Entente from Python: forecast multi-actor negotiations from notebooks and pandas.

Example::

    import entente
    s = entente.load("scenarios/us-rok-2021.yaml")
    f = entente.forecast(s, model="eu")
    f.to_frame()                       # one row per issue
    r = entente.simulate(s, draws=20000, noise=0.1)
    r.draws                            # draws x issues numpy array (no copy)

The engine is C++ (``entente._core``); runs release the GIL and Ctrl-C interrupts them.
"""
from __future__ import annotations

import os
from typing import (Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, TypeVar,
                    Union)

from . import _core
from ._core import (Actor, Alliance, Anchor, Issue, Location, Move, Scale, Scenario, Spread,
                    Stance, StanceChange)
from ._results import (AdviceResult, BacktestResult, CohesionResult, ComparisonResult,
                       ForecastResult, SimulationResult)
from ._scenario import from_dict, from_frame, from_frames, from_yaml, load
from .errors import EntenteError, InputError, Problem, ScenarioError

__version__ = _core.version()

__all__ = [
    "Actor", "Alliance", "Anchor", "Issue", "Location", "Move", "Scale", "Scenario", "Spread",
    "Stance", "StanceChange", "AdviceResult", "CohesionResult", "ComparisonResult",
    "ForecastResult", "SimulationResult", "BacktestResult", "EntenteError", "InputError", "Problem",
    "ScenarioError", "load", "from_dict", "from_frame", "from_frames", "from_yaml", "forecast",
    "simulate", "advise", "compare", "cohesion", "report", "models", "backtest",
]

ScenarioLike = Union[Scenario, str, Mapping[str, Any], Any]


def _scenario(s: ScenarioLike) -> Scenario:
    return s if isinstance(s, Scenario) else load(s)


def _option_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _options(options: Mapping[str, Any]) -> Dict[str, str]:
    return {k: _option_text(v) for k, v in options.items()}


R = TypeVar("R")


def _recorded(result: R, kind: str, scenario: ScenarioLike, s: Scenario, model: str,
              options: Dict[str, Any], seed: Optional[int] = None) -> R:
    """Remembers what ``result.save()`` stores: the options in the CLI's shape for this kind."""
    path = os.fspath(scenario) if isinstance(scenario, (str, os.PathLike)) else ""
    setattr(result, "_record", {"kind": kind, "scenario": s, "path": path, "model": model,
                                "options": options, "seed": seed})
    return result


def models() -> List[Tuple[str, str, str]]:
    """(name, summary, citation) of every model, as `entente models` lists them."""
    return [tuple(m) for m in _core.models()]  # type: ignore[misc]


models_list = models


def forecast(scenario: ScenarioLike, model: str = "median", *,
             calibration: Optional[Union[str, "os.PathLike[str]"]] = None,
             **options: Any) -> ForecastResult:
    """Forecast every issue with ``model``; keyword options are the model's (``rounds=8``,
    ``q=0.5``, ``preset="scholz2011"``), as ``--option KEY=VALUE`` on the CLI.

    ``calibration`` (a file from ``entente calibrate``) adds each issue's predictive quantiles
    (``to_frame()`` columns ``q0.05`` ... ``q0.95``) and gives ``model="ensemble"`` its weights."""
    s = _scenario(scenario)
    opts = _options(options)
    cal = os.fspath(calibration) if calibration is not None else ""
    params: Dict[str, Any] = {"model_options": opts}
    if cal:
        params["calibration"] = cal
    return _recorded(ForecastResult(_core.forecast(s, model, opts, cal)), "forecast", scenario, s,
                     model, params)


def simulate(scenario: ScenarioLike, model: str = "median", *, draws: int = 10000, seed: int = 1,
             threads: int = 0, noise: float = 0.0,
             thresholds: Union[Mapping[str, float], Iterable[Tuple[str, float]], None] = None,
             sensitivity: bool = False, keep_draws: bool = True,
             progress: Optional[Callable[[int, int], None]] = None, **options: Any) -> SimulationResult:
    """Monte Carlo over the inputs' spreads (``noise=0.1`` is the CLI's ``--noise 10%``).

    The same seed gives the same numbers whatever ``threads``. ``progress(done, total)`` is
    called from the calling thread about every 50 ms. Ctrl-C raises KeyboardInterrupt within
    a fraction of a second."""
    s = _scenario(scenario)
    pairs = list(thresholds.items()) if isinstance(thresholds, Mapping) else list(thresholds or [])
    run = _core.simulate(s, model, _options(options), int(draws), int(seed), int(threads), float(noise),
                         [(str(k), float(v)) for k, v in pairs], bool(sensitivity), bool(keep_draws),
                         progress)
    return _recorded(SimulationResult(run, [i.id for i in s.issues]), "simulate", scenario, s, model,
                     {"model_options": _options(options), "draws": int(draws), "noise": float(noise),
                      "thresholds": [{"issue": str(k), "value": float(v)} for k, v in pairs],
                      "sensitivity": bool(sensitivity)}, int(seed))


def _outcome_tuples(outcomes: Any) -> List[Tuple[str, float, str, str]]:
    """Outcomes from {issue: value}, a DataFrame with issue and value columns (date and source
    optional) or a CSV path (issue,value,date,source)."""
    if isinstance(outcomes, (str, os.PathLike)):
        return [tuple(o) for o in _core.read_outcomes(os.fspath(outcomes))]  # type: ignore[misc]
    if isinstance(outcomes, Mapping):
        return [(str(k), float(v), "", "") for k, v in outcomes.items()]
    rows = outcomes.to_dict("records")
    return [(str(r["issue"]), float(r["value"]), str(r.get("date") or ""), str(r.get("source") or ""))
            for r in rows]


def backtest(scenario: ScenarioLike, outcomes: Any = None, models: Union[str, Sequence[str]] = "all",
             *, draws: int = 0, seed: int = 1, threads: int = 0, noise: float = 0.1,
             bootstrap: int = 2000, by: Optional[str] = None,
             model_options: Optional[Mapping[str, Mapping[str, Any]]] = None,
             reader_options: Optional[Mapping[str, Any]] = None, **options: Any) -> BacktestResult:
    """Score models against observed outcomes, as ``entente backtest``: MAE, RMSE, median
    absolute error, bias, shares within 5/10/20, with 95% intervals from a bootstrap over issue
    groups, and the paired difference of each model to compromise; with ``draws`` > 0 also
    CRPS, coverage of central 50/80/90% intervals, interval scores and a PIT histogram
    (``noise`` as in simulate).

    ``scenario`` is a path (its outcomes are read with it: YAML ``outcome:``, a bundle's
    outcomes.csv, a DEU table's ``out``) or a Scenario; ``outcomes`` ({issue: value}, a
    DataFrame with issue and value columns, or a CSV path) replaces the file's. Keyword options
    go to every model, ``model_options={"eu": {"rounds": 8}}`` to one; ``reader_options`` to the
    file's reader (DEU: ``com_ep_capability``, ``min_actors``, ``regime``). Models never see the
    outcomes. ``result.scores``, ``result.issues``, ``result.errors`` and ``result.subsets`` are
    DataFrames."""
    reader = [f"{k}={_option_text(v)}" for k, v in (reader_options or {}).items()]
    found: List[Tuple[str, float, str, str]] = []
    if isinstance(scenario, (str, os.PathLike)):
        s, found, _notes = _core.load_document(os.fspath(scenario), reader)
    else:
        s = _scenario(scenario)
    chosen = list(found) if outcomes is None else _outcome_tuples(outcomes)
    if isinstance(models, str):
        names = [m for m, _, _ in models_list()] if models == "all" else [m for m in models.split(",") if m]
    else:
        names = list(models)
    per_model: Dict[str, Dict[str, str]] = {m: _options(options) for m in names} if options else {}
    for m, opts in (model_options or {}).items():
        per_model.setdefault(m, {}).update(_options(opts))
    json_text, table = _core.backtest(s, chosen, names, per_model, int(draws), int(seed), int(threads),
                                      float(noise), int(bootstrap), by or "")
    return _recorded(BacktestResult(json_text, table), "backtest", scenario, s, ",".join(names),
                     {"models": names, "model_options": per_model, "outcomes": "",
                      "draws": int(draws), "noise": float(noise), "bootstrap": int(bootstrap),
                      "by": by or ""}, int(seed))


def advise(scenario: ScenarioLike, actor: str, issue: Optional[str] = None, target: Optional[float] = None,
           model: str = "median", tolerance: float = 0.005, **options: Any) -> AdviceResult:
    """What it would take to bring each issue (or ``issue``) to ``actor``'s position or
    ``target``; ``tolerance`` is a share of the scale (0.005 = the CLI's ``--tolerance 0.5``)."""
    s = _scenario(scenario)
    opts = _options(options)
    return _recorded(AdviceResult(*_core.advise(s, actor, issue, target, model, opts, float(tolerance))),
                     "advise", scenario, s, model,
                     {"model_options": opts, "actor": actor, "issue": issue or "", "target": target,
                      "tolerance": float(tolerance)})


def cohesion(scenario: ScenarioLike, model: str = "median", **options: Any) -> CohesionResult:
    """Each alliance's gap and strain, issue by issue, under ``model``'s forecast."""
    s = _scenario(scenario)
    opts = _options(options)
    return _recorded(CohesionResult(*_core.cohesion(s, model, opts)), "cohesion", scenario, s, model,
                     {"model_options": opts})


def compare(scenario: ScenarioLike, moves: Union[str, Sequence[str]], model: str = "median", *,
            draws: int = 0, seed: int = 1, noise: float = 0.1, **options: Any) -> ComparisonResult:
    """Forecast the baseline and every combination of the named moves; with ``draws`` > 0,
    also under uncertainty (``noise`` as in simulate)."""
    ids = [m for m in moves.split(",") if m] if isinstance(moves, str) else list(moves)
    s = _scenario(scenario)
    opts = _options(options)
    return _recorded(ComparisonResult(*_core.compare(s, ids, model, opts, int(draws), int(seed), float(noise))),
                     "compare", scenario, s, model,
                     {"model_options": opts, "moves": ids, "draws": int(draws),
                      "noise": float(noise) if draws > 0 else 0.0},
                     int(seed) if draws > 0 else None)


def report(scenario: ScenarioLike, path: Union[str, "os.PathLike[str]", None] = None,
           format: Optional[str] = None, model: str = "median", *, models: Optional[Sequence[str]] = None,
           draws: int = 2000, seed: int = 1, noise: float = 0.1, threads: int = 0,
           tornado_bars: int = 8, **options: Any) -> str:
    """The report ``entente report`` writes: one self-contained HTML page (``format="html"``) or
    its summary as Markdown (``"md"``); the format defaults to ``md`` when ``path`` ends in
    ``.md``, else ``html``. Returns the text and, with ``path``, also writes it atomically.

    ``model`` is the primary model (summary, Monte Carlo, tornado, cohesion; keyword options are
    its own), ``models`` the forecasts shown beside it (default: every model), ``draws`` the Monte
    Carlo draws (0 skips the distribution and tornado), ``noise`` a fraction as in simulate."""
    out = None if path is None else os.fspath(path)
    if format is None:
        format = "md" if out is not None and out.endswith(".md") else "html"
    source = os.fspath(scenario) if isinstance(scenario, (str, os.PathLike)) else ""
    return _core.report(_scenario(scenario), str(format), model, list(models or []), _options(options),
                        int(draws), int(seed), float(noise), int(threads), int(tornado_bars), source, out)
