"""Small inline SVG charts for Jupyter (no matplotlib needed to render a result)."""
from __future__ import annotations

from html import escape
from typing import Any, Dict, List, Optional, Sequence

_W, _PAD = 520, 150  # chart width and the left margin for labels


def _x(value: float, lo: float, hi: float) -> float:
    span = hi - lo if hi > lo else 1.0
    return _PAD + (value - lo) / span * (_W - _PAD - 12)


def forecast_chart(rows: Sequence[Dict[str, Any]]) -> str:
    """One line per issue: the scale, each actor's position (dot area ~ salience x capability),
    the status quo (grey bar) and the outcome (red diamond).

    rows: {"name", "lo", "hi", "positions": [(actor, x, weight)], "outcome", "status_quo"}."""
    h = 34
    parts: List[str] = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{_W}" height="{h * len(rows) + 8}" '
                        'font-family="sans-serif" font-size="11">']
    for k, r in enumerate(rows):
        y = 18 + k * h
        lo, hi = r["lo"], r["hi"]
        parts.append(f'<text x="4" y="{y + 4}">{escape(str(r["name"])[:24])}</text>')
        parts.append(f'<line x1="{_x(lo, lo, hi):.1f}" y1="{y}" x2="{_x(hi, lo, hi):.1f}" y2="{y}" stroke="#999"/>')
        wmax = max([w for _, _, w in r["positions"]] + [1e-12])
        for actor, x, w in r["positions"]:
            rad = 2 + 6 * (w / wmax) ** 0.5
            parts.append(f'<circle cx="{_x(x, lo, hi):.1f}" cy="{y}" r="{rad:.1f}" fill="#4a7ab5" '
                         f'fill-opacity="0.55"><title>{escape(actor)}: {x:g}</title></circle>')
        if r.get("status_quo") is not None:
            sx = _x(r["status_quo"], lo, hi)
            parts.append(f'<line x1="{sx:.1f}" y1="{y - 9}" x2="{sx:.1f}" y2="{y + 9}" stroke="#555" '
                         f'stroke-width="2"><title>status quo {r["status_quo"]:g}</title></line>')
        ox = _x(r["outcome"], lo, hi)
        parts.append(f'<path d="M{ox:.1f},{y - 7} l6,7 l-6,7 l-6,-7 z" fill="#c0392b">'
                     f'<title>outcome {r["outcome"]:g}</title></path>')
    parts.append("</svg>")
    return "".join(parts)


def histogram_chart(name: str, bins: Sequence[Dict[str, Any]], point: Optional[float] = None) -> str:
    """Bars of a simulated outcome distribution, with the point forecast as a red line."""
    w, h = 260, 90
    total = max(sum(b["count"] for b in bins), 1)
    peak = max([b["count"] for b in bins] + [1])
    lo, hi = bins[0]["lo"], bins[-1]["hi"]
    bw = (w - 10) / len(bins)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h + 16}" '
             'font-family="sans-serif" font-size="10">',
             f'<text x="4" y="10">{escape(name[:40])}</text>']
    for k, b in enumerate(bins):
        bh = (h - 20) * b["count"] / peak
        parts.append(f'<rect x="{5 + k * bw:.1f}" y="{h - bh:.1f}" width="{bw - 1:.1f}" height="{bh:.1f}" '
                     f'fill="#4a7ab5"><title>[{b["lo"]:g}, {b["hi"]:g}): {b["count"] / total:.1%}</title></rect>')
    if point is not None and hi > lo:
        px = 5 + (point - lo) / (hi - lo) * (w - 10)
        parts.append(f'<line x1="{px:.1f}" y1="14" x2="{px:.1f}" y2="{h}" stroke="#c0392b" stroke-width="1.5"/>')
    parts.append(f'<text x="4" y="{h + 12}">{lo:g}</text><text x="{w - 4}" y="{h + 12}" '
                 f'text-anchor="end">{hi:g}</text></svg>')
    return "".join(parts)
