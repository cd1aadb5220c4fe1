"""Jupyter HTML for results: the HTML report's own SVG charts (built by the library's report
module, so a notebook shows exactly what `entente report` shows), styled by the report's
stylesheet scoped to the output so the notebook's own look is untouched."""
from __future__ import annotations

from html import escape
from typing import Iterable, Optional

from . import _core

#: the class of the element every result's HTML sits in; the report's chart rules apply inside it
SCOPE = "entente-report"

_css: Optional[str] = None


def _scoped_css() -> str:
    """The report's ``svg ...`` rules, each prefixed with ``.entente-report`` (the page rules for
    body, headings and tables are left out: they would restyle the whole notebook)."""
    global _css
    if _css is None:
        rules = [line for line in _core.report_css().splitlines() if line.startswith("svg")]
        _css = "\n".join(f".{SCOPE} {rule}" for rule in rules)
    return _css


def figure(svg: str, caption: str) -> str:
    """One chart with its caption, as the report lays it out."""
    return f"<figure>{svg}<figcaption>{escape(caption)}</figcaption></figure>"


def wrap(title: str, table_html: str, figures: Iterable[str], notes: str = "") -> str:
    """A heading, the table, notes, then the figures, in a div scoped by the report's chart CSS."""
    return (f'<div class="{SCOPE}"><style>{_scoped_css()}</style><h4>{escape(title)}</h4>'
            f"{table_html}{notes}{''.join(figures)}</div>")
