"""Choosing one of the national strategy's targets to adopt as a plan's target."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from ..domain.numbers import fmt_quantity
from ..domain.strategy import StrategyTarget, search
from ..services import strategy_document, strategy_targets


def _values(e: StrategyTarget) -> str:
    if e.by_2025 is None:
        return "nhiều vế: giá trị theo nội dung"
    word = "không vượt quá" if e.comparison == "<=" else "đạt"
    return f"năm 2025 {word} {fmt_quantity(e.by_2025, e.unit)}; năm 2030 {word} {fmt_quantity(e.by_2030, e.unit)}"


class StrategyPicker(QDialog):
    """A searchable list of the strategy's targets; `chosen` after accept()."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Chọn chỉ tiêu của Chiến lược quốc gia về bình đẳng giới")
        self.resize(760, 500)  # fits 1366x768 with the target dialog behind it
        self.entries = strategy_targets()
        self.chosen: StrategyTarget | None = None
        source = QLabel(f"Theo {strategy_document()}. Nội dung chỉ tiêu được giữ nguyên văn; chỉ tiêu riêng của "
                        "địa phương thì đóng cửa sổ này và gõ vào ô Nội dung chỉ tiêu.")
        source.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Tìm (không cần dấu): lao động nữ, bạo lực, tỷ số giới tính...")
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.empty = QLabel("Không có chỉ tiêu nào khớp với từ đã gõ. Danh mục mới có các chỉ tiêu đã đối chiếu "
                            "được nguyên văn Nghị quyết; chỉ tiêu khác thì đóng cửa sổ này và gõ vào ô Nội dung "
                            "chỉ tiêu.")
        self.empty.setWordWrap(True)
        self.empty.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Chọn")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        for w in (source, self.search, self.list, self.empty, buttons):
            lay.addWidget(w)
        lay.setStretchFactor(self.list, 1)
        self.search.textChanged.connect(self._fill)
        self.search.installEventFilter(self)  # arrows in the search box move through the list
        self.list.itemDoubleClicked.connect(lambda *_: self._accept())
        self.list.currentRowChanged.connect(lambda row: self.ok.setEnabled(row >= 0))
        self._fill()
        self.search.setFocus()

    def eventFilter(self, obj, event):
        if obj is self.search and event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            QApplication.sendEvent(self.list, event)
            return True
        return super().eventFilter(obj, event)

    def _fill(self, *_):
        self.list.clear()
        found = search(self.entries, self.search.text())
        for e in found:
            item = QListWidgetItem(f"{e.label}: {e.text}.\n({_values(e)})")
            item.setData(Qt.ItemDataRole.UserRole, e)
            self.list.addItem(item)
        self.empty.setVisible(not found)
        if found:
            self.list.setCurrentRow(0)
        self.ok.setEnabled(bool(found))

    def _accept(self):
        item = self.list.currentItem()
        if item is not None:
            self.chosen = item.data(Qt.ItemDataRole.UserRole)
            self.accept()
