"""Scenarios from files, dicts and DataFrames, and back: methods attached to ``Scenario``.

Dicts have the shape of the YAML format (docs/scenario-format.md); they are handed to the YAML
reader as JSON text, so they are checked exactly like a file and problems name the field.
DataFrames have the CSV bundle's columns; they are handed to the bundle reader as CSV text,
so line N of a message is row N - 2 of the frame (line 1 is the header).
"""
from __future__ import annotations

import io
import json
import math
import os
from typing import Any, Dict, Mapping, Optional, Union

from . import _core
from ._core import Scenario

PathLike = Union[str, "os.PathLike[str]"]

_ISSUE_COLUMNS = ["name", "unit", "scale_min", "scale_max", "anchors", "status_quo",
                  "decision_rule", "veto_players", "description"]


def load(source: Any, validate: bool = True) -> Scenario:
    """A scenario from a path (any format the CLI reads), a dict or a DataFrame.

    Raises ScenarioError listing every problem (with file, line and field) when it is
    unreadable or, with ``validate``, invalid."""
    if isinstance(source, Mapping):
        return from_dict(source, validate=validate)
    if _is_frame(source):
        return from_frame(source, validate=validate)
    path = os.fspath(source)
    return _core.load_scenario(path) if validate else _core.read_scenario(path)


def from_yaml(text: str, validate: bool = True, file: str = "<yaml>") -> Scenario:
    """A scenario from YAML text."""
    s = _core.parse_yaml(text, file)
    if validate:
        _core.validate(s)
    return s


def from_dict(data: Mapping[str, Any], validate: bool = True) -> Scenario:
    """A scenario from a dict shaped like the YAML format (``to_dict`` gives one)."""
    text = json.dumps(_finite(dict(data)), indent=1, default=_plain)
    return from_yaml(text, validate=validate, file="<dict>")


def _finite(x: Any) -> Any:
    """NaN and infinities as the YAML spellings, so the reader refuses them with a location."""
    if isinstance(x, float) and not math.isfinite(x):
        return ".nan" if math.isnan(x) else (".inf" if x > 0 else "-.inf")
    if isinstance(x, Mapping):
        return {k: _finite(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_finite(v) for v in x]
    return x


def _plain(x: Any) -> Any:
    """numpy scalars as Python numbers; anything else (dates) as text."""
    return x.item() if hasattr(x, "item") else str(x)


def from_frames(stances: Any, issues: Any, actors: Any = None, meta: Optional[Mapping[str, Any]] = None,
                alliances: Any = None, moves: Any = None, rules: Any = None,
                validate: bool = True) -> Scenario:
    """A scenario from the CSV bundle's tables as DataFrames (``to_frames`` gives them).

    Without ``actors``, every actor in ``stances`` is listed under its id. ``rules`` is the
    rules.csv table, for decision rules beyond the plain forms (docs/decision-rules.md)."""
    if actors is None:
        import pandas as pd  # type: ignore[import]
        ids = list(dict.fromkeys(str(a) for a in stances["actor"]))
        actors = pd.DataFrame({"actor": ids, "name": ids})
    files = {"stances.csv": _csv(stances), "issues.csv": _csv(issues), "actors.csv": _csv(actors)}
    if meta:
        rows = [(k, v) for k, v in meta.items() if k != "sources" and v]
        rows += [("source", src) for src in meta.get("sources", [])]
        import pandas as pd
        files["scenario.csv"] = _csv(pd.DataFrame(rows, columns=["key", "value"]))
    if alliances is not None:
        files["alliances.csv"] = _csv(alliances)
    if moves is not None:
        files["moves.csv"] = _csv(moves)
    if rules is not None:
        files["rules.csv"] = _csv(rules)
    s = _core.parse_csv_bundle(files, "<frames>")
    if validate:
        _core.validate(s)
    return s


def from_frame(frame: Any, actors: Any = None, rules: Any = None, validate: bool = True) -> Scenario:
    """A scenario from one DataFrame with a row per actor x issue: the columns of stances.csv
    plus those of issues.csv, repeated on each row of an issue (``to_frame`` gives one).
    Decision rules beyond the plain forms come in ``rules`` (``to_frames()["rules"]``), or else
    from ``frame.attrs["rules"]``, where ``to_frame`` puts them."""
    if rules is None:
        rules = getattr(frame, "attrs", {}).get("rules")
    stance_cols = [c for c in frame.columns if c not in _ISSUE_COLUMNS]
    issue_cols = ["issue"] + [c for c in _ISSUE_COLUMNS if c in frame.columns]
    issues = frame[issue_cols].drop_duplicates(subset="issue", keep="first")
    return from_frames(frame[stance_cols], issues, actors=actors, rules=rules, validate=validate)


def _csv(frame: Any) -> str:
    return str(frame.to_csv(index=False, lineterminator="\n"))


def _is_frame(x: Any) -> bool:
    return type(x).__name__ == "DataFrame" and hasattr(x, "to_csv")


_NUMERIC = {"position", "salience", "capability", "scale_min", "scale_max", "status_quo"} | {
    f"{f}_{s}" for f in ("position", "salience", "capability") for s in ("sd", "low", "high")}


def _read_csv(text: str) -> Any:
    import pandas as pd
    # Ids and labels stay text (an actor called "1" stays "1"); the numeric columns become
    # floats with NaN for empty cells.
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    for col in frame.columns:
        if col in _NUMERIC:
            frame[col] = pd.to_numeric(frame[col].replace("", float("nan"))).astype(float)
    return frame


# --- methods attached to Scenario -------------------------------------------------------------

def _to_frames(self: Scenario) -> Dict[str, Any]:
    """The CSV bundle's tables as DataFrames, by name ("stances", "issues", "actors", ...)."""
    out = {name[:-4]: _read_csv(text) for name, text in _core.to_csv_bundle(self).items()}
    if "scenario" in out:
        rows = out.pop("scenario")
        meta: Dict[str, Any] = {"sources": []}
        for key, value in zip(rows["key"], rows["value"]):
            if key == "source":
                meta["sources"].append(value)
            else:
                meta[key] = value
        out["meta"] = meta
    return out


def _to_frame(self: Scenario) -> Any:
    """One row per actor x issue: the stance columns, then the issue's columns. Decision rules
    beyond the plain forms ride along in ``frame.attrs["rules"]`` (the rules.csv table), which
    pandas keeps through edits, so ``from_frame`` gets them back."""
    frames = _to_frames(self)
    issues = frames["issues"]
    frame = frames["stances"].merge(issues, on="issue", how="left", sort=False)
    if "rules" in frames and len(frames["rules"]):
        frame.attrs["rules"] = frames["rules"]
    return frame


def _spread_value(value: float, spread: Any) -> Any:
    if spread.kind == "none":
        return value
    if spread.kind == "normal":
        return {"value": value, "sd": spread.sd}
    if spread.kind == "uniform":
        return {"low": spread.low, "high": spread.high}
    return {"value": value, "low": spread.low, "high": spread.high}


def _to_dict(self: Scenario) -> Dict[str, Any]:
    """The scenario as a dict shaped like the YAML format; ``from_dict`` reads it back."""
    d: Dict[str, Any] = {"entente": 1}
    for key in ("title", "as_of", "description"):
        if getattr(self, key):
            d[key] = getattr(self, key)
    if self.sources:
        d["sources"] = list(self.sources)
    d["actors"] = [_drop_empty({"id": a.id, "name": a.name, "description": a.description})
                   for a in self.actors]
    d["issues"] = [_issue_dict(i) for i in self.issues]
    if len(self.alliances):
        d["alliances"] = [_drop_empty({"id": a.id, "name": a.name, "members": list(a.members)})
                          for a in self.alliances]
    if len(self.moves):
        d["moves"] = [_drop_empty({"id": m.id, "name": m.name, "source": m.source,
                                   "changes": [_drop_empty({"actor": c.actor, "issue": c.issue,
                                                            "position": c.position, "salience": c.salience,
                                                            "capability": c.capability}) for c in m.changes]})
                      for m in self.moves]
    return d


def _issue_dict(i: Any) -> Dict[str, Any]:
    scale = _drop_empty({"min": i.scale.min, "max": i.scale.max, "unit": i.scale.unit,
                         "anchors": [{"value": a.value, "label": a.label} for a in i.scale.anchors]})
    stances = [_drop_empty({"actor": s.actor,
                            "position": _spread_value(s.position, s.position_spread),
                            "salience": _spread_value(s.salience, s.salience_spread),
                            "capability": _spread_value(s.capability, s.capability_spread),
                            "basis": s.basis, "note": s.note}) for s in i.stances]
    rule = i.rule  # None for the plain forms, else the YAML mapping of the rule
    return _drop_empty({"id": i.id, "name": i.name, "description": i.description, "scale": scale,
                        "status_quo": i.status_quo,
                        "decision_rule": i.decision_rule if rule is None else rule,
                        "veto_players": list(i.veto_players) if rule is None else [],
                        "stances": stances})


def _drop_empty(d: Dict[str, Any]) -> Dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None and v != "" and v != []}


def _save(self: Scenario, path: PathLike, overwrite: bool = False) -> None:
    """Writes the scenario atomically, in the format the path denotes (.yaml or a folder).

    An existing file or bundle folder is replaced only with ``overwrite=True``, and a folder
    only when it holds nothing but bundle files (ScenarioError otherwise; nothing is deleted).
    Raises OSError when the write itself fails (permissions, a missing folder).
    """
    _core.write_scenario(self, os.fspath(path), overwrite)


def _validate(self: Scenario) -> None:
    """Raises ScenarioError listing every problem; returns None when the scenario is valid."""
    _core.validate(self)


def _copy(self: Scenario) -> Scenario:
    """An independent copy."""
    return self._copy()


def _repr(self: Scenario) -> str:
    return (f"<entente.Scenario {self.title!r}: {len(self.actors)} actors, "
            f"{len(self.issues)} issues>")


def _repr_html(self: Scenario) -> str:
    from html import escape
    head = f"<h4>{escape(self.title or 'Scenario')}</h4>"
    if self.as_of:
        head += f"<p>as of {escape(self.as_of)}</p>"
    return f"<div>{head}{_to_frame(self)._repr_html_()}</div>"


_METHODS: Dict[str, Any] = {
    "to_dict": _to_dict,
    "to_yaml": lambda self: _core.to_yaml(self),
    "to_frames": _to_frames,
    "to_frame": _to_frame,
    "save": _save,
    "validate": _validate,
    "copy": _copy,
    "__copy__": _copy,
    "__deepcopy__": lambda self, memo: _copy(self),
    "__repr__": _repr,
    "_repr_html_": _repr_html,
    "from_dict": staticmethod(from_dict),
    "from_frame": staticmethod(from_frame),
    "from_frames": staticmethod(from_frames),
    "load": staticmethod(load),
}
for _name, _fn in _METHODS.items():
    setattr(Scenario, _name, _fn)
