"""Report speed: a normal year, and a year of 20,000 activities against a floor measured in the
same run: ReportLab platypus laying out the same rows as bare tables, as issue 11 defines it (the
bundled Liberation Serif 9 pt, 6 columns - STT, date, title cut to 40 characters, unit, total,
women - with a 0.25 pt grid, in 40-row tables on A4 with the Decree 30 margins)."""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from _common import best_of, workspace_with


def floor_seconds(rows: list[list[str]], out: Path) -> float:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Table

    from desktop_app.reports.fonts import font_name, register

    register()
    style = [("FONTNAME", (0, 0), (-1, -1), font_name()), ("FONTSIZE", (0, 0), (-1, -1), 9),
             ("GRID", (0, 0), (-1, -1), 0.25, colors.black)]

    def build():
        story = []
        for i in range(0, len(rows), 40):
            t = Table(rows[i:i + 40])
            t.setStyle(style)
            story.append(t)
        SimpleDocTemplate(str(out), pagesize=A4, leftMargin=30 * mm, rightMargin=15 * mm,
                          topMargin=20 * mm, bottomMargin=20 * mm).build(story)

    return best_of(build, 1)


def floor_rows(ws, year: int) -> list[list[str]]:
    from desktop_app.domain.numbers import fmt_date, fmt_int

    units = ws.repo.unit_names()
    return [[str(i), fmt_date(a.start), a.title[:40], units.get(a.organizer, a.organizer or ""),
             fmt_int(a.participants_total), fmt_int(a.participants_female or 0)]
            for i, a in enumerate(ws.figures(year).activities, 1)]


def main(runs: int = 3):
    tmp = Path(tempfile.mkdtemp())
    ws, t_import = workspace_with(300)
    t_pdf = best_of(lambda: ws.build_document(2025, "year", tmp / "year.pdf"), 3)
    t_docx = best_of(lambda: ws.build_document(2025, "year", tmp / "year.docx"), 3)
    t_plan = best_of(lambda: ws.build_document(2025, "plan", tmp / "plan.pdf"), 3)
    print(f"normal year (300 activities): year-end PDF {t_pdf * 1000:.0f} ms, DOCX {t_docx * 1000:.0f} ms, "
          f"plan PDF {t_plan * 1000:.0f} ms (import {t_import * 1000:.0f} ms)")
    ws.close()

    ws, t_import = workspace_with(20_000)
    rows = floor_rows(ws, 2025)
    ratios = []
    for run in range(1, runs + 1):  # paired runs: the machine is shared, so each pair is compared
        t_big = best_of(lambda: ws.build_document(2025, "year", tmp / "big.pdf"), 1)
        t_floor = floor_seconds(rows, tmp / "floor.pdf")
        ratios.append(t_big / t_floor)
        print(f"run {run}: 20,000 activities: year-end PDF {t_big:.2f} s; floor (platypus, Liberation Serif "
              f"9 pt, 6 columns, 0.25 pt grid, 40-row tables, Decree 30 margins) {t_floor:.2f} s; "
              f"ratio {ratios[-1]:.2f}")
    print(f"median ratio {statistics.median(ratios):.2f} (goal <= 2) (import {t_import:.1f} s)")
    ws.close()


if __name__ == "__main__":
    main()
