"""Report speed: a normal year, and a year of 20,000 activities against ReportLab's own floor
(a bare table of the same rows laid out in 40-row chunks)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from _common import best_of, workspace_with


def bare_table_seconds(n_rows: int, out: Path) -> float:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table

    from desktop_app.reports.fonts import font_name, register

    register()
    rows = [[str(i), "25/11/2025", f"Hoạt động truyền thông số {i} tại thôn Đông Hải", "Hội Liên hiệp Phụ nữ xã",
             "120", "60", "55", "500.000"] for i in range(n_rows)]

    def build():
        story = []
        for i in range(0, n_rows, 40):
            t = Table(rows[i:i + 40], repeatRows=0)
            t.setStyle([("FONTNAME", (0, 0), (-1, -1), font_name()), ("FONTSIZE", (0, 0), (-1, -1), 8)])
            story.append(t)
        SimpleDocTemplate(str(out), pagesize=A4).build(story)

    return best_of(build, 1)


def main():
    tmp = Path(tempfile.mkdtemp())
    ws, t_import = workspace_with(300)
    t_pdf = best_of(lambda: ws.build_document(2025, "year", tmp / "year.pdf"), 3)
    t_docx = best_of(lambda: ws.build_document(2025, "year", tmp / "year.docx"), 3)
    t_plan = best_of(lambda: ws.build_document(2025, "plan", tmp / "plan.pdf"), 3)
    print(f"normal year (300 activities): year-end PDF {t_pdf * 1000:.0f} ms, DOCX {t_docx * 1000:.0f} ms, "
          f"plan PDF {t_plan * 1000:.0f} ms (import {t_import * 1000:.0f} ms)")
    ws.close()

    ws, t_import = workspace_with(20_000)
    t_big = best_of(lambda: ws.build_document(2025, "year", tmp / "big.pdf"), 1)
    t_bare = bare_table_seconds(20_000, tmp / "bare.pdf")
    print(f"20,000 activities: year-end PDF {t_big:.2f} s; bare 40-row-chunk table {t_bare:.2f} s; "
          f"ratio {t_big / t_bare:.2f} (goal <= 2) (import {t_import:.1f} s)")
    ws.close()


if __name__ == "__main__":
    main()
