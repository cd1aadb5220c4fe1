"""Entente from Python: forecast multi-actor negotiations from notebooks and pandas.

Example::

    import entente
    s = entente.load("scenarios/us-rok-2021.yaml")
    f = entente.forecast(s, model="eu")
    f.to_frame()                       # one row per issue
    r = entente.simulate(s, draws=20000, noise=10)   # noise in percent, as --noise 10%
    r.draws                            # draws x issues numpy array (no copy)

The engine is C++ (``entente._core``); runs release the GIL and Ctrl-C interrupts them.
"""
from __future__ import annotations

import json
import os
import time
import warnings
from typing import (Any, Callable, Dict, Iterable, List, Mapping, NamedTuple, Optional, Sequence, Tuple,
                    TypeVar, Union)

from . import _core
from ._core import (Actor, Alliance, Anchor, Issue, Location, Move, Scale, Scenario, Spread,
                    Stance, StanceChange)
from ._results import (AdviceResult, BacktestResult, CohesionResult, ComparisonResult,
                       ForecastResult, SimulationResult, SweepResult)
from ._scenario import from_dict, from_frame, from_frames, from_yaml, load
from .errors import EntenteError, InputError, Problem, ScenarioError

__version__ = _core.version()

__all__ = [
    "Actor", "Alliance", "Anchor", "Issue", "Location", "Move", "Scale", "Scenario", "Spread",
    "Stance", "StanceChange", "AdviceResult", "CohesionResult", "ComparisonResult",
    "ForecastResult", "SimulationResult", "SweepResult", "BacktestResult", "EntenteError", "InputError", "Problem",
    "ScenarioError", "load", "from_dict", "from_frame", "from_frames", "from_yaml", "forecast",
    "simulate", "sweep", "calibrate", "advise", "compare", "cohesion", "report", "models", "backtest", "ModelInfo",
    "CALIBRATION_DEFAULTS",
    "DEFAULTS",
]

ScenarioLike = Union[Scenario, str, Mapping[str, Any], Any]

#: The library's defaults (model, draws, seed, noise_percent, tolerance_percent, tornado_bars),
#: the same the CLI and ``entente serve`` take.
DEFAULTS: Dict[str, Any] = dict(_core.defaults())
_MODEL: str = DEFAULTS["model"]
#: The library's defaults of calibrate() (models, features, folds, inner_folds, floor,
#: bootstrap, seed), the same ``entente calibrate`` takes.
CALIBRATION_DEFAULTS: Dict[str, Any] = dict(_core.calibration_defaults())
_CAL = CALIBRATION_DEFAULTS


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


def _noise(noise: Union[float, str]) -> float:
    """Noise in percent, read as the CLI reads ``--noise`` (10 and "10%" are ten percent; an
    ambiguous 0.1 raises InputError naming both readings)."""
    if isinstance(noise, bool) or not isinstance(noise, (int, float, str)):
        raise InputError(f"noise must be a number (percent) or text such as '10%', not {noise!r}")
    return float(_core.parse_noise(noise if isinstance(noise, str) else _option_text(noise)))


Edits = Union[Sequence[str], Mapping[str, Any], None]


def _edits(edits: Edits) -> Dict[str, Any]:
    """The ``set`` field: what-if edits as the CLI's ``--set`` takes them, from a list of
    ``"ACTOR.ISSUE.FIELD=VALUE"`` texts or a dict ``{"ACTOR.ISSUE.FIELD": value}``; the
    library parses and applies them (InputError naming the edit)."""
    if edits is None:
        return {}
    if isinstance(edits, str):
        edits = [edits]
    if isinstance(edits, Mapping):
        return {"set": [f"{k}={_option_text(v)}" for k, v in edits.items()]}
    return {"set": [str(e) for e in edits]}


R = TypeVar("R")


def _run(kind: str, model: str, options: Mapping[str, Any], **fields: Any) -> Tuple[str, str]:
    """The run parameters as JSON for the engine, and as the runs database stores them; the
    library checks them (InputError naming the field)."""
    text = json.dumps({"model": model, "model_options": _options(options), **fields})
    return text, _core.run_parameters(kind, text)


def _recorded(result: R, kind: str, scenario: ScenarioLike, s: Scenario, params: str) -> R:
    """Remembers what ``result.save()`` stores: the library's run parameters for this kind."""
    path = os.fspath(scenario) if isinstance(scenario, (str, os.PathLike)) else ""
    setattr(result, "_record", {"kind": kind, "scenario": s, "path": path, "params": params})
    return result


class ModelInfo(NamedTuple):
    """A model as ``entente models`` lists it, with its options as the library declares them
    (each a dict: name, type, default, min/max or choices, help). ``calibrated`` models (the
    ensemble) need a calibration file from ``entente calibrate``."""

    name: str
    summary: str
    citation: str
    dynamic: bool
    options: List[Dict[str, Any]]
    calibrated: bool = False


_MODELS_JSON: Dict[str, Any] = json.loads(_core.models())


def models() -> List[ModelInfo]:
    """Every model, in the order ``entente models`` lists them, with its declared options."""
    return [ModelInfo(m["name"], m["summary"], m["citation"], m["dynamic"], m["options"],
                      m["calibrated"]) for m in _MODELS_JSON["models"]]


def _options_doc() -> str:
    """The model options, from the library's declarations, for the docstrings."""
    lines = ["", "Model options (keyword arguments, as ``--option KEY=VALUE`` on the CLI):"]
    for m in _MODELS_JSON["models"]:
        if not m["options"]:
            lines.append(f"    {m['name']}: none")
            continue
        lines.append(f"    {m['name']}:")
        for o in m["options"]:
            span = (f"{o['min']:g} to {o['max']:g}" if "min" in o
                    else ", ".join(o["choices"]) if "choices" in o else "text")
            lines.append(f"        {o['name']} ({o['type']}, default {o['default']}; {span}): {o['help']}")
    return "\n".join(lines)


def forecast(scenario: ScenarioLike, model: str = _MODEL, *,
             calibration: Optional[Union[str, "os.PathLike[str]"]] = None,
             set: Edits = None, pool: str = "mean", **options: Any) -> ForecastResult:
    """Forecast every issue with ``model``; keyword options are the model's (``rounds=8``,
    ``q=0.5``, ``preset="scholz2011"``), as ``--option KEY=VALUE`` on the CLI.

    ``calibration`` (a file from ``entente calibrate``) adds each issue's predictive quantiles
    (``to_frame()`` columns ``q0.05`` ... ``q0.95``) and gives ``model="ensemble"`` its weights.

    ``set`` edits the scenario for this run only, as the CLI's ``--set``: a list such as
    ``["US.opcon_transfer.salience=0.8", "opcon_transfer.status_quo=60"]`` or a dict
    ``{"US.capability": 70}``; the saved run records the edits.

    ``pool`` pools a scenario coded by several analysts, as the CLI's ``--pool``: ``"mean"``,
    ``"median"``, ``"trimmed"``, ``"performance"`` (mixtures forecast the mean)."""
    s = _scenario(scenario)
    fields: Dict[str, Any] = {**_edits(set), "pool": pool}
    if calibration is not None:
        fields["calibration"] = os.fspath(calibration)
    text, params = _run("forecast", model, options, **fields)
    return _recorded(ForecastResult(_core.forecast(s, text)), "forecast", scenario, s, params)


def simulate(scenario: ScenarioLike, model: str = _MODEL, *, draws: int = DEFAULTS["draws"],
             seed: int = DEFAULTS["seed"], threads: int = 0,
             noise: Union[float, str] = DEFAULTS["noise_percent"],
             thresholds: Union[Mapping[str, float], Iterable[Tuple[str, float]], None] = None,
             sensitivity: bool = False, keep_draws: bool = True,
             progress: Optional[Callable[[int, int], None]] = None,
             calibration: Optional[Union[str, "os.PathLike[str]"]] = None,
             set: Edits = None, pool: str = "mean", client: Any = None,
             shards: Optional[int] = None, retries: int = 2,
             **options: Any) -> SimulationResult:
    """Monte Carlo over the inputs' spreads. ``noise`` is in percent, as the CLI's ``--noise``:
    ``noise=10`` (or ``"10%"``) gives stances that state no spread one of 10%.

    ``calibration`` (a file from ``entente calibrate``) adds the model's own error on held-out
    cases to every draw, as the CLI's ``--calibration``, and gives ``model="ensemble"`` its
    weights.

    The same seed gives the same numbers whatever ``threads``. ``progress(done, total)`` is
    called from the calling thread about every 50 ms. Ctrl-C raises KeyboardInterrupt within
    a fraction of a second.

    ``set`` edits the scenario for this run only, as the CLI's ``--set``: a list such as
    ``["US.opcon_transfer.salience=0.8", "opcon_transfer.status_quo=60"]`` or a dict
    ``{"US.capability": 70}``; the saved run records the edits.

    ``client`` (a ``dask.distributed.Client``) spreads the draws over its workers: ``shards``
    units (default four per worker), each returning its shard's partial result, merged
    exactly, so the result is byte for byte the local one (docs/scale-out.md). Dask re-runs the
    units of a lost worker; ``retries`` re-runs a unit that raised. The draws stay on the
    workers (``draws`` is None); ``progress(done, total)`` is called as units finish. A
    calibration file must be readable where the client runs.

    ``pool`` pools a scenario coded by several analysts, as the CLI's ``--pool``; ``"mixture"``
    draws a coder per stance and draw, ``"mixture-coder"`` one coder per draw (reproducible
    from ``seed`` whatever ``threads``, and whatever the client's shards)."""
    s = _scenario(scenario)
    pairs = list(thresholds.items()) if isinstance(thresholds, Mapping) else list(thresholds or [])
    text, params = _run("simulate", model, options, draws=draws, seed=seed, threads=threads,
                        noise_percent=_noise(noise),
                        thresholds=[{"issue": str(k), "value": float(v)} for k, v in pairs],
                        sensitivity=bool(sensitivity), pool=pool, **_edits(set),
                        **({"calibration": os.fspath(calibration)} if calibration is not None else {}))
    if client is not None:
        from ._distributed import simulate_on
        job, warning = _core.simulate_job(s, text)
        run = simulate_on(client, job, int(draws), shards, progress, int(retries))
        if warning is not None:
            warnings.warn(warning, stacklevel=2)
    else:
        run = _core.simulate(s, text, bool(keep_draws), progress)
    for w in run.warnings:
        warnings.warn(w, stacklevel=2)
    return _recorded(SimulationResult(run, [i.id for i in s.issues]), "simulate", scenario, s, params)


def sweep(spec: Union[str, "os.PathLike[str]"], *, threads: int = 0, client: Any = None,
          shards: Optional[int] = None, retries: int = 2,
          progress: Optional[Callable[[int, int], None]] = None) -> SweepResult:
    """``entente sweep SPEC``: the sweep file's points x models, one row per point, model and
    issue (docs/cli.md#sweep). Locally on ``threads`` threads (0: all cores); with ``client``
    (a ``dask.distributed.Client``) its units (point x model) spread over the workers in
    ``shards`` shards (default four per worker) and merged exactly: the same bytes as the local
    run and the CLI. ``progress(done, total)`` counts units (with a client)."""
    job, units = _core.sweep_job(os.fspath(spec))
    if client is not None:
        from ._distributed import sweep_on
        rendered = sweep_on(client, job, int(units), shards, progress, int(retries))
    else:
        rendered = _core.merge_sweep([_core.sweep_shard(job, 1, 1, int(threads))])
    return SweepResult(*rendered)


def calibrate(train: Union[str, "os.PathLike[str]", Sequence[Union[str, "os.PathLike[str]"]]], *,
              models: Sequence[str] = tuple(_CAL["models"]),
              features: Sequence[str] = tuple(_CAL["features"]), setter: str = "",
              grid: Optional[Mapping[str, Mapping[str, Sequence[Any]]]] = None,
              folds: Union[int, str] = _CAL["folds"], inner_folds: int = _CAL["inner_folds"],
              floor: float = _CAL["floor"], bootstrap: int = _CAL["bootstrap"],
              seed: int = _CAL["seed"], date: str = "",
              path: Union[str, "os.PathLike[str]", None] = None, client: Any = None,
              shards: Optional[int] = None, retries: int = 2,
              progress: Optional[Callable[[int, int], None]] = None) -> str:
    """``entente calibrate TRAIN...``: fits the ensemble, the models' options from ``grid``
    (``{"eu": {"q": [0.5, 1]}}``, the CLI's ``--grid eu.q=0.5,1``) and the predictive error
    model on training files with outcomes, with grouped cross-validation (``folds``: a number,
    or ``"group"``). Returns the calibration file's text (docs/calibration.md) and, with
    ``path``, also writes it atomically. ``date`` is the date it records (the CLI's
    ``--date``; default: SOURCE_DATE_EPOCH, else today, UTC).

    With ``client`` (a ``dask.distributed.Client``) the units (training file x model option
    set) spread over its workers in ``shards`` shards (default four per worker, at most one per
    unit) and the client fits the calibration from their forecasts: the same bytes as the
    local run and the CLI (docs/scale-out.md). ``progress(done, total)`` counts units (with a
    client); ``retries`` re-runs a unit that raised."""
    paths = [os.fspath(train)] if isinstance(train, (str, os.PathLike)) else [os.fspath(t) for t in train]
    if date == "":
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
        when = time.gmtime(int(epoch)) if epoch else time.gmtime()
        date = time.strftime("%Y-%m-%d", when)
    job, units = _core.calibrate_job(
        paths, list(models), list(features), setter,
        {m: {k: [_option_text(v) for v in vs] for k, vs in keys.items()} for m, keys in (grid or {}).items()},
        0 if folds == "group" else int(folds), int(inner_folds), float(floor), int(bootstrap),
        int(seed), date)
    out = "" if path is None else os.fspath(path)
    if client is not None:
        from ._distributed import calibrate_on
        return calibrate_on(client, job, int(units), shards, progress, int(retries), out)
    return _core.merge_calibrate([_core.calibrate_shard(job, 1, 1)], out)


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
             *, draws: int = 0, seed: int = DEFAULTS["seed"], threads: int = 0,
             noise: Union[float, str] = DEFAULTS["noise_percent"],
             bootstrap: int = DEFAULTS["bootstrap"], by: Optional[str] = None,
             model_options: Optional[Mapping[str, Mapping[str, Any]]] = None,
             reader_options: Optional[Mapping[str, Any]] = None, set: Edits = None,
             pool: str = "mean", coder: Optional[str] = None, **options: Any) -> BacktestResult:
    """Score models against observed outcomes, as ``entente backtest``: MAE, RMSE, median
    absolute error, bias, shares within 5/10/20, with 95% intervals from a bootstrap over issue
    groups, and the paired difference of each model to compromise; with ``draws`` > 0 also
    CRPS, coverage of central 50/80/90% intervals, interval scores and a PIT histogram
    (``noise`` in percent, as in simulate).

    ``scenario`` is a path (its outcomes are read with it: YAML ``outcome:``, a bundle's
    outcomes.csv, a DEU table's ``out``) or a Scenario; ``outcomes`` ({issue: value}, a
    DataFrame with issue and value columns, or a CSV path) replaces the file's. Keyword options
    go to every model, ``model_options={"eu": {"rounds": 8}}`` to one; ``reader_options`` to the
    file's reader (DEU: ``com_ep_capability``, ``min_actors``, ``regime``). Models never see the
    outcomes. ``result.scores``, ``result.issues``, ``result.errors`` and ``result.subsets`` are
    DataFrames.

    ``set`` edits the scenario for this run only, as the CLI's ``--set``: a list such as
    ``["US.opcon_transfer.salience=0.8", "opcon_transfer.status_quo=60"]`` or a dict
    ``{"US.capability": 70}``; the saved run records the edits.

    ``pool`` pools a scenario coded by several analysts before it is scored, as the CLI's
    ``--pool`` (``"mean"``, ``"median"``, ``"trimmed"``, ``"performance"``; ``"mixture"`` and
    ``"mixture-coder"`` make the disagreement part of the draws).

    ``coder`` scores the forecasts made from that coder's numbers alone, as the CLI's
    ``--coder`` (stances the coder skipped keep the others' pool; not with a ``pool`` other
    than the mean); the saved run records the coder."""
    reader = [f"{k}={_option_text(v)}" for k, v in (reader_options or {}).items()]
    found: List[Tuple[str, float, str, str]] = []
    if isinstance(scenario, (str, os.PathLike)):
        s, found, _notes = _core.load_document(os.fspath(scenario), reader)
    else:
        s = _scenario(scenario)
    chosen = list(found) if outcomes is None else _outcome_tuples(outcomes)
    if isinstance(models, str):
        # "all" leaves out models that need a calibration file (the ensemble), as the CLI does.
        names = ([m["name"] for m in _MODELS_JSON["models"] if not m["calibrated"]]
                 if models == "all" else [m for m in models.split(",") if m])
    else:
        names = list(models)
    per_model: Dict[str, Dict[str, str]] = {m: _options(options) for m in names} if options else {}
    for m, opts in (model_options or {}).items():
        per_model.setdefault(m, {}).update(_options(opts))
    text = json.dumps({"model": ",".join(names), "models": names, "model_options": per_model,
                       "draws": draws, "seed": seed, "threads": threads,
                       "noise_percent": _noise(noise), "bootstrap": bootstrap, "by": by or "",
                       "pool": pool, **({"coder": coder} if coder else {}), **_edits(set)})
    params = _core.run_parameters("backtest", text)
    json_text, table = _core.backtest(s, chosen, text)
    return _recorded(BacktestResult(json_text, table), "backtest", scenario, s, params)


def advise(scenario: ScenarioLike, actor: str, issue: Optional[str] = None, target: Optional[float] = None,
           model: str = _MODEL, tolerance_percent: float = DEFAULTS["tolerance_percent"],
           set: Edits = None, **options: Any) -> AdviceResult:
    """What it would take to bring each issue (or ``issue``) to ``actor``'s position or
    ``target``; reached within ``tolerance_percent`` of the scale (the CLI's ``--tolerance``).

    ``set`` edits the scenario for this run only, as the CLI's ``--set``: a list such as
    ``["US.opcon_transfer.salience=0.8", "opcon_transfer.status_quo=60"]`` or a dict
    ``{"US.capability": 70}``; the saved run records the edits."""
    s = _scenario(scenario)
    text, params = _run("advise", model, options, actor=actor, issue=issue, target=target,
                        tolerance_percent=tolerance_percent, **_edits(set))
    return _recorded(AdviceResult(*_core.advise(s, text)), "advise", scenario, s, params)


def cohesion(scenario: ScenarioLike, model: str = _MODEL, *, set: Edits = None,
             **options: Any) -> CohesionResult:
    """Each alliance's gap and strain, issue by issue, under ``model``'s forecast.

    ``set`` edits the scenario for this run only, as the CLI's ``--set``: a list such as
    ``["US.opcon_transfer.salience=0.8", "opcon_transfer.status_quo=60"]`` or a dict
    ``{"US.capability": 70}``; the saved run records the edits."""
    s = _scenario(scenario)
    text, params = _run("cohesion", model, options, **_edits(set))
    return _recorded(CohesionResult(*_core.cohesion(s, text)), "cohesion", scenario, s, params)


def compare(scenario: ScenarioLike, moves: Union[str, Sequence[str]], model: str = _MODEL, *,
            draws: int = 0, seed: int = DEFAULTS["seed"],
            noise: Union[float, str] = DEFAULTS["noise_percent"], set: Edits = None,
            **options: Any) -> ComparisonResult:
    """Forecast the baseline and every combination of the named moves; with ``draws`` > 0,
    also under uncertainty (``noise`` in percent, as in simulate).

    ``set`` edits the scenario for this run only, as the CLI's ``--set``: a list such as
    ``["US.opcon_transfer.salience=0.8", "opcon_transfer.status_quo=60"]`` or a dict
    ``{"US.capability": 70}``; the saved run records the edits."""
    ids = [m for m in moves.split(",") if m] if isinstance(moves, str) else list(moves)
    s = _scenario(scenario)
    text, params = _run("compare", model, options, moves=ids, draws=draws, seed=seed,
                        noise_percent=_noise(noise), **_edits(set))
    return _recorded(ComparisonResult(*_core.compare(s, text)), "compare", scenario, s, params)


def report(scenario: ScenarioLike, path: Union[str, "os.PathLike[str]", None] = None,
           format: Optional[str] = None, model: str = _MODEL, *, models: Optional[Sequence[str]] = None,
           draws: int = DEFAULTS["draws"], seed: int = DEFAULTS["seed"],
           noise: Union[float, str] = DEFAULTS["noise_percent"], threads: int = 0,
           tornado_bars: int = DEFAULTS["tornado_bars"], set: Edits = None, pool: str = "mean",
           **options: Any) -> str:
    """The report ``entente report`` writes: one self-contained HTML page (``format="html"``) or
    its summary as Markdown (``"md"``); the format defaults to ``md`` when ``path`` ends in
    ``.md``, else ``html``; a ``path`` of another extension (``.pdf``) or one that contradicts
    ``format`` raises InputError. Returns the text and, with ``path``, also writes it atomically.

    ``model`` is the primary model (summary, Monte Carlo, tornado, cohesion; keyword options are
    its own), ``models`` the forecasts shown beside it (default: every model), ``draws`` the Monte
    Carlo draws (0 skips the distribution and tornado), ``noise`` in percent as in simulate.

    ``set`` edits the scenario for this run only, as the CLI's ``--set``: a list such as
    ``["US.opcon_transfer.salience=0.8", "opcon_transfer.status_quo=60"]`` or a dict
    ``{"US.capability": 70}``; the saved run records the edits."""
    out = None if path is None else os.fspath(path)
    source = os.fspath(scenario) if isinstance(scenario, (str, os.PathLike)) else ""
    text, _ = _run("report", model, options, models=list(models or []), draws=draws, seed=seed,
                   noise_percent=_noise(noise), threads=threads, tornado_bars=tornado_bars,
                   pool=pool, **_edits(set))
    return _core.report(_scenario(scenario), "" if format is None else str(format), text, source, out)


for _fn in (forecast, simulate, advise, cohesion, compare, report):
    setattr(_fn, "__doc__", (_fn.__doc__ or "") + "\n" + _options_doc())
