"""Jupyter output draws the HTML report's own charts; entente.report() is `entente report`."""
import re

import pytest

import entente

SVG = re.compile(r"<svg\b.*?</svg>", re.S)
SCALE = "Positions, status quo and forecasts on "
TRAJECTORY = "Positions by round on "
HISTOGRAM = "Monte Carlo distribution of "


def _svgs(html, marker):
    return [s for s in SVG.findall(html) if marker in s]


def test_forecast_html_shows_the_reports_scale_and_trajectory_charts(flagship):
    html = entente.forecast(flagship, "eu")._repr_html_()
    assert "<table" in html
    scale = _svgs(html, SCALE)
    traj = _svgs(html, TRAJECTORY)
    assert len(scale) == len(flagship.issues) and len(traj) == len(flagship.issues)
    for svg in scale:
        assert 'class="sq"' in svg and 'class="model-out"' in svg and 'class="actor"' in svg
    assert all('class="median-line"' in svg for svg in traj)
    # Byte for byte the charts of the report made with the same model alone.
    page = entente.report(flagship, model="eu", models=["eu"], draws=0)
    for svg in scale + traj:
        assert svg in page


def test_static_models_get_no_trajectory_chart(flagship):
    html = entente.forecast(flagship, "median")._repr_html_()
    assert len(_svgs(html, SCALE)) == len(flagship.issues)
    assert not _svgs(html, TRAJECTORY)


def test_simulation_html_shows_the_reports_histograms(flagship):
    html = entente.simulate(flagship, draws=500, noise=10, seed=3)._repr_html_()
    hist = _svgs(html, HISTOGRAM)
    assert len(hist) == len(SVG.findall(html)) == len(flagship.issues)
    assert all('class="band"' in s and 'class="bar"' in s and 'class="median"' in s for s in hist)
    page = entente.report(flagship, models=["median"], draws=500, noise=10, seed=3)
    for svg in hist:
        assert svg in page


def test_chart_css_is_the_reports_scoped_to_the_output(flagship):
    html = entente.forecast(flagship)._repr_html_()
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    assert html.startswith('<div class="entente-report">')
    assert ".entente-report svg .model-out { fill: #000; }" in style
    assert "body" not in style and "\nh2" not in style  # the notebook's page is left alone
    rules = [r for r in style.splitlines() if r.strip()]
    assert rules and all(r.startswith(".entente-report svg") for r in rules)


def test_report_matches_the_cli(flagship_path, cli):
    for fmt in ("html", "md"):
        code, out, err = cli("report", flagship_path, "--format", fmt, "--draws", "300", "--models",
                             "median,eu")
        assert code == 0, err
        text = entente.report(flagship_path, format=fmt, draws=300, models=["median", "eu"])
        assert text == out


def test_report_formats_and_files(flagship, tmp_path):
    html = entente.report(flagship, draws=0, models=["median"])
    assert html.startswith("<!DOCTYPE html>") and SCALE in html
    md = entente.report(flagship, format="md", draws=0, models=["median"])
    assert not md.startswith("<") and "|" in md
    out = tmp_path / "memo.md"  # format follows the suffix
    assert entente.report(flagship, out, draws=0, models=["median"]) == md
    assert out.read_text() == md
    page = tmp_path / "r.html"
    assert entente.report(flagship, str(page), draws=0, models=["median"]) == html
    assert page.read_text() == html


def test_report_bad_input(flagship, tmp_path):
    with pytest.raises(entente.InputError, match="unknown report format 'pdf'"):
        entente.report(flagship, format="pdf")
    with pytest.raises(entente.InputError, match="nosuch"):
        entente.report(flagship, model="nosuch", draws=0)
    with pytest.raises(entente.InputError, match="nosuch"):
        entente.report(flagship, models=["median", "nosuch"], draws=0)
    kept = tmp_path / "kept.html"
    kept.write_text("old")
    with pytest.raises(entente.InputError):
        entente.report(flagship, kept, model="nosuch")
    assert kept.read_text() == "old"  # nothing written on error
    with pytest.raises(OSError):
        entente.report(flagship, tmp_path / "missing" / "r.html", draws=0, models=["median"])
    assert not (tmp_path / "missing").exists()
