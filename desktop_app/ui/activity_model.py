"""The activity list: a table model over flat rows from the store, filtering and sorting in
Python over the whole list at once.

Measured at 100,000 rows (benchmarks/bench_activity_list.py): a QSortFilterProxyModel calls
back into Python once per row to filter (about 75 ms before any test is made) and once per
comparison to sort (over 10 s). Here a filter is one list comprehension and a sort one
list.sort with a precomputed key, and the view asks only for the rows it shows."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from ..domain.model import ACTIVITY_TYPES
from ..domain.numbers import fmt_int
from ..domain.text import fold, sort_key

# Row layout from Repository.activity_list_rows
ID, START, TITLE, TYPE, ORG, LOCATION, TOTAL, FEMALE, MALE, BUDGET, YEAR = range(11)
COLUMNS = [("Ngày", START), ("Tên hoạt động", TITLE), ("Loại", TYPE), ("Đơn vị tổ chức", ORG),
           ("Địa điểm", LOCATION), ("Tổng số", TOTAL), ("Nữ", FEMALE), ("Nam", MALE),
           ("Kinh phí (đồng)", BUDGET)]
NUMERIC = {TOTAL, FEMALE, MALE, BUDGET}


def _date(iso: str) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}" if iso else ""


class ActivityTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._all: list[tuple] = []
        self._visible: list[int] = []
        self._units: dict[str, str] = {}
        self._search: list[str] = []
        self._keys: dict[int, list] = {}
        self.filters = {"text": "", "type": None, "unit": None, "date_from": None, "date_to": None,
                        "window": None}
        self.sort_column, self.sort_order = 0, Qt.SortOrder.DescendingOrder

    # ---- data in -------------------------------------------------------------------------
    def set_rows(self, rows: list[tuple], units: dict[str, str]) -> None:
        self._all = rows
        self._units = units
        self._keys = {}
        # One folded string per row (no marks, no case: "dong tam" finds "Đồng Tâm"), built
        # once, makes search-as-you-type a substring test.
        self._search = [
            fold(f"{r[TITLE]} {r[LOCATION] or ''} {units.get(r[ORG], r[ORG] or '')} "
                 f"{ACTIVITY_TYPES.get(r[TYPE], '')} {_date(r[START])}")
            for r in rows
        ]
        self._apply()

    def set_filters(self, **kw) -> None:
        self.filters.update(kw)
        self.filters["text"] = fold(" ".join((self.filters["text"] or "").split()))
        self._apply()

    def _apply(self) -> None:
        f, rows = self.filters, self._all
        idx = range(len(rows))
        if f["text"]:
            text, search = f["text"], self._search
            idx = [i for i in idx if text in search[i]]
        if f["type"]:
            idx = [i for i in idx if rows[i][TYPE] == f["type"]]
        if f["unit"]:
            idx = [i for i in idx if rows[i][ORG] == f["unit"]]
        lo = max(filter(None, (f["date_from"], (f["window"] or (None, None))[0])), default=None)
        hi = min(filter(None, (f["date_to"], (f["window"] or (None, None))[1])), default=None)
        if lo:
            idx = [i for i in idx if rows[i][START] >= lo]
        if hi:
            idx = [i for i in idx if rows[i][START] <= hi]
        visible = list(idx)
        visible.sort(key=self._key(self.sort_column).__getitem__,
                     reverse=self.sort_order == Qt.SortOrder.DescendingOrder)
        self.beginResetModel()
        self._visible = visible
        self.endResetModel()

    def _key(self, column: int) -> list:
        if column not in self._keys:
            field = COLUMNS[column][1]
            if field in NUMERIC:
                self._keys[column] = [r[field] or 0 for r in self._all]
            elif field in (ORG, TYPE):  # few distinct values: one key each
                names = self._units if field == ORG else ACTIVITY_TYPES
                keys = {v: sort_key(names.get(v, v)) for v in {r[field] for r in self._all}}
                self._keys[column] = [keys[r[field]] for r in self._all]
            elif field == START:
                self._keys[column] = [(r[START], r[ID]) for r in self._all]
            else:  # Vietnamese order ("Đ" after "D", not after "Z"); titles repeat, key each once
                keys = {}
                self._keys[column] = [keys.get(v) or keys.setdefault(v, sort_key(v))
                                      for v in (r[field] for r in self._all)]
        return self._keys[column]

    def sort(self, column, order=Qt.SortOrder.AscendingOrder):
        self.sort_column, self.sort_order = column, order
        self._apply()

    # ---- Qt model ------------------------------------------------------------------------
    def row(self, i: int) -> tuple:
        return self._all[self._visible[i]]

    def row_of(self, activity_id: str) -> int | None:
        """The place of an activity in the list as shown, or None when a filter hides it."""
        for place, i in enumerate(self._visible):
            if self._all[i][ID] == activity_id:
                return place
        return None

    def visible_rows(self):
        return (self._all[i] for i in self._visible)

    def total_count(self) -> int:
        return len(self._all)

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._all[self._visible[index.row()]]
        field = COLUMNS[index.column()][1]
        if role == Qt.ItemDataRole.DisplayRole:
            v = r[field]
            if field == START:
                return _date(v)
            if field == TYPE:
                return ACTIVITY_TYPES.get(v, v)
            if field == ORG:
                return self._units.get(v, v or "")
            if field in NUMERIC:
                return fmt_int(v) if v is not None else ""
            return v or ""
        if role == Qt.ItemDataRole.TextAlignmentRole and field in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return r[ID]
        if role == Qt.ItemDataRole.ToolTipRole and field == TITLE:
            return r[TITLE]
        return None
