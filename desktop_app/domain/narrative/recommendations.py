"""Kiến nghị, đề xuất: "Đề nghị…" to those who can act on what was not met."""

from .render import Each, Line

ENTRIES = (
    Line("- Đề nghị cơ quan cấp trên quan tâm hướng dẫn, hỗ trợ nguồn lực để thực hiện {targets_not_met} "
         "chỉ tiêu chưa đạt trong {period}.", topic="targets"),
    Each("overdue_units", "{unit}", head="- Đề nghị ", sep=", ",
         tail=" khẩn trương hoàn thành các nhiệm vụ quá hạn được giao.", topic="tasks"),
    Each("no_data_units", "{unit}", head="- Đề nghị ", sep=", ",
         tail=" cung cấp số liệu của các chỉ tiêu được giao theo dõi còn chưa có số liệu.", topic="targets"),
    Each("units_without_activity", "{unit}", head="- Đề nghị ", sep=", ",
         tail=" báo cáo kết quả hoạt động về {office} theo đúng thời hạn của kế hoạch.", topic="units"),
)
