"""Cài đặt: the office, the default signer, the page margins, where backups go."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
)

from ...domain.decree30 import MARGIN_LIMITS
from ...domain.model import OFFICE_LEVELS, Office
from ...domain.rules import office_errors
from ...domain.text import clean
from ..operations import changes
from ..widgets import ErrorLabel, SignerFields
from .base import Page

MARGINS = MARGIN_LIMITS  # Decree 30 ranges, in mm


class SettingsPage(Page):
    title = "Cài đặt"

    def __init__(self, ctx):
        super().__init__(ctx)
        self.loaded = None
        self.name, self.parent_body, self.place, self.province, self.code = (QLineEdit() for _ in range(5))
        self.code.setPlaceholderText("mã đơn vị hành chính, ví dụ 23015 (để cấp trên nhận biết)")
        self.name.setPlaceholderText("Ủy ban nhân dân xã ...")
        self.parent_body.setPlaceholderText("để trống nếu không có cơ quan chủ quản")
        self.level = QComboBox()
        for k, v in OFFICE_LEVELS.items():
            self.level.addItem(v, k)
        g1 = QGroupBox("Cơ quan ban hành")
        f1 = QFormLayout(g1)
        f1.addRow("Tên cơ quan *", self.name)
        f1.addRow("Cơ quan chủ quản", self.parent_body)
        f1.addRow("Địa danh (ghi trước ngày tháng) *", self.place)
        f1.addRow("Tỉnh, thành phố", self.province)
        f1.addRow("Cấp", self.level)
        f1.addRow("Mã đơn vị hành chính", self.code)
        self.outer.addWidget(g1)

        g_user = QGroupBox("Người dùng máy")
        f_user = QFormLayout(g_user)
        self.user_name = QLineEdit()
        self.user_name.setPlaceholderText("họ tên người đang nhập liệu: ghi vào Lịch sử thay đổi cạnh tên đăng nhập Windows")
        f_user.addRow("Tên người nhập liệu", self.user_name)
        self.outer.addWidget(g_user)

        g2 = QGroupBox("Người ký mặc định (cho kế hoạch, báo cáo mới)")
        f2 = QFormLayout(g2)
        self.signer = SignerFields(f2)
        self.outer.addWidget(g2)

        g3 = QGroupBox("Lề trang in (mm, theo Nghị định 30/2020/NĐ-CP)")
        f3 = QHBoxLayout(g3)
        self.margins = {}
        for key, (label, lo, hi) in MARGINS.items():
            spin = QDoubleSpinBox()
            spin.setRange(lo, hi)
            spin.setDecimals(0)
            spin.setSuffix(" mm")
            self.margins[key] = spin
            f3.addWidget(QLabel(f"{label} ({lo}-{hi})"))
            f3.addWidget(spin)
        f3.addStretch(1)
        self.outer.addWidget(g3)

        g4 = QGroupBox("Sao lưu")
        f4 = QFormLayout(g4)
        self.backup_dir = QLabel()
        self.backup_dir.setWordWrap(True)
        self.extra_dir = QLineEdit()
        self.extra_dir.setPlaceholderText("ví dụ ổ USB: E:\\SaoLuu (không bắt buộc)")
        browse = QPushButton("Chọn thư mục...")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.extra_dir, 1)
        row.addWidget(browse)
        f4.addRow("Thư mục sao lưu tự động", self._with_open_button(self.backup_dir, "backup"))
        f4.addRow("Sao lưu thêm vào", row)
        data_file = QLabel(str(ctx.ws.path))
        data_file.setWordWrap(True)
        # moving to a new PC: copy this folder (README); the user should not have to hunt for it
        f4.addRow("Tệp dữ liệu", self._with_open_button(data_file, "data"))
        self.outer.addWidget(g4)
        self.err = ErrorLabel()
        self.outer.addWidget(self.err)
        self.saved = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.saved, 1)
        self.save_btn = QPushButton("Lưu cài đặt")
        bar.addWidget(self.save_btn)
        self.outer.addLayout(bar)
        self.outer.addStretch(1)
        self.save_btn.clicked.connect(self.save)

    def _with_open_button(self, label: QLabel, which: str) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(label, 1)
        button = QPushButton("Mở thư mục")
        button.clicked.connect(lambda: self.open_folder(which))
        row.addWidget(button)
        return row

    def folder(self, which: str) -> Path:
        from ...paths import backup_dir

        return backup_dir(self.ctx.ws.path) if which == "backup" else self.ctx.ws.path.parent

    def open_folder(self, which: str) -> None:
        path = self.folder(which)
        path.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _browse(self):
        path = QFileDialog.getExistingDirectory(self, "Chọn thư mục sao lưu thêm", self.extra_dir.text())
        if path:
            self.extra_dir.setText(path)

    def refresh(self):
        ws = self.ctx.ws
        o = ws.office() or Office("", "")
        self.name.setText(o.name)
        self.parent_body.setText(o.parent_body or "")
        self.place.setText(o.place_name)
        self.province.setText(o.province or "")
        self.level.setCurrentIndex(max(0, self.level.findData(o.level)))
        self.code.setText(o.code or "")
        self.signer.set_signer(self.ctx.ws.default_signer())
        self.signer.suggest(ws.office())
        for key, value in self.ctx.ws.page_settings().items():
            self.margins[key].setValue(value)
        self.backup_dir.setText(str(self.folder("backup")))
        self.extra_dir.setText(ws.setting("backup_extra_dir") or "")
        self.user_name.setText(ws.setting("user_name") or "")
        self.saved.setText("")
        self.loaded = self._form()  # what is stored, as the form reads it back

    def _form(self) -> tuple[Office, dict[str, str | None]]:
        signer = self.signer.signer()
        settings = {k: str(int(w.value())) for k, w in self.margins.items()}
        settings["default_signer"] = signer
        settings["backup_extra_dir"] = clean(self.extra_dir.text())
        settings["user_name"] = clean(self.user_name.text())
        office = Office(clean(self.name.text()) or "", clean(self.place.text()) or "", clean(self.parent_body.text()),
                        clean(self.province.text()), self.level.currentData(), clean(self.code.text()))
        return office, settings

    def has_unsaved(self) -> bool:
        return self.loaded is not None and self._form() != self.loaded

    def save_pending(self) -> bool:
        return self.save()

    def save(self) -> bool:
        office, settings = self._form()
        if not office.name or not office.place_name:
            self.err.show_error("Hãy nhập tên cơ quan và địa danh: chúng được in ở đầu mọi văn bản.")
            return False
        problem = office_errors(office).get("code")
        if problem:
            self.err.show_error(problem)
            return False
        self.err.show_error(None)
        self.ctx.ws.save_settings(office, settings)
        self.loaded = (office, settings)
        self.saved.setText("Đã lưu cài đặt.")
        self.ctx.announce(changes("office", "settings"))
        return True
