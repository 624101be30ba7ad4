"""Ưu điểm: what was done and how many took part, what rose, tasks done, targets met, money."""

from .render import Each, Line

ENTRIES = (
    Line("Trong {period}, các cơ quan, đơn vị, đoàn thể trên địa bàn đã tổ chức {activities} hoạt động với "
         "{participants} lượt người tham gia, trong đó nữ {female} lượt ({female_share}).", topic="activities"),
    Each("top_types", "{label} ({count} hoạt động)", head="Các hình thức được tổ chức nhiều nhất là ", sep="; ",
         tail=".", topic="activities"),
    Line("Có {ethnic} lượt người dân tộc thiểu số tham gia các hoạt động.", topic="activities"),
    Each("increases", "{what} tăng từ {before} lên {after}", head="So với {previous_period}, ", sep=", ",
         tail=".", topic="comparison"),
    Line(("Tháng hành động năm {year} (từ {am_start} đến {am_end}) với chủ đề “{theme}” đã tổ chức "
          "{am_activities} hoạt động, thu hút {am_participants} lượt người tham gia, trong đó nữ {am_female} "
          "lượt ({am_female_share}).",
          "Tháng hành động năm {year} (từ {am_start} đến {am_end}) đã tổ chức {am_activities} hoạt động, "
          "thu hút {am_participants} lượt người tham gia."), topic="action_month"),
    Line("Đã hoàn thành {tasks_done} trong số {tasks_total} nhiệm vụ của kế hoạch.", topic="tasks"),
    Line("Có {targets_met} trong số {targets_total} chỉ tiêu đạt kế hoạch:", topic="targets"),
    Each("met_by_objective", "- {objective}: {targets}.", topic="targets",
         nested={"targets": (("{text_lower} (thực hiện {value})", "{text_lower}"), "; ")}),
    Line(("Tổng kinh phí đã chi trong {period} là {spent} đồng, bằng {spent_share} kinh phí dự kiến ({planned} đồng).",
          "Tổng kinh phí đã chi trong {period} là {spent} đồng."), topic="money"),
)
