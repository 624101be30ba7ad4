"""The printed documents: figures from the data, Decree 30 page rules, fonts, Word and Excel."""

import datetime as dt
import shutil

import pdfcheck
import pytest
from pypdf import PdfReader

from desktop_app.domain.numbers import fmt_int

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")


@pytest.fixture
def year_pdf(loaded, tmp_path):
    out = tmp_path / "bao-cao-nam.pdf"
    loaded.build_document(2019, "year", out, today=dt.date(2020, 1, 10))
    return out


def test_year_report_shows_every_expected_figure(year_pdf, expected, example):
    t = pdfcheck.flat(year_pdf)
    assert f"tổ chức {expected['activities']} hoạt động với {fmt_int(expected['participants_total'])} lượt người tham gia" in t
    assert f"nữ {fmt_int(expected['participants_female'])} lượt" in t
    assert f"nam {fmt_int(expected['participants_male'])} lượt" in t
    assert f"Tổng kinh phí đã chi năm 2019: {fmt_int(expected['budget_vnd'])} đồng" in t
    am = expected["action_month"]
    assert (f"Trong Tháng hành động, các cơ quan, đơn vị đã tổ chức {am['activities']} hoạt động với "
            f"{fmt_int(am['participants_total'])} lượt người tham gia, trong đó nữ "
            f"{fmt_int(am['participants_female'])} lượt") in t
    assert "Chấm dứt bạo lực đối với phụ nữ và trẻ em" in t  # the Action Month theme
    # the table of activities by type: each type's count, then the total row
    from desktop_app.domain.model import ACTIVITY_TYPES

    for typ, n in expected["by_type"].items():
        assert f"{ACTIVITY_TYPES[typ]} {n} " in t, typ
    assert (f"Tổng cộng {expected['activities']} {fmt_int(expected['participants_total'])} "
            f"{fmt_int(expected['participants_female'])} {fmt_int(expected['participants_male'])}") in t
    # each target with its verdict, in its row
    targets = {x["code"]: x for x in example["plans"][0]["targets"]}
    for code, verdict in expected["targets"].items():
        row_start = targets[code]["text"][:25]
        i = t.index(row_start)
        assert verdict in t[i:i + 400].split("Mục tiêu")[0], code
    assert "2,5 tin, bài/quý" in t  # a decimal the Vietnamese way
    # the report is dated 05/12/2019: NV3 (due 31/12) and NV5 (due 15/12) were not yet overdue
    assert "quá hạn" not in t and "NV3:" not in t and "NV5:" not in t
    # the typed parts and the signer
    assert "Kinh phí còn hạn chế." in t
    assert "Đề nghị UBND huyện hỗ trợ tài liệu tuyên truyền." in t
    assert "Nguyễn Thị Dạ Thảo" in t and "PHÓ CHỦ TỊCH" in t


def test_year_report_header_and_page(year_pdf):
    reader = PdfReader(str(year_pdf))
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / pdfcheck.MM), round(float(box.height) / pdfcheck.MM)) == (210, 297)
    first = reader.pages[0].extract_text()
    for line in ("ỦY BAN NHÂN DÂN", "XÃ QUẢNG THÀNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "Quảng Thành, ngày 05 tháng 12 năm 2019", "BÁO CÁO",
                 "Số:"):
        assert line in first, line
    t = pdfcheck.flat(year_pdf)
    assert "Kết quả thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm 2019" in t
    assert "Nơi nhận:" in t and "- Lưu: VT." in t


@needs_poppler
def test_margins_and_page_numbers(year_pdf):
    boxes = pdfcheck.word_boxes(year_pdf)
    page_w = 595.28
    left = min(b[1] for b in boxes)
    right = page_w - max(b[3] for b in boxes)
    assert left >= 30 * pdfcheck.MM - 0.5, left / pdfcheck.MM
    assert right >= 15 * pdfcheck.MM - 0.5, right / pdfcheck.MM
    pages = max(b[0] for b in boxes)
    assert pages >= 2
    # page numbers: none on page 1; "2" alone in the top margin of page 2
    top_margin = 20 * pdfcheck.MM
    assert not [b for b in boxes if b[0] == 1 and b[5] == "1" and b[2] < top_margin]
    nums = [b for b in boxes if b[0] == 2 and b[2] < top_margin]
    assert [b[5] for b in nums] == ["2"]
    centre = (nums[0][1] + nums[0][3]) / 2
    text_centre = 30 * pdfcheck.MM + (page_w - 45 * pdfcheck.MM) / 2
    assert abs(centre - text_centre) < 3


def test_every_font_embedded_no_base14(year_pdf, loaded, tmp_path):
    plan = tmp_path / "plan.pdf"
    loaded.build_document(2019, "plan", plan)
    for pdf in (year_pdf, plan):
        fonts = pdfcheck.fonts(pdf)
        assert fonts
        for name, embedded in fonts:
            assert embedded, name
            assert not any(b in name for b in ("Helvetica", "Times-Roman", "Courier", "Symbol")), name


def test_plan_contains_every_part(loaded, example, tmp_path):
    out = tmp_path / "ke-hoach.pdf"
    loaded.build_document(2019, "plan", out)
    t = pdfcheck.flat(out)
    plan = example["plans"][0]
    units = {u["code"]: u["name"] for u in example["units"]}
    for basis in plan["legal_bases"]:
        assert basis in t
    for target in plan["targets"]:
        assert target["text"] in t
    for task in plan["tasks"]:
        assert task["content"][:60] in t
        assert units[task["lead"]] in t
    for c in plan["contents"]:
        assert c["heading"] in t
    for r in plan["recipients"]:
        assert r.rstrip(".;") in t
    for code in {task["lead"] for task in plan["tasks"]} | {p for task in plan["tasks"] for p in task["partners"]}:
        assert units[code] in t
    for part in ("KẾ HOẠCH", "I. MỤC ĐÍCH", "II. CHỈ TIÊU", "III. NỘI DUNG HOẠT ĐỘNG",
                 "IV. TỔ CHỨC THỰC HIỆN", "V. KINH PHÍ", "VI. CHẾ ĐỘ BÁO CÁO", "PHỤ LỤC",
                 "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành", "trước ngày 10 tháng 12 năm 2019", "15/11/2019"):
        assert part in t, part


def test_mid_year_and_action_month_reports(loaded, tmp_path):
    mid = tmp_path / "mid.pdf"
    loaded.build_document(2019, "mid_year", mid)
    t = pdfcheck.flat(mid)
    f = loaded.figures(2019, "mid_year")
    assert "6 tháng đầu năm 2019" in t
    assert f"tổ chức {f.totals.activities} hoạt động với {fmt_int(f.totals.participants_total)} lượt" in t
    assert "(đánh giá theo số liệu 6 tháng)" in t
    am = tmp_path / "am.pdf"
    loaded.build_document(2019, "action_month", am)
    t = pdfcheck.flat(am)
    assert "Kết quả tổ chức Tháng hành động" in t
    assert "tổ chức 5 hoạt động với 1.113 lượt người tham gia" in t


def test_docx_copy(loaded, tmp_path, expected):
    from docx import Document
    from docx.shared import Mm

    out = tmp_path / "bao-cao.docx"
    loaded.build_document(2019, "year", out)
    d = Document(str(out))
    sec = d.sections[0]
    assert round(sec.page_width.mm) == 210 and round(sec.page_height.mm) == 297
    assert round(sec.left_margin.mm) == 30 and round(sec.right_margin.mm) == 15
    assert round(sec.top_margin.mm) == 20 and round(sec.bottom_margin.mm) == 20
    body = "\n".join(p.text for p in d.paragraphs)
    cells = "\n".join(c.text for t in d.tables for r in t.rows for c in r.cells)
    allt = body + "\n" + cells
    assert f"{expected['activities']} hoạt động với {fmt_int(expected['participants_total'])} lượt" in allt
    assert fmt_int(expected["participants_female"]) in allt
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in allt and "Nơi nhận:" in allt
    assert "Không đạt" in cells
    assert sec.different_first_page_header_footer
    # the two charts of the PDF, as pictures as wide as the text
    assert len(d.inline_shapes) == 2
    text_width = sec.page_width - sec.left_margin - sec.right_margin
    assert all(abs(s.width - text_width) < Mm(1) for s in d.inline_shapes)


def test_docx_chart_picture_shows_the_bars(loaded, tmp_path):
    import io

    from docx import Document
    from PIL import Image

    out = tmp_path / "bao-cao.docx"
    loaded.build_document(2019, "year", out)
    d = Document(str(out))
    blobs = [r.target_part.blob for r in d.part.rels.values() if "image" in r.reltype]
    assert len(blobs) == 2
    for blob in blobs:
        img = Image.open(io.BytesIO(blob)).convert("L")
        assert img.width > 1200  # sharp enough to print
        hist = img.histogram()
        dark = sum(hist[:80]) / (img.width * img.height)
        grey = sum(hist[120:200]) / (img.width * img.height)
        assert 0.01 < dark < 0.5 and grey > 0.002  # black bars, grey bars, mostly white paper


def test_xlsx_export(loaded, tmp_path, expected):
    import openpyxl

    out = tmp_path / "so-lieu.xlsx"
    loaded.export_xlsx(out, 2019)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:3] == ["Hoạt động", "Chỉ tiêu", "Nhiệm vụ"]
    ws = wb["Hoạt động"]
    assert ws.freeze_panes == "A2"
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == expected["activities"]
    assert sum(r[9] for r in rows) == expected["participants_total"]
    assert sum(r[10] or 0 for r in rows) == expected["participants_female"]
    assert isinstance(rows[0][1], dt.datetime)
    assert ws.column_dimensions["D"].width >= 40
    assert wb["Chỉ tiêu"].max_row == 4 and wb["Nhiệm vụ"].max_row == 8


def test_no_half_written_file_on_failure(loaded, tmp_path, monkeypatch):
    from desktop_app.reports import pdf_render

    def boom(doc, path):
        path.write_bytes(b"%PDF-1.4 half")
        raise RuntimeError("mất điện")

    monkeypatch.setattr(pdf_render, "render_pdf", boom)
    out = tmp_path / "r.pdf"
    with pytest.raises(RuntimeError):
        loaded.build_document(2019, "year", out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["test.db", "test.db-shm", "test.db-wal"]
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def test_demo_documents_build(tmp_path):
    from desktop_app.services import Workspace, create_demo_database

    ws = Workspace(create_demo_database(tmp_path))
    try:
        year = ws.years()[-1]
        for kind in ("plan", "year", "mid_year", "action_month"):
            out = ws.build_document(year, kind, tmp_path / f"{kind}.pdf")
            assert out.stat().st_size > 10_000
    finally:
        ws.close()
