"""Workbooks against another spreadsheet library: what Entente writes, openpyxl (and pandas)
reads cell for cell; what openpyxl writes, Entente reads. Entente's own reader and writer
agreeing with each other proves little on its own."""
import pytest

import entente

openpyxl = pytest.importorskip("openpyxl", reason="python3-openpyxl is not installed (scripts/install-deps)")


def _rows(sheet):
    rows = list(sheet.iter_rows(values_only=True))
    header = [str(h) for h in rows[0]]
    return [dict(zip(header, r)) for r in rows[1:] if any(v is not None for v in r)]


def test_openpyxl_reads_the_flagship_workbook_cell_for_cell(flagship, tmp_path):
    path = tmp_path / "flagship.xlsx"
    flagship.save(path)
    book = openpyxl.load_workbook(path, read_only=True)
    names = [n.lower() for n in book.sheetnames]
    assert {"actors", "issues", "stances"} <= set(names)
    sheet = book[book.sheetnames[names.index("stances")]]
    stances = _rows(sheet)
    assert len(stances) == sum(len(i.stances) for i in flagship.issues)
    by_key = {(r["issue"], r["actor"]): r for r in stances}
    for issue in flagship.issues:
        for st in issue.stances:
            row = by_key[(issue.id, st.actor)]
            # Numbers are number cells, not text that a spreadsheet would sum as zero.
            assert isinstance(row["position"], (int, float)), row
            assert row["position"] == pytest.approx(st.position)
            assert row["salience"] == pytest.approx(st.salience)
            assert row["capability"] == pytest.approx(st.capability)


def test_pandas_reads_the_stances_sheet(flagship, tmp_path):
    pd = pytest.importorskip("pandas")
    path = tmp_path / "flagship.xlsx"
    flagship.save(path)
    frames = pd.read_excel(path, sheet_name=None, engine="openpyxl")
    stances = frames[next(k for k in frames if k.lower() == "stances")]
    assert len(stances) == sum(len(i.stances) for i in flagship.issues)
    assert stances["position"].dtype.kind in "if"


def test_a_workbook_written_by_openpyxl_forecasts_like_its_yaml(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "actors"
    book["actors"].append(["actor", "name"])
    for a in ("A", "B", "C"):
        book["actors"].append([a, f"Actor {a}"])
    issues = book.create_sheet("issues")
    issues.append(["issue", "name", "unit", "scale_min", "scale_max", "status_quo"])
    issues.append(["tax", "Tax rate", "percent", 0, 100, 20])
    stances = book.create_sheet("stances")
    stances.append(["issue", "actor", "position", "salience", "capability"])
    rows = [("A", 10, 0.9, 50), ("B", 60, 0.5, 30), ("C", 80, 0.7, 20)]
    for actor, x, s, c in rows:
        stances.append(["tax", actor, x, s, c])
    path = tmp_path / "made-by-openpyxl.xlsx"
    book.save(path)

    s = entente.load(path)
    assert [a.id for a in s.actors] == ["A", "B", "C"]
    assert s.issues[0].status_quo == 20
    got = entente.forecast(s, "compromise").outcomes["tax"]
    weights = [x_s_c[2] * x_s_c[3] for x_s_c in rows]
    expected = sum(w * r[1] for w, r in zip(weights, rows)) / sum(weights)
    assert got == pytest.approx(expected)


def test_a_bad_cell_from_openpyxl_is_located_by_sheet_row_and_column(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "actors"
    book["actors"].append(["actor", "name"])
    book["actors"].append(["A", "Actor A"])
    issues = book.create_sheet("issues")
    issues.append(["issue", "name", "scale_min", "scale_max"])
    issues.append(["tax", "Tax rate", 0, 100])
    stances = book.create_sheet("stances")
    stances.append(["issue", "actor", "position", "salience", "capability"])
    stances.append(["tax", "A", 10, "high", 50])
    path = tmp_path / "bad.xlsx"
    book.save(path)
    with pytest.raises(entente.ScenarioError) as e:
        entente.load(path)
    text = str(e.value)
    assert "stances" in text.lower() and "row 2" in text and "salience" in text, text
