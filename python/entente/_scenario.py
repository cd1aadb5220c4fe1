"""Scenarios from files, dicts and DataFrames, and back: methods attached to ``Scenario``.

Dicts have the shape of the YAML format (docs/scenario-format.md); they are read by the library's
one scenario reader (the one YAML files and the server's requests go through), so problems name
the path in the dict and who it concerns: ``dict.issues[1].stances[0] (US on opcon_transfer)``.
DataFrames have the CSV bundle's columns, or just a one-table sheet's; they are handed to the
bundle or the one-table reader as CSV text, and problems come back located by frame, the row's
index label and the column.
"""
from __future__ import annotations

import io
import json
import math
import os
from typing import Any, Dict, Mapping, Optional, Tuple, Union

from . import _core
from ._core import Scenario
from .errors import Problem, ScenarioError

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
    s = _core.scenario_from_json(json.dumps(_finite(dict(data)), default=_plain), "dict")
    if validate:
        _core.validate(s)
    return s


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
    rules.csv table, for decision rules beyond the plain forms (docs/decision-rules.md).
    Problems name the frame, the row's index label and the column (``frame 'stances', row 4
    (US on opcon_transfer), column 'salience': ...``)."""
    tables = {"stances": stances, "issues": issues, "actors": actors, "alliances": alliances,
              "moves": moves, "rules": rules}
    return _from_tables({k: (k, v) for k, v in tables.items()}, meta, validate)


def _from_tables(tables: Mapping[str, Tuple[str, Any]], meta: Optional[Mapping[str, Any]],
                 validate: bool) -> Scenario:
    """The bundle reader over frames by bundle table name, each with the name its problems give."""
    import pandas as pd  # type: ignore[import]
    tables = {k: v for k, v in tables.items() if v[1] is not None}
    if "actors" not in tables:
        stances = tables["stances"][1]
        ids = list(dict.fromkeys(str(a) for a in stances["actor"])) if "actor" in stances else []
        tables["actors"] = ("actors", pd.DataFrame({"actor": ids, "name": ids}))
    files = {f"{k}.csv": _csv(frame) for k, (_, frame) in tables.items()}
    located = {f"<frames>/{k}.csv": v for k, v in tables.items()}
    if meta:
        rows = [(k, v) for k, v in meta.items() if k != "sources" and v]
        rows += [("source", src) for src in meta.get("sources", [])]
        files["scenario.csv"] = _csv(pd.DataFrame(rows, columns=["key", "value"]))
    try:
        s = _core.parse_csv_bundle(files, "<frames>")
        if validate:
            _core.validate(s)
    except ScenarioError as e:
        raise _in_frames(e, located) from None
    return s


def from_frame(frame: Any, actors: Any = None, rules: Any = None, validate: bool = True) -> Scenario:
    """A scenario from one DataFrame with a row per actor (x issue).

    The minimal frame is the one-table sheet of papers and analysts: columns ``actor``,
    ``capability``, ``position``, ``salience`` (any case, common variants such as ``Name`` or
    ``Power``), optionally ``issue``, ``status_quo``, ``scale_min``, ``scale_max``, ``unit``,
    ``description``, ``basis``, ``note``; it is read like a one-table CSV (scale inferred from
    the positions unless given; docs/scenario-format.md). Otherwise the columns are those of
    stances.csv plus issues.csv, repeated on each row of an issue (``to_frame`` gives one), and
    decision rules beyond the plain forms come in ``rules`` (``to_frames()["rules"]``), or else
    from ``frame.attrs["rules"]``, where ``to_frame`` puts them. Problems name the row's index
    label and the column: ``frame 'frame', row 4 (US on sma), column 'salience': ...``."""
    if rules is None:
        rules = getattr(frame, "attrs", {}).get("rules")
    columns = [str(c) for c in frame.columns]
    header = ",".join(_csv_cell(c) for c in columns)
    if actors is None and rules is None and (
            "name" not in columns or _core.looks_like_one_table(header)):
        try:
            s = _core.parse_one_table(_csv(frame), "frame")
            if validate:
                _core.validate(s)
        except ScenarioError as e:
            raise _in_frames(e, {"frame": ("frame", frame)}) from None
        return s
    stance_cols = [c for c in frame.columns if c not in _ISSUE_COLUMNS]
    issue_cols = ["issue"] + [c for c in _ISSUE_COLUMNS if c in frame.columns]
    if "issue" not in frame.columns:
        raise _frame_error("frame", "missing column 'issue'",
                           "give each row its issue, or only the columns of a one-table sheet "
                           "(actor, capability, position, salience, ...)")
    issues = frame[issue_cols].drop_duplicates(subset="issue", keep="first")
    return _from_tables({"stances": ("frame", frame[stance_cols]), "issues": ("frame", issues),
                         "actors": ("actors", actors), "rules": ("rules", rules)}, None, validate)


def _csv_cell(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n') else text


def _frame_error(frame: str, message: str, hint: str) -> ScenarioError:
    text = f"frame '{frame}': {message}; fix: {hint}"
    return ScenarioError(text, [Problem(frame, 0, "", message, hint, text, frame=frame)])


def _row_at(frame: Any, line: int) -> Optional[int]:
    """The position of the frame's row that starts on CSV line ``line`` (the header is line 1;
    a cell with line breaks makes its row span several lines)."""
    at = 2
    for pos in range(len(frame)):
        if at == line:
            return pos
        at += 1 + sum(str(v).count("\n") for v in frame.iloc[pos].tolist())
        if at > line:
            return None
    return None


def _column_of(frame: Any, field: str) -> str:
    """The frame's own spelling of a field ("Salience" for salience in a one-table frame)."""
    names = [str(c) for c in frame.columns]
    if not field or field in names:
        return field
    for c in names:
        if _core.one_table_field(c) == field:
            return c
    return field


def _who(frame: Any, pos: int) -> str:
    """"US on sma", "US" or "" from the row's actor and issue columns."""
    row = frame.iloc[pos]
    actor = issue = ""
    for c in frame.columns:
        field = str(c) if str(c) in ("actor", "issue") else _core.one_table_field(str(c))
        value = row[c]
        text = "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)
        if field == "actor" and not actor:
            actor = text
        elif field == "issue" and not issue:
            issue = text
    return f"{actor} on {issue}" if actor and issue else actor


def _in_frames(error: ScenarioError, located: Mapping[str, Tuple[str, Any]]) -> ScenarioError:
    """The error with each problem in a frame's text located by frame, row label and column."""
    problems = []
    for p in error.errors:
        hit = located.get(p.file)
        if hit is None:
            problems.append(p)
            continue
        name, frame = hit
        pos = _row_at(frame, p.line) if p.line > 1 else None
        row = None
        names = ""
        where = f"frame '{name}'"
        if pos is not None:
            row = frame.index[pos]
            row = row.item() if hasattr(row, "item") else row
            names = _who(frame, pos)
            where += f", row {row!r}" + (f" ({names})" if names else "")
        elif p.line == 1:
            where += ", header"
        column = _column_of(frame, p.field)
        if column:
            where += f", column '{column}'"
        text = f"{where}: {p.message}" + (f"; fix: {p.hint}" if p.hint else "")
        problems.append(Problem(name, 0, p.field, p.message, p.hint, text, f"row {row!r}" if pos is not None else "",
                                names, frame=name, row=row, column=column))
    return ScenarioError("\n".join(q.text for q in problems), problems)


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


def _to_dict(self: Scenario) -> Dict[str, Any]:
    """The scenario as a dict shaped like the YAML format; ``from_dict`` reads it back."""
    return dict(json.loads(_core.scenario_to_json(self)))


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
