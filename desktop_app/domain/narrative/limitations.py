"""Tồn tại, hạn chế: each target not met with its figure against the plan, targets without a
figure, tasks overdue by unit, what fell, units with no activity recorded, money over plan."""

from .render import Each, Line

ENTRIES = (
    Line("Chưa ghi nhận hoạt động nào trong {period}.", when=("no_activities",), topic="activities"),
    Each("not_met", ("- {text}: thực hiện {value}, kế hoạch {plan}.", "- {text}: chưa đạt."),
         head="Còn {targets_not_met} chỉ tiêu chưa đạt kế hoạch:", topic="targets"),
    Each("no_data", "{text_lower}", head="Còn {targets_no_data} chỉ tiêu chưa có số liệu để đánh giá: ", sep="; ",
         tail=".", topic="targets"),
    Line("Còn {tasks_not_started} trong số {tasks_total} nhiệm vụ chưa thực hiện.", topic="tasks"),
    Each("overdue_by_unit", "- {unit}: {tasks}.", head="Các nhiệm vụ quá hạn chưa hoàn thành:", topic="tasks",
         nested={"tasks": ("nhiệm vụ {code} - {content} (hạn {due}, {status})", "; ")}),
    Each("decreases", "{what} giảm từ {before} xuống {after}", head="So với {previous_period}, ", sep=", ",
         tail=".", topic="comparison"),
    Each("units_without_activity", "{unit}", head="Đơn vị chủ trì nhiệm vụ chưa có hoạt động được ghi nhận trong {period}: ",
         sep=", ", tail=".", topic="units"),
    Line("Kinh phí đã chi ({spent} đồng) vượt kinh phí dự kiến ({planned} đồng).", when=("over_budget",),
         topic="money_plan"),
)
