"""The activity list: a table model over flat rows from the store, and the filter proxy.

Rows are plain tuples fetched in one query; the model formats only the cells Qt asks for,
so 100,000 rows scroll and filter smoothly."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from ..domain.model import ACTIVITY_TYPES
from ..domain.numbers import fmt_int

# Row layout from Repository.activity_list_rows
ID, START, TITLE, TYPE, ORG, LOCATION, TOTAL, FEMALE, MALE, BUDGET, YEAR = range(11)
COLUMNS = [("Ngày", START), ("Tên hoạt động", TITLE), ("Loại", TYPE), ("Đơn vị tổ chức", ORG),
           ("Địa điểm", LOCATION), ("Tổng số", TOTAL), ("Nữ", FEMALE), ("Nam", MALE),
           ("Kinh phí (đồng)", BUDGET)]
NUMERIC = {TOTAL, FEMALE, MALE, BUDGET}
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


class ActivityTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple] = []
        self._units: dict[str, str] = {}
        self._search: list[str] = []

    def set_rows(self, rows: list[tuple], units: dict[str, str]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._units = units
        # One lower-cased string per row, built once, makes search-as-you-type a substring test.
        self._search = [
            " ".join(str(x) for x in (r[TITLE], r[LOCATION] or "", units.get(r[ORG], r[ORG] or ""),
                                      ACTIVITY_TYPES.get(r[TYPE], ""), self._date(r[START]))).lower()
            for r in rows
        ]
        self.endResetModel()

    def row(self, i: int) -> tuple:
        return self._rows[i]

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        return None

    @staticmethod
    def _date(iso: str) -> str:
        return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}" if iso else ""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        field = COLUMNS[index.column()][1]
        v = r[field]
        if role == Qt.ItemDataRole.DisplayRole:
            if field == START:
                return self._date(v)
            if field == TYPE:
                return ACTIVITY_TYPES.get(v, v)
            if field == ORG:
                return self._units.get(v, v or "")
            if field in NUMERIC:
                return fmt_int(v) if v is not None else ""
            return v or ""
        if role == SORT_ROLE:
            if field in NUMERIC:
                return v or 0
            if field == ORG:
                return self._units.get(v, v or "")
            return v or ""
        if role == SEARCH_ROLE:
            return self._search[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and field in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return r[ID]
        return None


class ActivityFilter(QSortFilterProxyModel):
    """Search as you type, and filters by type, unit, date range and the Action Month."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.text = ""
        self.type: str | None = None
        self.unit: str | None = None
        self.date_from: str | None = None
        self.date_to: str | None = None
        self.window: tuple[str, str] | None = None  # Action Month window as ISO strings

    def set_filters(self, **kw) -> None:
        self.beginFilterChange()
        for k, v in kw.items():
            setattr(self, k, v)
        self.text = (self.text or "").strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row, source_parent):
        m: ActivityTableModel = self.sourceModel()
        r = m._rows[source_row]
        if self.type and r[TYPE] != self.type:
            return False
        if self.unit and r[ORG] != self.unit:
            return False
        start = r[START]
        if self.date_from and start < self.date_from:
            return False
        if self.date_to and start > self.date_to:
            return False
        if self.window and not (self.window[0] <= start <= self.window[1]):
            return False
        if self.text and self.text not in m._search[source_row]:
            return False
        return True


def iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None
