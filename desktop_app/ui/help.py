"""Trợ giúp → Hướng dẫn sử dụng (F1): the year's work in order, each step a link to its page."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

# (page, title, what to do): the order in which a commune office works through its year.
STEPS = [
    ("settings", "Cài đặt", "Ghi tên cơ quan, địa danh, người ký và lề trang in. Những dòng này được in ở "
     "đầu và cuối mọi văn bản, nên chỉ cần nhập một lần."),
    ("plan", "Kế hoạch", "Đầu năm: chọn năm làm việc ở thanh trên cùng, bấm “Tạo kế hoạch năm này” (hoặc "
     "“Sao chép sang năm sau” từ kế hoạch năm trước), rồi điền căn cứ, mục đích, nội dung, kinh phí, "
     "ngày của Tháng hành động và hạn báo cáo. Bấm “Lưu kế hoạch”."),
    ("targets", "Chỉ tiêu", "Thêm các chỉ tiêu của năm; chỉ tiêu của Chiến lược quốc gia thì bấm “Chọn từ "
     "Chiến lược quốc gia...” trong hộp thêm chỉ tiêu để lấy nguyên văn. Cuối kỳ gõ số đạt được ngay vào bảng "
     "(ví dụ 26,05 hoặc 50%): chương trình tự đánh giá Đạt / Không đạt."),
    ("tasks", "Nhiệm vụ", "Giao từng nhiệm vụ cho đơn vị chủ trì, ghi hạn hoàn thành và cập nhật trạng thái. "
     "Nhiệm vụ quá hạn hiện màu đỏ."),
    ("activities", "Hoạt động", "Mỗi hoạt động đã tổ chức nhập một phiếu (Ctrl+N): tên, ngày, số người tham gia, "
     "kinh phí. Ngày gõ như trong Excel: 15/3/2025, 15-3-2025 hoặc 15032025; bấm biểu tượng lịch (F4) để "
     "chọn ngày. Tìm kiếm (Ctrl+F) không cần gõ dấu."),
    ("action_month", "Tháng hành động", "Từ 15/11 đến 15/12: theo dõi các hoạt động của Tháng hành động vì bình "
     "đẳng giới và phòng, chống bạo lực trên cơ sở giới."),
    ("reports", "Báo cáo", "Chọn văn bản (kế hoạch, báo cáo 6 tháng, báo cáo năm, Tháng hành động); số liệu "
     "được tính sẵn từ hoạt động và chỉ tiêu, cán bộ chỉ viết phần nhận xét. Xem trước, rồi In (Ctrl+P), "
     "Lưu PDF, Word hoặc Excel."),
    ("settings", "Sao lưu", "Chương trình tự sao lưu khi mở, mỗi 30 phút và khi đóng. Tệp → Sao lưu ngay trước "
     "khi sửa nhiều; Tệp → Khôi phục từ bản sao lưu nếu lỡ tay hoặc sau khi mất điện. Tệp → Xuất gói dữ liệu "
     "để gửi số liệu lên cấp trên."),
]

KEYS = [("Ctrl+N", "thêm hoạt động"), ("Ctrl+F", "tìm hoạt động"), ("Ctrl+P", "in văn bản"),
        ("Ctrl+Z", "lấy lại thứ vừa xóa"), ("Ctrl+1 … Ctrl+9", "chuyển trang"), ("F4", "mở lịch ở ô ngày"),
        ("Enter", "mở dòng đang chọn"), ("Delete", "xóa dòng đang chọn (có hỏi lại)"), ("F1", "hướng dẫn này")]


def guide_html() -> str:
    steps = "".join(f'<li><p><a href="trang:{key}"><b>{title}</b></a>: {text}</p></li>'
                    for key, title, text in STEPS)
    keys = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in KEYS)
    return (
        "<h2>Hướng dẫn sử dụng</h2>"
        "<p>Công việc một năm đi theo thứ tự dưới đây. Bấm vào tên bước để mở trang đó.</p>"
        f"<ol>{steps}</ol>"
        "<h3>Phím tắt</h3>"
        f"<table cellpadding='3'>{keys}</table>"
        "<h3>Khi gặp lỗi</h3>"
        "<p>Ô nhập sai hiện chữ đỏ ngay dưới ô, nói rõ cần sửa gì; chưa sửa thì chưa lưu. Dữ liệu được lưu "
        "ngay sau mỗi lần bấm Lưu, nên mất điện không làm mất những gì đã lưu.</p>"
        "<p><i>Không ghi họ tên, địa chỉ của nạn nhân hoặc người gây bạo lực trong bất kỳ phiếu nào.</i></p>"
    )


class GuideDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle("Hướng dẫn sử dụng")
        self.resize(720, 600)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setHtml(guide_html())
        self.browser.anchorClicked.connect(self._open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser, 1)
        lay.addWidget(buttons)

    def _open(self, url: QUrl) -> None:
        if url.scheme() == "trang" and getattr(self.window_, "ctx", None) is not None:
            self.window_.go_to(url.path())
            self.accept()


def show_guide(window) -> None:
    GuideDialog(window).exec()
