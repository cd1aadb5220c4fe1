"""Results of forecast(), simulate(), advise(), compare() and cohesion(): pandas frames, numpy
arrays (views of the engine's memory, not copies), the CLI's JSON and table, and Jupyter HTML."""
from __future__ import annotations

import json
import os
from html import escape
from typing import Any, Callable, Dict, List, Optional, Union

from . import _charts, _core

IssueKey = Union[int, str]


class _Result:
    """Common ground: the CLI's JSON text and table for the same run, rendered on first use."""

    def __init__(self, json_text: Union[str, Callable[[], str]], table: Union[str, Callable[[], str]]) -> None:
        self._json_src = json_text
        self._table_src = table
        self._dict: Optional[Dict[str, Any]] = None

    def to_json(self) -> str:
        """Exactly what the CLI prints with ``--format json``."""
        if callable(self._json_src):
            self._json_src = self._json_src()
        return self._json_src

    def to_dict(self) -> Dict[str, Any]:
        """The JSON as Python objects (parsed once, then shared: do not modify)."""
        if self._dict is None:
            self._dict = json.loads(self.to_json())
        return self._dict

    def __str__(self) -> str:
        """The CLI's table."""
        if callable(self._table_src):
            self._table_src = self._table_src()
        return self._table_src

    def _repr_html_(self) -> str:
        return str(self.to_frame()._repr_html_())

    def to_frame(self) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def save(self, db: Union[str, "os.PathLike[str]", None] = None) -> int:
        """Stores this run in the runs database, as the CLI stores its runs (same tables, same
        JSON, options and seed); returns the run id. ``db`` defaults to ``$ENTENTE_DB``, else
        ``entente.db`` in the working directory. Read it back with ``entente runs show ID``."""
        record = getattr(self, "_record", None)
        if record is None:
            raise ValueError("this result was not made by entente.forecast/simulate/advise/compare/cohesion")
        path = os.fspath(db) if db is not None else (os.environ.get("ENTENTE_DB") or "entente.db")
        return int(_core.save_run(record["kind"], record["scenario"], record["path"], record["params"],
                                  self.to_json(), path))


def _anchor_words(anchor: Any) -> Any:
    return None if anchor is None else f"{anchor['value']:g}: {anchor['label']}"


def _group_of(issue: Dict[str, Any]) -> Dict[str, Any]:
    """{"group": id or None} when the JSON carries groups (the scenario has some), else {}: a
    scenario without groups keeps the columns it always had."""
    return {"group": issue["group"]} if "group" in issue else {}


def _pd() -> Any:
    import pandas as pd  # type: ignore[import]
    return pd


class ForecastResult(_Result):
    """One model's forecast of every issue."""

    def __init__(self, run: Any) -> None:
        super().__init__(run.json, run.table)
        self._run = run
        self.model: str = run.model
        self.warnings: List[str] = list(run.warnings)
        self.scenario = run.scenario  #: a copy of the scenario as it was when run
        self._ids = [i.id for i in self.scenario.issues]

    def _index(self, issue: IssueKey) -> int:
        if isinstance(issue, int):
            return issue
        try:
            return self._ids.index(issue)
        except ValueError:
            raise KeyError(f"no issue {issue!r}; the issues are {', '.join(self._ids)}") from None

    def to_frame(self) -> Any:
        """One row per issue (index: issue id): its group (when the scenario groups issues),
        outcome, unconstrained forecast, status quo, binding veto, where the outcome lies among
        the scale's anchors (the anchor it is at, else the nearest below and above, each as
        "value: label"); the same numbers as the CLI's JSON."""
        rows = []
        for i in self.to_dict()["issues"]:
            place = i.get("anchors") or {}
            rows.append({"issue": i["id"], **_group_of(i), "name": i["name"], "outcome": i["outcome"],
                         "unconstrained": i["unconstrained"], "status_quo": i["status_quo"],
                         "binding_veto": i["binding_veto"], "win_set_empty": i["win_set_empty"],
                         **{f"anchor_{side}": _anchor_words(place.get(side)) for side in ("at", "below", "above")},
                         "unit": i["unit"]})
            for level, value in (i.get("quantiles") or {}).items():
                rows[-1]["q" + level] = value
        return _pd().DataFrame(rows).set_index("issue")

    @property
    def outcomes(self) -> Any:
        """Outcome per issue, as a Series indexed by issue id."""
        return self.to_frame()["outcome"].rename(self.model)

    def final_positions(self, issue: IssueKey) -> Any:
        """Each stance's position after the model ran (numpy view; inputs for static models)."""
        return self._run.final_positions(self._index(issue))

    def trajectory(self, issue: IssueKey) -> Any:
        """rounds x stances positions as a read-only numpy view (0 rows for static models);
        columns follow ``actors(issue)``."""
        return self._run.trajectory(self._index(issue))

    def actors(self, issue: IssueKey) -> List[str]:
        """Actor ids of the issue's stances, in the order of trajectory columns."""
        return list(self._run.stance_actors(self._index(issue)))

    def trajectory_frame(self, issue: IssueKey) -> Any:
        """The trajectory as a DataFrame (rounds x actors); a copy, unlike trajectory()."""
        return _pd().DataFrame(self.trajectory(issue), columns=self.actors(issue)).rename_axis("round")

    def _repr_html_(self) -> str:
        """The table, then the HTML report's charts: each issue's scale (actors sized by
        capability x salience, veto players square, the status quo and this forecast) and, for
        models with bargaining rounds, each issue's trajectories."""
        figures = [_charts.figure(svg, "Where each actor stands, the status quo and the "
                                  f"{self.model} forecast (filled triangle).")
                   for svg in self._run.scale_charts()]
        figures += [_charts.figure(svg, f"Positions round by round in the {self.model} model; "
                                   "bold: weighted median.")
                    for svg in self._run.trajectory_charts()]
        notes = "".join(f"<p><b>warning:</b> {escape(w)}</p>" for w in self.warnings)
        return _charts.wrap(f"Forecast: {self.model}", self.to_frame()._repr_html_(), figures, notes)

    def __repr__(self) -> str:
        return f"<entente.ForecastResult {self.model}: {len(self._ids)} issues>"


class SimulationResult(_Result):
    """A Monte Carlo forecast: per-issue distributions and, when kept, every draw."""

    def __init__(self, run: Any, issue_ids: List[str]) -> None:
        super().__init__(run.json, run.table)
        self._run = run
        self.model: str = run.model
        self.seed: int = run.seed
        self.draws_done: int = run.draws  #: fewer than asked only if interrupted
        self._ids = issue_ids
        #: draws x issues outcomes (read-only numpy array owned by the engine's buffer), or None
        self.draws = run.outcomes

    def to_frame(self) -> Any:
        """One row per issue: its group (when the scenario groups issues), point forecast, mean,
        sd, min, max, quantiles, P(status quo)."""
        rows = []
        for i in self.to_dict()["issues"]:
            row = {"issue": i["id"], **_group_of(i), "point": i["point"], "mean": i["mean"], "sd": i["sd"],
                   "min": i["min"], "max": i["max"]}
            row.update(i["quantiles"])
            row["p_status_quo"] = i.get("p_status_quo")
            row["fallback_draws"] = i["fallback_draws"]
            rows.append(row)
        return _pd().DataFrame(rows).set_index("issue")

    def draws_frame(self) -> Any:
        """The draws as a DataFrame (columns: issue ids) sharing the array's memory."""
        if self.draws is None:
            raise ValueError("draws were not kept; run simulate(..., keep_draws=True)")
        return _pd().DataFrame(self.draws, columns=self._ids, copy=False)

    def histogram(self, issue: str) -> Any:
        """The issue's 20-bar histogram: lo, hi, count."""
        for i in self.to_dict()["issues"]:
            if i["id"] == issue:
                return _pd().DataFrame(i["histogram"])
        raise KeyError(issue)

    def thresholds(self) -> Any:
        """P(outcome >= value) and <= value for each requested threshold."""
        rows = [{"issue": i["id"], **t} for i in self.to_dict()["issues"] for t in i["thresholds"]]
        return _pd().DataFrame(rows, columns=["issue", "value", "p_ge", "p_le"])

    def sensitivity(self) -> Any:
        """Inputs that move each outcome (with sensitivity=True): swings and first-order indices."""
        rows = [{"outcome_issue": s["issue"], **inp} for s in self.to_dict().get("sensitivity", [])
                for inp in s["inputs"]]
        return _pd().DataFrame(rows)

    def _repr_html_(self) -> str:
        """The table, then the HTML report's Monte Carlo histogram of each issue (5-95% band
        shaded, median and point forecast marked)."""
        d = self.to_dict()
        figures = [_charts.figure(svg, f"Outcome over {d['draws_done']} draws of the {self.model} "
                                  "model; shaded: 5% to 95%.")
                   for svg in self._run.histogram_charts()]
        return _charts.wrap(f"Simulation: {self.model}, {d['draws_done']} draws, seed {d['seed']}",
                            self.to_frame()._repr_html_(), figures)

    def __repr__(self) -> str:
        return f"<entente.SimulationResult {self.model}: {self.draws_done} draws>"


class AdviceResult(_Result):
    """What it takes to bring each issue to the actor's target."""

    def to_frame(self) -> Any:
        """One row per issue: outcome, target, whether reached, the cheapest single mover."""
        rows = []
        for i in self.to_dict()["issues"]:
            best = i["others"][0] if i["others"] else None
            rows.append({"issue": i["issue"], "outcome": i["outcome"], "target": i["target"],
                         "already": i["already"],
                         "own_position_to": (i["own_position"] or {}).get("to"),
                         "own_salience_to": (i["own_salience"] or {}).get("to"),
                         "best_other": best["actor"] if best else None,
                         "best_other_to": best["to"] if best else None,
                         "blockers": ";".join(b["actor"] for b in i["blockers"]),
                         "summary": i["summary"]})
        return _pd().DataFrame(rows).set_index("issue")


class CohesionResult(_Result):
    """Each alliance's strain, issue by issue."""

    def to_frame(self) -> Any:
        """One row per alliance x issue, most strained first within each alliance."""
        rows = [{"alliance": a["alliance"], "issue": i["issue"], "strain": i["strain"],
                 "gap_before": i["gap_before"], "gap_after": i["gap_after"], "outcome": i["outcome"]}
                for a in self.to_dict()["alliances"] for i in a["issues"]]
        return _pd().DataFrame(rows).set_index(["alliance", "issue"])


class ComparisonResult(_Result):
    """Outcomes under the baseline and each combination of moves."""

    def to_frame(self) -> Any:
        """One row per variant x issue: outcome and its change from the baseline."""
        rows = [{"variant": v["variant"], "issue": i["id"], "outcome": i["outcome"], "change": i["change"],
                 "unconstrained": i["unconstrained"], "binding_veto": i["binding_veto"]}
                for v in self.to_dict()["variants"] for i in v["issues"]]
        return _pd().DataFrame(rows).set_index(["variant", "issue"])

    def outcomes(self) -> Any:
        """Outcome table: variants as rows, issues as columns (both in the JSON's order)."""
        variants = self.to_dict()["variants"]
        order = [v["variant"] for v in variants]
        issues = [i["id"] for i in variants[0]["issues"]] if variants else []
        return self.to_frame()["outcome"].unstack("issue").reindex(index=order, columns=issues)


def _score_row(m: Dict[str, Any]) -> Dict[str, Any]:
    row: Dict[str, Any] = {"model": m["model"], "n": m["n"]}
    for key in ("mae", "rmse", "median_ae", "bias", "within5", "within10", "within20", "crps"):
        row[key] = m[key]
        row[key + "_lo"], row[key + "_hi"] = m[key + "_ci"]
    row["mae_pct"] = m["pct"]["mae"]
    row["crps_fair"] = m.get("crps_fair")
    for level in ("50", "80", "90"):
        row["coverage" + level] = (m.get("coverage") or {}).get(level)
        row["interval_score" + level] = (m.get("interval_score") or {}).get(level)
    vs = m.get("vs_compromise") or {}
    row["mae_vs_compromise"] = vs.get("mae")
    row["mae_vs_compromise_lo"], row["mae_vs_compromise_hi"] = vs.get("mae_ci") or (None, None)
    row["crps_vs_compromise"] = vs.get("crps")
    return row


class BacktestResult(_Result):
    """Every model scored against observed outcomes, with 95% intervals from a bootstrap that
    resamples issue groups."""

    def to_frame(self) -> Any:
        """The scores: one row per model (index: model) with n, MAE, RMSE, median absolute error,
        bias, shares within 5/10/20, CRPS (each with ``_lo``/``_hi``), MAE in % of range,
        coverage and interval scores (with draws) and the paired difference to compromise."""
        return _pd().DataFrame([_score_row(m) for m in self.to_dict()["models"]]).set_index("model")

    @property
    def scores(self) -> Any:
        """Same as ``to_frame()``."""
        return self.to_frame()

    @property
    def issues(self) -> Any:
        """One row per scored issue (index: issue id): group, outcome, each model's forecast
        (a column per model) and the closest model."""
        rows = []
        for i in self.to_dict()["issues"]:
            row = {"issue": i["id"], "group": i["group"], "outcome": i["outcome"]}
            row.update(i["forecasts"])
            row["closest"] = i["closest"]
            rows.append(row)
        return _pd().DataFrame(rows).set_index("issue")

    @property
    def errors(self) -> Any:
        """Forecast minus outcome: issues as rows, models as columns."""
        rows = [{"issue": i["id"], **i["errors"]} for i in self.to_dict()["issues"]]
        return _pd().DataFrame(rows).set_index("issue")

    @property
    def subsets(self) -> Any:
        """With ``by``: one row per value of the field and model (index: value, model)."""
        rows = [{"value": s["value"], **_score_row(m)}
                for s in self.to_dict()["subsets"] for m in s["models"]]
        if not rows:
            return _pd().DataFrame(columns=["value", "model"]).set_index(["value", "model"])
        return _pd().DataFrame(rows).set_index(["value", "model"])

    def __repr__(self) -> str:
        d = self.to_dict()
        return f"<entente.BacktestResult {len(d['models'])} models over {d['n']} issues>"


class SweepResult(_Result):
    """A sweep: one row per point, model and issue (``entente sweep``'s output)."""

    def __init__(self, json_text: str, csv_text: str, table: str) -> None:
        super().__init__(json_text, table)
        self._csv = csv_text

    def to_csv(self) -> str:
        """Exactly what the CLI prints with ``--format csv``."""
        return self._csv

    def to_frame(self) -> Any:
        """The rows as a DataFrame (columns: point, label, model, issue, outcome and, with
        draws, mean, p05, p50, p95)."""
        return _pd().DataFrame(self.to_dict()["rows"])

