#!/usr/bin/env python3
"""Writes the XLSForm corpus and its manifest. Run from this folder: python3 generate.py (needs LibreOffice's soffice).

Every form of forms.py is saved several ways:
  LibreOffice .xlsx and .xls  - written as flat ODS here, then opened and saved by LibreOffice itself (real files);
  Excel-shaped .xlsx          - written here mimicking Excel's XML (spans, shared strings with counts, formulas with
                                their saved <v>, TRUE as t="b", a styled row at 1,048,576);
  Google-Sheets-shaped .xlsx  - written here mimicking Google Sheets' export (frozen header, the 1,000-row grid of styled cells);
  KoboToolbox-style CSV       - pyxform's one-file layout, every cell quoted;
  Google-Sheets-style CSV     - the same layout as Google Sheets exports a sheet: TRUE/FALSE, CRLF, thousands of ",,,," lines.
The script-written files are "shaped like" those programs' output, not saved by them; the manifest says which is which.
"""
import csv
import glob
import os
import shutil
import subprocess
import tempfile

from forms import LOADING, REFUSED
from writers import fods, xlsx, one_file_csv

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "files")

PROGRAMS = {
    "libreoffice-xlsx": ("LibreOffice .xlsx (saved by it)", "xlsx"),
    "libreoffice-xls": ("LibreOffice .xls (saved by it)", "xls"),
    "excel": ("Excel (shaped like)", "xlsx"),
    "google": ("Google Sheets (shaped like)", "xlsx"),
    "kobo-csv": ("KoboToolbox CSV (shaped like)", "csv"),
    "google-csv": ("Google Sheets CSV (shaped like)", "csv"),
}
KOBO_CSV = ["workplace_basic", "multilingual_en_fr", "kobo_export", "legacy_aliases", "unsupported_types", "groups_and_roster", "references_in_texts"]
GOOGLE_CSV = ["booleans_everywhere", "single_colon_languages", "curly_quotes", "or_other_and_cascading", "formula_cells", "same_names_in_two_groups"]


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    plan = []  # (name, program, build, expect, habits)
    for name, (build, expect, habits) in LOADING.items():
        for program in ["libreoffice-xlsx", "libreoffice-xls", "excel", "google"]:
            plan.append((name, program, build, expect, habits))
        if name in KOBO_CSV:
            plan.append((name, "kobo-csv", build, expect, habits))
        if name in GOOGLE_CSV:
            plan.append((name, "google-csv", build, expect, habits))
    rotation = ["libreoffice-xlsx", "excel", "google", "libreoffice-xls", "kobo-csv", "google-csv"]
    for i, (name, (build, expect, habits)) in enumerate(REFUSED.items()):
        programs = [habits["only"]] if "only" in habits else [rotation[i % len(rotation)], rotation[(i + 1) % len(rotation)]]
        for program in programs:
            plan.append((name, program, build, expect, habits))

    flat = tempfile.mkdtemp()
    rows = []
    for name, program, build, expect, habits in plan:
        sheets = build()
        label, ext = PROGRAMS[program]
        file = f"{name}.{program}.{ext}"
        if program.startswith("libreoffice"):
            # One flat ODS per form; LibreOffice saves it as both formats below (.xls stops at row 65,536 by format).
            with open(os.path.join(flat, f"{name}.libreoffice-{ext}.fods"), "wb") as f:
                f.write(fods(sheets, styled_to=habits.get("styled_to", 0)))
        elif program in ("excel", "google"):
            data = xlsx(sheets, program, bottom_row=program == "excel" and name in ("styled_rows_to_the_bottom", "workplace_basic", "whitespace_cells"),
                        grid_rows=1000 if program == "google" else 0)
            with open(os.path.join(OUT, file), "wb") as f:
                f.write(data)
        else:
            data = one_file_csv(sheets, "kobo" if program == "kobo-csv" else "google", trailing=0 if program == "kobo-csv" else 4000)
            with open(os.path.join(OUT, file), "wb") as f:
                f.write(data)
        expect = habits.get("expect_" + program.replace("-", "_"), expect)
        if expect[0] == "refused" and program.endswith("csv"):
            # In the one-file CSV a problem is at its line: the sheets before it come first.
            before = sum(len(rows) for sheet, rows in sheets.items() if list(sheets).index(sheet) < list(sheets).index(expect[1]))
            expect = (expect[0], expect[1], expect[2] + before, *expect[3:])
        outcome = expect[0] if expect[0] == "refused" else f"loads with {expect[1]} adaptations"
        rows.append({"file": file, "program": label, "expected": outcome, "adaptations": expect[1] if expect[0] == "loads" else "",
                     "sheet": expect[1] if expect[0] == "refused" else "", "row": expect[2] if expect[0] == "refused" else "",
                     "column": expect[3] if expect[0] == "refused" else "", "words": expect[4] if expect[0] == "refused" else ""})

    for ext in ("xlsx", "xls"):
        sources = sorted(glob.glob(os.path.join(flat, f"*.libreoffice-{ext}.fods")))
        subprocess.run(["soffice", "--headless", "--convert-to", ext, "--outdir", OUT, *sources], check=True, stdout=subprocess.DEVNULL)
    missing = [r["file"] for r in rows if not os.path.exists(os.path.join(OUT, r["file"]))]
    if missing:
        raise SystemExit(f"not written: {missing}")

    with open(os.path.join(HERE, "manifest.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, ["file", "program", "expected", "adaptations", "sheet", "row", "column", "words"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} forms written")


if __name__ == "__main__":
    main()
