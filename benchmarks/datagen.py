"""Generates the bundled demo package and large synthetic years for the benchmarks.

    python benchmarks/datagen.py demo resources/demo/demo.json
    python benchmarks/datagen.py big OUT.json --activities 100000

Deterministic (fixed seed), so the committed demo file only changes when this script does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys

OFFICE = {
    "name": "Ủy ban nhân dân xã Đông Sơn",
    "parent_body": None,
    "place_name": "Đông Sơn",
    "province": "Thanh Hóa",
    "level": "commune",
}

UNITS = [
    ("VHXH", "Phòng Văn hóa - Xã hội", "government"),
    ("VP", "Văn phòng HĐND và UBND xã", "government"),
    ("CAX", "Công an xã", "government"),
    ("TYT", "Trạm Y tế xã", "government"),
    ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam xã", "mass_org"),
    ("HLHPN", "Hội Liên hiệp Phụ nữ xã", "mass_org"),
    ("DTN", "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã", "mass_org"),
    ("HND", "Hội Nông dân xã", "mass_org"),
    ("HCCB", "Hội Cựu chiến binh xã", "mass_org"),
    ("THCS", "Trường THCS Đông Sơn", "school"),
    ("TH", "Trường Tiểu học Đông Sơn", "school"),
    ("THON-DH", "Thôn Đông Hải", "village"),
    ("THON-TS", "Thôn Trung Sơn", "village"),
    ("CLB-GD", "CLB “Gia đình phát triển bền vững” thôn Đông Hải", "other"),
]
ACTIVE_UNITS = [u[0] for u in UNITS]

# (code, objective, text, kind, unit, comparison, target, baseline, mid, actual, achieved, lead)
TARGETS = [
    ("MT1.1", 1, "Tỷ lệ nữ cán bộ, công chức xã giữ chức vụ lãnh đạo, quản lý", "numeric", "%", ">=", 30, 25, 27.5, 31.25, None, "VP"),
    ("MT1.2", 1, "Tỷ lệ nữ tham gia cấp ủy Đảng xã", "numeric", "%", ">=", 25, 21.4, 21.4, 21.4, None, "VP"),
    ("MT1.3", 1, "Có cán bộ chủ chốt là nữ trong Ban Chấp hành các đoàn thể xã", "qualitative", None, None, None, None, None, None, True, "MTTQ"),
    ("MT2.1", 2, "Tỷ lệ nữ làm chủ hoặc đồng làm chủ hộ kinh doanh, trang trại", "numeric", "%", ">=", 27, 24, 25.1, 26.05, None, "HND"),
    ("MT2.2", 2, "Tỷ lệ lao động nữ được đào tạo nghề, tập huấn khuyến nông", "numeric", "%", ">=", 50, 46, 31, 52.4, None, "HLHPN"),
    ("MT2.3", 2, "Tỷ lệ phụ nữ nghèo, cận nghèo có nhu cầu được vay vốn ưu đãi", "numeric", "%", ">=", 95, 90, 70, 95, None, "HLHPN"),
    ("MT3.1", 3, "Số giờ làm công việc nội trợ của nữ so với nam giảm xuống", "numeric", "lần", "<=", 1.7, 1.9, None, 1.75, None, "VHXH"),
    ("MT3.2", 3, "Tỷ lệ nạn nhân bạo lực gia đình được phát hiện được tư vấn, hỗ trợ", "numeric", "%", ">=", 100, 100, 100, 100, None, "CAX"),
    ("MT3.3", 3, "Duy trì hoạt động mô hình “Địa chỉ tin cậy - Nhà tạm lánh” tại các thôn", "qualitative", None, None, None, None, None, None, True, "HLHPN"),
    ("MT3.4", 3, "Tỷ lệ thôn có CLB “Gia đình phát triển bền vững” hoạt động đều đặn", "numeric", "%", ">=", 60, 40, 50, 50, None, "VHXH"),
    ("MT4.1", 4, "Tỷ số giới tính khi sinh", "numeric", "trẻ trai/100 trẻ gái", "<=", 109, 112, 110.5, None, None, "TYT"),
    ("MT4.2", 4, "Tỷ lệ phụ nữ mang thai được khám thai ít nhất 4 lần", "numeric", "%", ">=", 90, 86, 88, 91.3, None, "TYT"),
    ("MT4.3", 4, "Tỷ lệ phụ nữ mang thai được sàng lọc trước sinh", "numeric", "%", ">=", 70, 62, 64, 68.5, None, "TYT"),
    ("MT5.1", 5, "Tỷ lệ trẻ em gái trong độ tuổi đi học được đến trường", "numeric", "%", ">=", 99, 98.6, 99.2, 99.4, None, "THCS"),
    ("MT5.2", 5, "Nội dung giới, bình đẳng giới được lồng ghép trong hoạt động ngoại khóa của nhà trường", "qualitative", None, None, None, None, None, None, True, "THCS"),
    ("MT5.3", 5, "Tỷ lệ giáo viên được tập huấn kiến thức về giới", "numeric", "%", ">=", 80, 60, 45, 75, None, "TH"),
    ("MT6.1", 6, "Số tin, bài về bình đẳng giới phát trên đài truyền thanh xã", "numeric", "tin, bài/quý", ">=", 3, 2, 3, 3.5, None, "VHXH"),
    ("MT6.2", 6, "Tỷ lệ cán bộ, công chức xã được truyền thông về bình đẳng giới", "numeric", "%", ">=", 70, 60, 40, 82, None, "VHXH"),
    ("MT6.3", 6, "Tỷ lệ hộ gia đình được tiếp cận thông tin về phòng, chống bạo lực trên cơ sở giới", "numeric", "%", ">=", 85, 75, 60, None, None, "VHXH"),
    ("CT-K1", None, "Tổ chức đối thoại chính sách với phụ nữ, nam giới về bình đẳng giới ít nhất 2 lần/năm", "numeric", "lần", ">=", 2, 1, 1, 2, None, "HLHPN"),
]

TASKS = [
    ("NV01", "Tham mưu UBND xã ban hành kế hoạch công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm {y}; theo dõi, tổng hợp, báo cáo kết quả", "VHXH", ["VP"], ["MT6.2"], "01-15", "03-15"),
    ("NV02", "Tổ chức truyền thông Luật Bình đẳng giới, Luật Phòng, chống bạo lực gia đình trên hệ thống loa truyền thanh và tại các buổi sinh hoạt thôn", "VHXH", ["MTTQ", "HLHPN", "THON-DH", "THON-TS"], ["MT6.1", "MT6.3"], "02-01", "12-31"),
    ("NV03", "Tập huấn kiến thức về giới, lồng ghép giới cho cán bộ, công chức và người đứng đầu các thôn", "VHXH", ["VP", "MTTQ"], ["MT6.2", "MT1.1"], "03-01", "06-30"),
    ("NV04", "Củng cố, duy trì hoạt động CLB “Gia đình phát triển bền vững” và mô hình “Địa chỉ tin cậy - Nhà tạm lánh”", "HLHPN", ["VHXH", "CLB-GD", "THON-DH"], ["MT3.3", "MT3.4"], "01-01", "12-31"),
    ("NV05", "Tư vấn, hỗ trợ nạn nhân bạo lực gia đình, bạo lực trên cơ sở giới; phối hợp xử lý các vụ việc", "CAX", ["HLHPN", "TYT"], ["MT3.2"], "01-01", "12-31"),
    ("NV06", "Hỗ trợ phụ nữ vay vốn, học nghề, phát triển kinh tế hộ gia đình", "HLHPN", ["HND", "VHXH"], ["MT2.1", "MT2.2", "MT2.3"], "02-01", "11-30"),
    ("NV07", "Truyền thông chăm sóc sức khỏe sinh sản, giảm thiểu mất cân bằng giới tính khi sinh", "TYT", ["HLHPN", "DTN"], ["MT4.1", "MT4.2", "MT4.3"], "03-01", "12-15"),
    ("NV08", "Lồng ghép giáo dục giới, phòng chống xâm hại trẻ em trong hoạt động ngoại khóa", "THCS", ["TH", "DTN"], ["MT5.1", "MT5.2", "MT5.3"], "09-05", "12-20"),
    ("NV09", "Tổ chức đối thoại chính sách về bình đẳng giới giữa lãnh đạo xã với phụ nữ và nam giới", "HLHPN", ["MTTQ", "VP"], ["CT-K1"], "04-01", "10-31"),
    ("NV10", "Tổ chức các hoạt động hưởng ứng Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới", "VHXH", ["MTTQ", "HLHPN", "DTN", "THCS", "THON-DH", "THON-TS"], [], "11-01", "12-15"),
    ("NV11", "Kiểm tra, giám sát việc thực hiện pháp luật về bình đẳng giới tại các thôn, cơ quan, trường học", "VHXH", ["MTTQ", "HCCB"], [], "05-01", "11-15"),
    ("NV12", "Vận động nam giới tham gia chia sẻ công việc gia đình; nhân rộng mô hình “Người cha tốt”", "HCCB", ["HND", "DTN", "MTTQ"], ["MT3.1"], "03-01", "12-31"),
    ("NV13", "Rà soát, cập nhật số liệu thống kê giới của xã; báo cáo định kỳ 6 tháng và năm", "VP", ["VHXH", "TYT"], [], "06-01", "12-10"),
]

ACTIVITY_TEMPLATES = {
    "communication": [
        ("Truyền thông về Luật Bình đẳng giới tại {place}", "VHXH"),
        ("Phát thanh chuyên mục “Bình đẳng giới và gia đình” trên đài truyền thanh xã", "VHXH"),
        ("Truyền thông phòng, chống bạo lực gia đình tại {place}", "HLHPN"),
        ("Truyền thông về mất cân bằng giới tính khi sinh tại {place}", "TYT"),
    ],
    "training": [
        ("Tập huấn kiến thức về giới và lồng ghép giới cho cán bộ, công chức xã", "VHXH"),
        ("Tập huấn kỹ năng sinh kế, khởi nghiệp cho phụ nữ {place}", "HLHPN"),
        ("Tập huấn kỹ năng tư vấn, hỗ trợ nạn nhân bạo lực gia đình", "CAX"),
        ("Tập huấn khuyến nông cho lao động nữ {place}", "HND"),
    ],
    "contest": [
        ("Hội thi “Tìm hiểu pháp luật về bình đẳng giới”", "DTN"),
        ("Hội thi tiểu phẩm “Gia đình hạnh phúc, không bạo lực”", "HLHPN"),
        ("Cuộc thi vẽ tranh “Em yêu bình đẳng” cho học sinh", "TH"),
    ],
    "dialogue": [
        ("Đối thoại chính sách với phụ nữ về việc làm và vay vốn", "HLHPN"),
        ("Tọa đàm “Nam giới chia sẻ việc nhà” tại {place}", "HCCB"),
        ("Diễn đàn trẻ em “Nói không với xâm hại và bạo lực”", "THCS"),
    ],
    "launch_event": [
        ("Lễ phát động Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới", "VHXH"),
    ],
    "support_visit": [
        ("Thăm hỏi, tặng quà phụ nữ, trẻ em có hoàn cảnh khó khăn tại {place}", "HLHPN"),
        ("Tư vấn, hỗ trợ tâm lý cho nạn nhân bạo lực gia đình", "CAX"),
    ],
    "inspection": [
        ("Kiểm tra việc thực hiện pháp luật về bình đẳng giới tại {place}", "VHXH"),
        ("Giám sát hoạt động mô hình “Địa chỉ tin cậy - Nhà tạm lánh” tại {place}", "MTTQ"),
    ],
    "club_meeting": [
        ("Sinh hoạt CLB “Gia đình phát triển bền vững” thôn Đông Hải", "CLB-GD"),
        ("Sinh hoạt CLB “Phụ nữ với pháp luật” tại {place}", "HLHPN"),
        ("Sinh hoạt chuyên đề “Thanh niên với bình đẳng giới”", "DTN"),
    ],
    "other": [
        ("Treo băng rôn, khẩu hiệu hưởng ứng bình đẳng giới tại trục đường chính", "VHXH"),
        ("Giao lưu văn nghệ, thể thao “Vì sự tiến bộ của phụ nữ” tại {place}", "DTN"),
    ],
}
PLACES = ["thôn Đông Hải", "thôn Trung Sơn", "thôn Tây Sơn", "thôn Nam Hà", "thôn Bắc Sơn",
          "thôn Đồng Tâm", "tổ dân phố Chợ Đông"]
VENUES = ["Hội trường UBND xã", "Nhà văn hóa thôn Đông Hải", "Nhà văn hóa thôn Trung Sơn",
          "Trường THCS Đông Sơn", "Trạm Y tế xã", "Nhà văn hóa thôn Tây Sơn"]
TASK_OF_TYPE = {"communication": "NV02", "training": "NV03", "contest": "NV10",
                "dialogue": "NV09", "launch_event": "NV10", "support_visit": "NV05",
                "inspection": "NV11", "club_meeting": "NV04", "other": "NV02"}

THEMES = {
    2025: "Bình đẳng giới và an toàn cho phụ nữ và trẻ em gái trong kỷ nguyên số",
    2026: "Chung tay xây dựng gia đình bình đẳng, không bạo lực trong kỷ nguyên số",
}


def _plan(year: int, rnd: random.Random, n_activities: int, last_day: dt.date | None,
          done_through: dt.date) -> dict:
    targets = []
    for code, obj, text, kind, unit, cmp_, target, base, mid, act, ach, lead in TARGETS:
        finished = done_through >= dt.date(year, 12, 31)
        targets.append({
            "code": code, "objective": obj, "text": text, "kind": kind, "unit": unit,
            "comparison": cmp_, "target": target, "baseline": base,
            "actual_mid_year": mid if kind == "numeric" else None,
            "actual": act if (kind == "numeric" and (finished or act is not None)) else None,
            "achieved": ach if kind == "qualitative" else None,
            "lead": lead, "note": None,
        })
    tasks = []
    for code, content, lead, partners, tcodes, start, due in TASKS:
        s = dt.date.fromisoformat(f"{year}-{start}")
        d = dt.date.fromisoformat(f"{year}-{due}")
        if d <= done_through:
            status = "done" if rnd.random() < 0.85 else "in_progress"
        elif s <= done_through:
            status = "in_progress"
        else:
            status = "not_started"
        tasks.append({
            "code": code, "content": content.format(y=year), "lead": lead, "partners": partners,
            "targets": tcodes, "start": s.isoformat(), "due": d.isoformat(), "status": status,
            "completed_on": min(d, done_through).isoformat() if status == "done" else None,
            "result": None,
        })
    activities = []
    end_of_year = last_day or dt.date(year, 12, 31)
    types = list(ACTIVITY_TEMPLATES)
    am_start = dt.date(year, 11, 15)
    am_end = min(dt.date(year, 12, 15), end_of_year)
    launch = {"type": "launch_event", "date": am_start}
    for i in range(n_activities):
        if i == 0:
            typ, start = launch["type"], launch["date"]
        elif i < n_activities * 0.3 and am_end >= am_start:
            typ = rnd.choice(["communication", "communication", "contest", "dialogue", "other",
                              "support_visit", "club_meeting"])
            start = am_start + dt.timedelta(days=rnd.randint(0, (am_end - am_start).days))
        else:
            typ = rnd.choice(types[:4] + types[5:])
            start = dt.date(year, 1, 5) + dt.timedelta(
                days=rnd.randint(0, (min(am_start, end_of_year) - dt.date(year, 1, 5)).days - 1))
        title_t, org = rnd.choice(ACTIVITY_TEMPLATES[typ])
        place = rnd.choice(PLACES)
        title = title_t.format(place=place)
        total = {"communication": rnd.randint(60, 250), "training": rnd.randint(25, 70),
                 "contest": rnd.randint(80, 300), "dialogue": rnd.randint(40, 120),
                 "launch_event": 350, "support_visit": rnd.randint(5, 30),
                 "inspection": rnd.randint(8, 25), "club_meeting": rnd.randint(20, 45),
                 "other": rnd.randint(100, 400)}[typ]
        female = int(total * rnd.uniform(0.45, 0.75))
        male = total - female - (rnd.randint(0, 5) if total > 20 else 0)
        budget = rnd.choice([0, 0, 0, 200_000, 300_000, 500_000, 1_000_000])
        if typ == "launch_event":
            budget = 5_000_000
        partners = rnd.sample([u for u in ACTIVE_UNITS if u != org], k=rnd.randint(0, 3))
        activities.append({
            "id": f"DS{year % 100:02d}-{i + 1:04d}",
            "title": title, "type": typ, "start": start.isoformat(),
            "end": start.isoformat(), "location": rnd.choice(VENUES), "organizer": org,
            "partners": sorted(partners), "task": TASK_OF_TYPE[typ],
            "participants_total": total, "participants_female": female,
            "participants_male": male,
            "participants_ethnic_minority": rnd.choice([None, 0, int(total * 0.1)]),
            "outputs": {
                "leaflets": rnd.choice([0, 0, 100, 200, 500]),
                "posters_banners": rnd.choice([0, 0, 1, 2, 5]),
                "articles": rnd.choice([0, 0, 1, 2]),
                "broadcasts": rnd.choice([0, 0, 2, 4, 8]) if typ == "communication" else 0,
                "other": None,
            },
            "budget_vnd": budget or None,
            "budget_source": (rnd.choice(["state", "state", "mobilized", "mixed"]) if budget else None),
            "notes": None,
        })
    activities.sort(key=lambda a: (a["start"], a["id"]))
    return {
        "year": year, "kind": "annual", "number": f"{rnd.randint(15, 60)}/KH-UBND",
        "issued_on": f"{year}-03-{rnd.randint(2, 20):02d}",
        "title": f"Thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ trên địa bàn xã Đông Sơn năm {year}",
        "legal_bases": [
            "Luật Bình đẳng giới ngày 29 tháng 11 năm 2006",
            "Nghị quyết số 28/NQ-CP ngày 03 tháng 3 năm 2021 của Chính phủ ban hành Chiến lược quốc gia về bình đẳng giới giai đoạn 2021 - 2030",
            f"Kế hoạch số 112/KH-UBND ngày 20 tháng 02 năm {year} của Ủy ban nhân dân tỉnh Thanh Hóa về thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm {year}",
        ],
        "purposes": [
            "Nâng cao nhận thức, trách nhiệm của cấp ủy, chính quyền, các ban, ngành, đoàn thể và người dân về bình đẳng giới; tạo chuyển biến về hành vi, góp phần giảm khoảng cách giới trên địa bàn xã.",
            f"Thực hiện có hiệu quả các mục tiêu, chỉ tiêu của Chiến lược quốc gia về bình đẳng giới giai đoạn 2021 - 2030 năm {year} tại địa phương.",
        ],
        "requirements": [
            "Các hoạt động được triển khai thiết thực, phù hợp với điều kiện thực tế của từng thôn, cơ quan, đơn vị; tránh hình thức, lãng phí.",
            "Các đơn vị được giao nhiệm vụ chủ động phối hợp, báo cáo kết quả đúng thời hạn.",
        ],
        "contents": [
            {"heading": "Công tác truyền thông nâng cao nhận thức về bình đẳng giới",
             "items": ["Đa dạng hình thức truyền thông: loa truyền thanh, pa nô, tờ rơi, mạng xã hội, sinh hoạt thôn.",
                       "Chú trọng nhóm đối tượng nam giới, người dân tộc thiểu số, thanh niên và học sinh."]},
            {"heading": "Thúc đẩy bình đẳng giới trong lĩnh vực chính trị, kinh tế, lao động",
             "items": ["Quan tâm quy hoạch, đào tạo, bồi dưỡng cán bộ nữ.",
                       "Hỗ trợ phụ nữ tiếp cận vốn vay, đào tạo nghề, phát triển kinh tế hộ."]},
            {"heading": "Phòng ngừa, ứng phó với bạo lực trên cơ sở giới",
             "items": ["Duy trì mô hình “Địa chỉ tin cậy - Nhà tạm lánh”, đường dây nóng tại các thôn.",
                       "Phát hiện sớm, can thiệp, hỗ trợ kịp thời nạn nhân bạo lực gia đình."]},
            {"heading": f"Tổ chức Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới từ ngày 15/11 đến ngày 15/12/{year}",
             "items": ["Tổ chức Lễ phát động cấp xã; treo băng rôn, khẩu hiệu tại trụ sở và các thôn.",
                       "Tổ chức hội thi, tọa đàm, thăm hỏi, tặng quà phụ nữ và trẻ em có hoàn cảnh khó khăn."]},
        ],
        "budget_text": "Kinh phí thực hiện từ ngân sách xã được giao trong dự toán năm, lồng ghép với các chương trình, đề án và nguồn vận động hợp pháp khác.",
        "budget_planned_vnd": 60_000_000,
        "action_month_start": "11-15", "action_month_end": "12-15",
        "action_month_theme": THEMES.get(year),
        "deadlines": [
            {"label": "Báo cáo kết quả 6 tháng đầu năm", "due": f"{year}-06-10", "to": "Sở Nội vụ tỉnh Thanh Hóa"},
            {"label": "Báo cáo kết quả Tháng hành động", "due": f"{year}-12-20", "to": "Sở Nội vụ tỉnh Thanh Hóa"},
            {"label": "Báo cáo kết quả năm", "due": f"{year}-12-10", "to": "Sở Nội vụ tỉnh Thanh Hóa"},
        ],
        "recipients": ["Sở Nội vụ tỉnh Thanh Hóa", "Thường trực Đảng ủy xã", "Thường trực HĐND xã",
                       "Chủ tịch, các Phó Chủ tịch UBND xã", "Các ban, ngành, đoàn thể xã",
                       "Các thôn", "Lưu: VT, VHXH"],
        "signer": {"authority": "TM. ỦY BAN NHÂN DÂN", "on_behalf": "KT. CHỦ TỊCH",
                   "title": "PHÓ CHỦ TỊCH", "name": "Lê Thị Thu Hà"},
        "targets": targets, "tasks": tasks, "activities": activities,
    }


def demo_package(current_year: int = 2026, today: dt.date = dt.date(2026, 11, 25)) -> dict:
    rnd = random.Random(20261126)
    last = _plan(current_year - 1, rnd, 140, None, dt.date(current_year - 1, 12, 31))
    cur = _plan(current_year, rnd, 150, today, today)
    return {
        "format": "bdg-exchange", "version": 1, "exported_at": "2026-11-25T08:00:00+07:00",
        "office": OFFICE,
        "units": [{"code": c, "name": n, "kind": k, "active": True} for c, n, k in sorted(UNITS)],
        "plans": [last, cur],
        "reports": [{
            "year": current_year - 1, "period": "year", "number": "215/BC-UBND",
            "issued_on": f"{current_year - 1}-12-08",
            "situation": "Xã Đông Sơn có 7 thôn, tổ dân phố với 3.412 hộ, 12.870 nhân khẩu, trong đó nữ chiếm 50,8%.",
            "strengths": "Công tác bình đẳng giới được cấp ủy, chính quyền quan tâm chỉ đạo; các hoạt động truyền thông được tổ chức đa dạng, thu hút đông đảo người dân tham gia.",
            "limitations": "Tỷ lệ nam giới tham gia các hoạt động truyền thông còn thấp; một số chỉ tiêu về y tế chưa đạt.",
            "causes": "Nhận thức của một bộ phận người dân về bình đẳng giới còn hạn chế; kinh phí bố trí cho công tác bình đẳng giới còn ít.",
            "directions": "Tiếp tục đổi mới hình thức truyền thông; nhân rộng mô hình CLB “Gia đình phát triển bền vững” ra các thôn còn lại.",
            "recommendations": "Đề nghị Sở Nội vụ tỉnh tổ chức tập huấn chuyên sâu cho công chức phụ trách công tác bình đẳng giới cấp xã.",
            "recipients": ["Sở Nội vụ tỉnh Thanh Hóa", "Thường trực Đảng ủy xã", "Lưu: VT, VHXH"],
            "signer": {"authority": "TM. ỦY BAN NHÂN DÂN", "on_behalf": "KT. CHỦ TỊCH",
                       "title": "PHÓ CHỦ TỊCH", "name": "Lê Thị Thu Hà"},
        }],
    }


def big_package(n_activities: int, year: int = 2025) -> dict:
    """One year with many activities (for speed measurements)."""
    rnd = random.Random(7)
    plan = _plan(year, rnd, n_activities, None, dt.date(year, 12, 31))
    for i, a in enumerate(plan["activities"]):
        a["id"] = f"BIG-{i:07d}"
    return {"format": "bdg-exchange", "version": 1, "office": OFFICE,
            "units": [{"code": c, "name": n, "kind": k, "active": True} for c, n, k in sorted(UNITS)],
            "plans": [plan]}


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("what", choices=["demo", "big"])
    p.add_argument("out")
    p.add_argument("--activities", type=int, default=100_000)
    args = p.parse_args(argv)
    data = demo_package() if args.what == "demo" else big_package(args.activities)
    with open(args.out, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
