"""Issue 11: documents a commune signs as they come out (Decree 30 exact, right for the period,
Word and Excel as good as the PDF). One or more tests per numbered point of the issue."""

import copy
import datetime as dt
import re
import shutil
import subprocess
import zipfile

import pdfcheck
import pytest

from desktop_app.domain.model import Office

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")


def _workspace(tmp_path, package, name="ws.db"):
    from desktop_app.services import Workspace
    from desktop_app.store.exchange import import_package

    ws = Workspace(tmp_path / name)
    import_package(ws.repo, copy.deepcopy(package))
    return ws


@pytest.fixture
def make_ws(tmp_path):
    opened = []

    def make(package, name="ws.db"):
        ws = _workspace(tmp_path, package, name)
        opened.append(ws)
        return ws

    yield make
    for ws in opened:
        ws.close()


def raw(path) -> str:
    """The PDF's text row by row (table rows stay whole), white space folded."""
    out = pdfcheck.raw_text(path)
    return re.sub(r"[ \t]+", " ", out)


def pages(path) -> list[str]:
    from pypdf import PdfReader

    return [re.sub(r"\s+", " ", p.extract_text() or "") for p in PdfReader(str(path)).pages]


def section(text: str, start: str, end: str) -> str:
    i = text.index(start)
    return text[i:text.index(end, i)]


# ---- 1. Overdue judged at the period the report covers ---------------------------------------

def test_reference_date_is_earliest_of_report_date_period_end_and_today():
    from desktop_app.domain.summary import reference_date

    assert reference_date(2023, "mid_year", dt.date(2024, 3, 1)) == dt.date(2023, 6, 30)
    assert reference_date(2023, "year", dt.date(2024, 3, 1)) == dt.date(2023, 12, 31)
    assert reference_date(2023, "q1", dt.date(2024, 3, 1)) == dt.date(2023, 3, 31)
    assert reference_date(2023, "nine_month", dt.date(2024, 3, 1)) == dt.date(2023, 9, 30)
    assert reference_date(2019, "year", dt.date(2020, 1, 10), dt.date(2019, 12, 5)) == dt.date(2019, 12, 5)
    assert reference_date(2026, "year", dt.date(2026, 5, 2), dt.date(2026, 12, 20)) == dt.date(2026, 5, 2)


def test_reports_list_only_tasks_overdue_within_their_period(make_ws, example, tmp_path):
    pkg = copy.deepcopy(example)
    tasks = pkg["plans"][0]["tasks"]
    tasks[4]["due"] = "2019-05-20"  # NV5, not started: overdue by the end of June
    pkg["reports"] = []  # the year report carries no date of its own
    ws = make_ws(pkg)
    mid = tmp_path / "mid.pdf"
    ws.build_document(2019, "mid_year", mid, today=dt.date(2020, 1, 10))
    t = pdfcheck.flat(mid)
    assert "NV5:" in t and "tính đến ngày 30/06/2019" in t
    assert "NV3:" not in t  # due 31/12/2019: after the period the 6-month report covers
    year = tmp_path / "year.pdf"
    ws.build_document(2019, "year", year, today=dt.date(2020, 1, 10))
    t = pdfcheck.flat(year)
    assert "NV5:" in t and "NV3:" not in t  # NV3 due 31/12 is not overdue on 31/12


def test_dated_report_judges_overdue_at_its_own_date(loaded, tmp_path):
    # the year report of the example is dated 05/12/2019: tasks due 15/12 and 31/12 are not late
    out = tmp_path / "year.pdf"
    loaded.build_document(2019, "year", out, today=dt.date(2020, 1, 10))
    t = pdfcheck.flat(out)
    assert "quá hạn" not in t and "NV3:" not in t and "NV5:" not in t
    # on screen the same tasks are overdue today
    assert {t.code for t in loaded.figures(2019, "year", dt.date(2020, 1, 10)).overdue} == {"NV3", "NV5"}


# ---- 2. The signature block is always printed --------------------------------------------------

def _no_signer(example):
    pkg = copy.deepcopy(example)
    pkg["plans"][0]["signer"] = None
    for r in pkg["reports"]:
        r["signer"] = None
    return pkg


def _closing(text: str) -> str:
    i = text.index("Nơi nhận:")
    return text[i:text.index("PHỤ LỤC", i) if "PHỤ LỤC" in text[i:] else len(text)]


def test_signature_block_printed_without_signer(make_ws, example, tmp_path):
    ws = make_ws(_no_signer(example))
    for kind in ("plan", "year", "mid_year", "action_month"):
        out = tmp_path / f"{kind}.pdf"
        ws.build_document(2019, kind, out)
        closing = _closing(pdfcheck.flat(out))
        assert "TM. ỦY BAN NHÂN DÂN" in closing and "CHỦ TỊCH" in closing, kind
    for kind in ("plan", "year"):
        from docx import Document

        out = tmp_path / f"{kind}.docx"
        ws.build_document(2019, kind, out)
        cells = [c.text for t in Document(str(out)).tables for r in t.rows for c in r.cells]
        assert any("TM. ỦY BAN NHÂN DÂN" in c and "CHỦ TỊCH" in c for c in cells), kind


def test_signer_from_settings_when_the_plan_has_none(make_ws, example, tmp_path):
    from desktop_app.domain.model import Signer

    ws = make_ws(_no_signer(example))
    ws.save_settings(ws.repo.office(), {"default_signer": Signer(title="Phó Chủ tịch", name="Lê Văn Bình",
                                               authority="TM. Ủy ban nhân dân", on_behalf="KT. Chủ tịch")})
    out = tmp_path / "plan.pdf"
    ws.build_document(2019, "plan", out)
    closing = _closing(pdfcheck.flat(out))
    assert "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" in closing and "Lê Văn Bình" in closing


def test_standard_signature_follows_the_issuing_body():
    from desktop_app.domain.issuer import signer_or_standard

    s = signer_or_standard(Office(name="Ủy ban nhân dân phường Gò Vấp", place_name="Gò Vấp"), None, None)
    assert (s.authority, s.title, s.name) == ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "")
    s = signer_or_standard(Office(name="Sở Nội vụ tỉnh Quảng Ngãi", place_name="Quảng Ngãi"), None)
    assert (s.authority, s.title) == (None, "GIÁM ĐỐC")


def test_gaps_listed_before_printing(make_ws, example):
    pkg = _no_signer(example)
    pkg["plans"][0]["requirements"] = []
    ws = make_ws(pkg)
    gaps = ws.document_gaps(2019, "plan")
    assert any("người ký" in g for g in gaps)
    assert any("Yêu cầu" in g for g in gaps)
    assert not any("người ký" in g for g in make_ws(example, "other.db").document_gaps(2019, "plan"))


# ---- 3. Nothing the program says to the officer goes into a document --------------------------

def test_empty_parts_left_out_and_the_rest_renumbered(make_ws, example, tmp_path):
    pkg = copy.deepcopy(example)
    pkg["plans"][0]["requirements"] = []
    ws = make_ws(pkg)
    out = tmp_path / "plan.pdf"
    ws.build_document(2019, "plan", out)
    t = pdfcheck.flat(out)
    assert "Chưa nhập" not in t and "(Chưa" not in t
    assert "I. MỤC ĐÍCH II. CHỈ TIÊU" not in t and "I. MỤC ĐÍCH -" in t
    assert "Yêu cầu" not in t
    pkg["plans"][0]["purposes"] = []
    ws2 = make_ws(pkg, "second.db")
    ws2.build_document(2019, "plan", out)
    t = pdfcheck.flat(out)
    assert "MỤC ĐÍCH" not in t and "Chưa nhập" not in t
    assert "I. CHỈ TIÊU" in t and "II. NỘI DUNG HOẠT ĐỘNG" in t and "III. TỔ CHỨC THỰC HIỆN" in t


# ---- 4. Decree 30 dates -----------------------------------------------------------------------

def test_dates_pad_only_days_under_10_and_months_1_and_2():
    from desktop_app.reports.common import date_words

    assert date_words(dt.date(2024, 3, 5)) == "ngày 05 tháng 3 năm 2024"
    assert date_words(dt.date(2024, 2, 19)) == "ngày 19 tháng 02 năm 2024"
    assert date_words(dt.date(2024, 1, 1)) == "ngày 01 tháng 01 năm 2024"
    assert date_words(dt.date(2024, 12, 10)) == "ngày 10 tháng 12 năm 2024"


def test_dates_in_plan_and_report(make_ws, example, tmp_path):
    pkg = copy.deepcopy(example)
    plan = pkg["plans"][0]
    plan["issued_on"] = "2019-03-05"
    plan["number"] = "45"
    plan["deadlines"].append({"label": "Báo cáo 6 tháng", "due": "2019-06-04", "to": None})
    pkg["reports"][0]["issued_on"] = "2019-04-10"
    ws = make_ws(pkg)
    out = tmp_path / "plan.pdf"
    ws.build_document(2019, "plan", out)
    t = pdfcheck.flat(out)
    assert "Quảng Thành, ngày 05 tháng 3 năm 2019" in t  # header
    assert "trước ngày 04 tháng 6 năm 2019" in t  # section VI
    assert "Kế hoạch số 45/KH-UBND ngày 05 tháng 3 năm 2019" in t  # appendix subtitle
    assert not re.search(r"tháng 0[3-9]", t)
    out = tmp_path / "year.pdf"
    ws.build_document(2019, "year", out)
    t = pdfcheck.flat(out)
    assert "Quảng Thành, ngày 10 tháng 4 năm 2019" in t
    assert "Kế hoạch số 45/KH-UBND ngày 05 tháng 3 năm 2019" in t  # report section I
    assert not re.search(r"tháng 0[3-9]", t)


# ---- 5. The document symbol comes from the issuing body ----------------------------------------

@pytest.mark.parametrize("name,symbol", [
    ("Ủy ban nhân dân xã Quảng Thành", "UBND"),
    ("Ban Vì sự tiến bộ của phụ nữ xã Quảng Thành", "BVSTBCPN"),
    ("Sở Nội vụ tỉnh Quảng Ngãi", "SNV"),
    ("Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn", "SLĐTBXH"),
    ("Phòng Văn hóa - Xã hội xã Đông Sơn", "PVHXH"),
])
def test_symbol_from_issuing_body(name, symbol):
    from desktop_app.domain.issuer import body_symbol, document_number

    office = Office(name=name, place_name="X")
    assert body_symbol(office) == symbol
    assert document_number("12", "BC", office) == f"Số: 12/BC-{symbol}"
    assert document_number("12/BC-BVSTBPN", "BC", office) == "Số: 12/BC-BVSTBPN"  # typed: as typed
    assert document_number(None, "KH", office).endswith(f"/KH-{symbol}")


def test_symbol_printed_for_a_ban_and_year_never_alone(make_ws, example, tmp_path):
    pkg = copy.deepcopy(example)
    pkg["office"]["name"] = "Ban Vì sự tiến bộ của phụ nữ xã Quảng Thành"
    ws = make_ws(pkg)
    for kind, symbol in (("plan", "/KH-BVSTBCPN"), ("mid_year", "/BC-BVSTBCPN")):
        out = tmp_path / f"{kind}.pdf"
        ws.build_document(2019, kind, out)
        first = pages(out)[0]
        assert symbol in first and "UBND" not in first.split("CỘNG HÒA")[0], kind
        # the title's last line holds more than the year
        lines = pdfcheck.raw_text(out, "-f", "1", "-l", "1").splitlines()
        title_end = next(line for line in lines if line.strip().endswith("2019") and "ngày" not in line)
        assert len(title_end.split()) >= 3, title_end


# ---- 6. Plan section IV reads as a person wrote it --------------------------------------------

def test_plan_section_iv_by_unit_kind(loaded, tmp_path):
    out = tmp_path / "plan.pdf"
    loaded.build_document(2019, "plan", out)
    iv = section(pdfcheck.flat(out), "TỔ CHỨC THỰC HIỆN", "KINH PHÍ")
    # the desk that leads the plan first, then government units, then the mass organisations asked
    assert iv.index("1. Bộ phận Lao động - Thương binh và Xã hội") < iv.index("2. Bộ phận Văn hóa - Xã hội")
    asked = iv.index("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã và Hội Liên hiệp Phụ nữ xã")
    assert iv.index("Trường THCS Đặng Tất") < asked < iv.index("Thôn Thanh Hà")
    # no machine labels, no doubled verbs
    for bad in ("Chủ trì:", "Phối hợp:", "phối hợp, phối hợp", "Phối hợp với các ban ngành, đoàn thể, cơ quan, "
                "trường học, các thôn tuyên truyền, giáo dục về Luật Bình đẳng giới và các văn bản liên quan "
                "qua các lớp tập huấn và phương tiện thông tin đại chúng; phối hợp"):
        assert bad not in iv, bad
    # the school is never told to work with itself
    school = section(iv, "Trường THCS Đặng Tất -", "Đề nghị")
    assert "với trường THCS Đặng Tất" not in school and "Phối hợp với Bộ phận Văn hóa - Xã hội tổ chức chuyên đề" in school
    # the Mặt trận is not told to work with the Mặt trận
    front = section(iv, "Ủy ban Mặt trận Tổ quốc Việt Nam xã -", "Hội Liên hiệp Phụ nữ xã -")
    assert "với Mặt trận" not in front
    # one sentence per duty: the lead's three tasks are three items, each with its deadline
    lead = section(iv, "1. Bộ phận Lao động", "2. Bộ phận Văn hóa")
    assert lead.count("(hoàn thành trước ngày") == 3 and lead.count("). - ") == 2


def test_partner_sentences():
    from desktop_app.domain.model import Task
    from desktop_app.reports.assignments import partner_duty

    t = Task("NV1", "Chủ trì, phối hợp tham mưu tổ chức hội nghị", "LD")
    assert partner_duty(t, "Đoàn Thanh niên", "Công chức Văn hóa") == (
        "Cùng Công chức Văn hóa phối hợp tham mưu tổ chức hội nghị.")
    t = Task("NV2", "Tổ chức tập huấn cho cán bộ thôn", "LD")
    assert partner_duty(t, "Thôn 1", "Công chức LĐTBXH") == "Phối hợp với Công chức LĐTBXH tổ chức tập huấn cho cán bộ thôn."


# ---- 7. Qualitative targets: the requirement and the result -----------------------------------

def test_qualitative_target_shows_requirement_and_result(loaded, tmp_path):
    from desktop_app.reports import blocks as B
    from desktop_app.reports.build import build_blocks

    doc = build_blocks(loaded.document_data(2019, "year"))
    table = next(b for b in doc.blocks if isinstance(b, B.Table) and "chỉ tiêu" in (b.caption or ""))
    row = next(r for r in table.rows if len(r) > 1 and r[1].startswith("Duy trì hoạt động CLB"))
    plan_cell, whole, verdict = row[2], row[4], row[5]
    assert verdict == "Đạt"
    assert plan_cell != "Đạt" and plan_cell  # the requirement, not a verdict
    assert whole == "Đã hoàn thành"  # the result under the period reported
    out = tmp_path / "year.pdf"
    loaded.build_document(2019, "year", out)
    assert "Hoàn thành Đã hoàn thành Đạt" in pdfcheck.flat(out)


# ---- 8. Each kind of material its own figure ---------------------------------------------------

@needs_poppler
def test_materials_not_added_together(loaded, tmp_path):
    out = tmp_path / "year.pdf"
    loaded.build_document(2019, "year", out)
    f = loaded.figures(2019)
    t = raw(out)
    assert "Tờ rơi, pa nô" not in t and "Tin bài, phát thanh" not in t
    from desktop_app.domain.numbers import fmt_int as n

    tot = f.totals
    assert (f"Tổng cộng {n(tot.activities)} {n(tot.participants_total)} {n(tot.participants_female)} "
            f"{n(tot.participants_male)} {n(tot.leaflets)} {n(tot.posters_banners)} {n(tot.articles)} "
            f"{n(tot.broadcasts)} {n(tot.budget_vnd)}") in t


# ---- 9. Tables and charts numbered in order; tables start where the text ends ------------------

def test_tables_numbered_in_order(loaded, tmp_path):
    for kind, n_tables in (("action_month", 2), ("mid_year", 4), ("year", 5)):
        out = tmp_path / f"{kind}.pdf"
        loaded.build_document(2019, kind, out)
        t = pdfcheck.flat(out)
        numbers = [int(x) for x in re.findall(r"Bảng (\d+)\.", t)]
        assert numbers == list(range(1, n_tables + 1)), (kind, numbers)
        charts = [int(x) for x in re.findall(r"Biểu đồ (\d+)\.", t)]
        assert charts == list(range(1, len(charts) + 1)), (kind, charts)


def test_long_table_starts_where_the_text_ends(make_ws, example, tmp_path):
    pkg = copy.deepcopy(example)
    targets = pkg["plans"][0]["targets"]
    for i in range(40):
        targets.append({**targets[0], "code": f"X{i}", "text": f"Chỉ tiêu thêm số {i} của xã (minh họa)"})
    ws = make_ws(pkg)
    out = tmp_path / "mid.pdf"
    ws.build_document(2019, "mid_year", out)
    ps = pages(out)
    heading = next(i for i, p in enumerate(ps) if "Kết quả thực hiện các chỉ tiêu" in p)
    first_row = next(i for i, p in enumerate(ps) if "Mục tiêu 3: Đời sống gia đình" in p and "STT" in p)
    assert first_row == heading  # the table starts on the page of the text before it
    last_row = next(i for i, p in enumerate(ps) if "Chỉ tiêu thêm số 39" in p)
    assert last_row > heading and "STT Chỉ tiêu Kế hoạch" in ps[last_row]  # header repeated


def test_stacked_chart_labels_in_segments_light_on_dark():
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.lib import colors

    from desktop_app.reports import blocks as B
    from desktop_app.reports.charts import drawing

    long = "Mục tiêu 3: Đời sống gia đình và phòng ngừa, ứng phó với bạo lực trên cơ sở giới"
    chart = B.Chart("targets_by_objective", "x", [long, "Chỉ tiêu khác của địa phương"],
                    [("Đạt", [3, 1]), ("Không đạt", [1, 2]), ("Chưa có số liệu", [0, 1])])
    d = drawing(chart, 450)
    bc = next(x for x in d.contents if isinstance(x, HorizontalBarChart))
    assert bc.barLabels.boxTarget == "mid"
    assert bc.barLabels[0].fillColor == colors.white and bc.barLabels[1].fillColor == colors.black
    # names are whole (never cut) and long ones wrap within the room left of the bars
    from reportlab.pdfbase.pdfmetrics import stringWidth

    names = bc.categoryAxis.categoryNames
    assert sorted(n.replace("\n", " ") for n in names) == sorted(chart.categories)
    lab = bc.categoryAxis.labels
    assert all(stringWidth(line, lab.fontName, lab.fontSize) <= bc.x for n in names for line in n.split("\n"))
    assert any("\n" in n for n in names)


# ---- 10. The Word copy follows the PDF's layout rules ------------------------------------------

def test_word_rows_whole_and_no_broken_numbers(loaded, tmp_path):
    from docx import Document
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from desktop_app.reports.fonts import font_name

    out = tmp_path / "year.docx"
    loaded.build_document(2019, "year", out)
    d = Document(str(out))
    assert d.core_properties.author != "python-docx"
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    rows = xml.count("<w:tr>") + xml.count("<w:tr ")
    assert xml.count("<w:cantSplit") == rows  # every row, layout and data tables alike
    # the closing sentence is kept with the signature block
    closing = next(p for p in d.paragraphs if p.text.startswith("Trên đây là báo cáo"))
    assert closing.paragraph_format.keep_with_next
    # every number and date fits on one line of its cell
    for table in d.tables[1:-1]:
        widths = [c.width for c in table.columns]
        for row in table.rows:
            for cell, w in zip(row.cells, widths):
                text = cell.text
                if re.fullmatch(r"[\d.,/%]+", text) or text == "STT":
                    need = stringWidth(text, font_name("Bold"), 11) + 8
                    assert need <= w.pt, (text, w.pt)


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice not installed")
def test_word_copy_rendered_by_libreoffice(loaded, tmp_path):
    src = tmp_path / "plan.docx"
    loaded.build_document(2019, "plan", src)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(src)], check=True, capture_output=True, timeout=120)
    t = raw(tmp_path / "plan.pdf")
    assert "\nSTT " in t or "STT Nhiệm vụ" in t  # not "ST" / "T"
    for date in ("15/11/2019", "15/12/2019", "31/12/2019"):
        assert date in t


# ---- 11. The Excel copy -----------------------------------------------------------------------

def test_excel_sheets_print_and_hold_the_report_tables(loaded, tmp_path):
    import openpyxl

    out = tmp_path / "so-lieu.xlsx"
    loaded.export_xlsx(out, 2019)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "Hoạt động"
    tables = [n for n in wb.sheetnames if n.startswith("Bảng ")]
    assert [n.split(" - ")[0] for n in tables] == ["Bảng 1", "Bảng 2", "Bảng 3", "Bảng 4", "Bảng 5"]
    for ws in wb.worksheets:
        ps = ws.page_setup
        assert ps.orientation == "landscape" and str(ps.paperSize) == "9", ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ps.fitToWidth == 1 and ps.fitToHeight == 0
        assert ws.print_title_rows == "$1:$1", ws.title
    assert wb["Hoạt động"]["D2"].alignment.wrap_text
    f = loaded.figures(2019)
    by_type = wb[tables[0]]
    last = [c.value for c in by_type[by_type.max_row]]
    assert last[:3] == ["Tổng cộng", f.totals.activities, f.totals.participants_total]
    money = wb[tables[4]]
    assert [c.value for c in money[money.max_row]] == ["Tổng cộng", f.totals.budget_vnd]
    tasks = wb[tables[2]]
    assert [c.value for c in tasks[tasks.max_row]][:2] == ["Tổng cộng", len(f.tasks)]


def test_group_heading_row_never_ends_a_page():
    from desktop_app.reports.pdf_render import PagedTable, TableLook

    rows = [["a", "1"], ["b", "2"], ["Mục tiêu 4", ""], ["c", "3"], ["d", "4"]]
    t = PagedTable([], 10, rows, [10] * 5, [100, 50], TableLook("Helvetica", "Helvetica", 9, 11, ["L", "R"]),
                   {2: "span"})
    first, rest = t.split(150, 10 + 30)  # room for three rows: the third is a group heading
    assert first.rows == rows[:2] and rest.rows[0] == ["Mục tiêu 4", ""] and rest.row_styles == {0: "span"}


def test_word_properties_in_schema_order(loaded, tmp_path):
    """Word refuses a file whose table or paragraph properties come out of the schema's order."""
    from xml.etree import ElementTree as ET

    from desktop_app.reports.docx_render import _PPR_AFTER_PBDR, _TBLPR_ORDER

    ppr_order = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
                 "suppressLineNumbers", "pBdr"] + [t.split(":")[1] for t in _PPR_AFTER_PBDR]
    out = tmp_path / "plan.docx"
    loaded.build_document(2019, "plan", out)
    root = ET.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for tag, order in (("tblPr", _TBLPR_ORDER), ("pPr", ppr_order)):
        for el in root.iter(w + tag):
            names = [c.tag.removeprefix(w) for c in el]
            idx = [order.index(n) for n in names]
            assert idx == sorted(idx), (tag, names)


def test_a_long_issuing_body_breaks_before_its_locality():
    from desktop_app.domain.model import Office
    from desktop_app.reports.common import issuing_body_lines

    assert issuing_body_lines(Office("Sở Nội vụ tỉnh Quảng Trị", "Quảng Trị")) == ["SỞ NỘI VỤ", "TỈNH QUẢNG TRỊ"]
    assert issuing_body_lines(Office("Ủy ban nhân dân xã Quảng Thành", "Quảng Thành")) == [
        "ỦY BAN NHÂN DÂN", "XÃ QUẢNG THÀNH"]
    assert issuing_body_lines(Office("Sở Nội vụ", "Huế")) == ["SỞ NỘI VỤ"]


def test_the_issuing_body_does_not_repeat_the_place_its_parent_body_names():
    from desktop_app.domain.model import Office
    from desktop_app.reports.common import issuing_body_lines

    assert issuing_body_lines(Office("Sở Nội vụ tỉnh Thanh Hóa", "Thanh Hóa",
                                     parent_body="Ủy ban nhân dân tỉnh  Thanh Hóa")) == ["SỞ NỘI VỤ"]
    assert issuing_body_lines(Office("Ban Vì sự tiến bộ của phụ nữ xã Quảng Thành", "Quảng Thành",
                                     parent_body="UBND xã Quảng Thành")) == ["BAN VÌ SỰ TIẾN BỘ CỦA PHỤ NỮ"]
    # another place above, or none: the name stays whole
    assert issuing_body_lines(Office("Ủy ban nhân dân xã Quảng Thành", "Quảng Thành",
                                     parent_body="Ủy ban nhân dân tỉnh Thanh Hóa")) == [
        "ỦY BAN NHÂN DÂN", "XÃ QUẢNG THÀNH"]
    assert issuing_body_lines(Office("Sở Nội vụ tỉnh Quảng Trị", "Quảng Trị", parent_body="Bộ Nội vụ")) == [
        "SỞ NỘI VỤ", "TỈNH QUẢNG TRỊ"]
    # the marks placed the old way ("Hoá") name the same province
    assert issuing_body_lines(Office("Sở Nội vụ tỉnh Thanh Hóa", "Thanh Hóa",
                                     parent_body="Ủy ban nhân dân tỉnh Thanh Hoá")) == ["SỞ NỘI VỤ"]
    # "Xã hội" is no place: never a break there
    assert issuing_body_lines(Office("Phòng Văn hóa - Xã hội xã Đông Sơn", "Đông Sơn",
                                     parent_body="Ủy ban nhân dân xã Đông Sơn")) == ["PHÒNG VĂN HÓA - XÃ HỘI"]
    assert issuing_body_lines(Office("Sở Lao động - Thương binh và Xã hội tỉnh Thanh Hóa", "Thanh Hóa")) == [
        "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "TỈNH THANH HÓA"]
