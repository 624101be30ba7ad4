"""Phương hướng, nhiệm vụ: starts from what was not met ("Tiếp tục…"): targets not met, tasks
overdue, targets without a figure, units without activity; when all was met, keep it up."""

from .render import Each, Line

ENTRIES = (
    Each("not_met", ("- Tiếp tục thực hiện các giải pháp để đạt chỉ tiêu về {text_lower} (kế hoạch {plan}; "
                     "{period} thực hiện {value}).",
                     "- Tiếp tục thực hiện các giải pháp để đạt chỉ tiêu về {text_lower}."), topic="targets"),
    Each("overdue", "- Tiếp tục đôn đốc {unit} hoàn thành nhiệm vụ {code} - {content} (hạn {due}).", topic="tasks"),
    Each("no_data", "{text_lower}", head="- Tiếp tục theo dõi, thu thập số liệu để đánh giá {targets_no_data} chỉ tiêu "
         "chưa có số liệu: ", sep="; ", tail=".", topic="targets"),
    Each("units_without_activity", "{unit}", head="- Tiếp tục đôn đốc các đơn vị chưa có hoạt động được ghi nhận "
         "tổ chức thực hiện nhiệm vụ được giao: ", sep=", ", tail=".", topic="units"),
    Line("- Tiếp tục duy trì, nhân rộng các hoạt động đã tổ chức trong {period} ({activities} hoạt động, "
         "{participants} lượt người tham gia).", when=("all_met",), topic="activities"),
)
