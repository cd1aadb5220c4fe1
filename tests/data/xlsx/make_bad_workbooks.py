"""Writes the hand-made workbooks the golden cases read (run from this folder; the .xlsx files
are committed, this script says how they were made). The XML is what a spreadsheet program
writes: shared and inline strings, numbers, a typed date (a day number); the cells are wrong on
purpose."""
import zipfile

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def cell(ref, value):
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


def sheet(rows):
    out = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(cell(f"{chr(65 + c)}{r}", v) for c, v in enumerate(row) if v is not None)
        out.append(f'<row r="{r}">{cells}</row>')
    return f'<worksheet {NS}><sheetData>{"".join(out)}</sheetData></worksheet>'


def write(path, sheets):
    names = list(sheets)
    book = "".join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
                   for i, n in enumerate(names))
    rels = "".join(f'<Relationship Id="rId{i + 1}" Target="worksheets/sheet{i + 1}.xml"/>'
                   for i in range(len(names)))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", f"<workbook {NS} {R}><sheets>{book}</sheets></workbook>")
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   f'relationships">{rels}</Relationships>')
        for i, n in enumerate(names):
            z.writestr(f"xl/worksheets/sheet{i + 1}.xml", sheet(sheets[n]))


ACTORS = [["actor", "name"], ["A", "Alpha"], ["B", "Beta"]]
ISSUES = [["issue", "name", "scale_min", "scale_max"], ["tax", "Tax rate", 0, 100]]

write("cell_errors.xlsx", {
    "actors": ACTORS,
    "issues": ISSUES,
    "Stances": [["issue", "actor", "position", "salience", "capability"],
                ["tax", "A", 20, "high", 1],
                ["tax", "B", 80, 0.5, 1, "stray"],
                ["vat", "B", 10, 0.5, 1]],
})
write("missing_sheet.xlsx", {"actors": ACTORS, "issues": ISSUES, "notes": [["anything"]]})
write("dated_outcome.xlsx", {
    "actors": ACTORS,
    "issues": ISSUES,
    "stances": [["issue", "actor", "position", "salience", "capability"],
                ["tax", "A", 20, 0.7, 1], ["tax", "B", 80, 0.5, 1]],
    "outcomes": [["issue", "value", "date"], ["tax", 45, 44252]],
})
