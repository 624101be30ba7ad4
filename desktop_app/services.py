"""The operations the GUI and the command line share: one place for each rule."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
import sqlite3
import tempfile
from pathlib import Path

from .domain import rules, summary
from .domain.model import Activity, Plan, ReportText, Target, Task
from .domain.text import clean
from .fileio import write_text_atomic
from .resources import resource
from .store.database import open_database
from .store.errors import ValidationError
from .store.exchange import dump_package, export_package, import_package, read_package_file
from .store.repository import Repository

DOCUMENT_KINDS = {
    "plan": "Kế hoạch",
    "mid_year": "Báo cáo 6 tháng",
    "year": "Báo cáo năm",
    "action_month": "Báo cáo Tháng hành động",
}


class NoPlanError(Exception):
    """The year asked for has no plan: nothing to print."""


@dataclasses.dataclass(frozen=True)
class Undo:
    """What one deletion removed or changed, to put back if the user asks at once.

    rows: (table, rows as they were), parents first. changes: the connection's change count
    right after the deletion; any later write makes the undo stale (it could clash with it)."""

    label: str
    rows: tuple[tuple[str, tuple[dict, ...]], ...]
    changes: int


STALE_UNDO = ("Không hoàn tác được: dữ liệu đã thay đổi sau lần xóa đó. Nếu cần, lấy lại từ bản "
              "sao lưu (Tệp → Khôi phục từ bản sao lưu...).")


class Workspace:
    """One open database and the operations on it."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.db = open_database(self.path)
        self.repo = Repository(self.db)

    def close(self) -> None:
        self.db.conn.close()

    # ---- packages ---------------------------------------------------------------------
    def import_file(self, path: str | Path, progress=None) -> dict:
        return import_package(self.repo, read_package_file(path), progress=progress)

    def export_json(self, out: str | Path, year: int | None = None) -> Path:
        return write_text_atomic(out, dump_package(export_package(self.repo, year)))

    def import_activity_sheet(self, path: str | Path, year: int) -> dict[str, int]:
        """Activities from an Excel sheet (as exported): a row whose Mã is an activity of this
        year updates it in the columns the sheet has; any other row is a new activity of the
        year's plan. All rows or none."""
        from .store.activity_sheet import merge, read_activity_sheet

        plan_id = self.repo.plan_id(year, "annual") or self.repo.plan_id(year, "action_month")
        if plan_id is None:
            raise ValidationError([f"Năm {year} chưa có kế hoạch: hãy tạo kế hoạch trước khi nhập hoạt động."])
        tasks = {t.code for t in self.repo.tasks(plan_id)}
        read, fields = read_activity_sheet(path, self.repo.unit_names(), tasks, year)
        counts = {"added": 0, "updated": 0}
        errors = []
        with self.db.atomic():
            for a in read:
                stored = self.repo.activity(a.id) if a.id else None
                if stored is not None and stored.plan_year != year:
                    errors.append(f"Mã {a.id} là một hoạt động của năm {stored.plan_year}: chọn năm đó rồi nhập lại, "
                                  "hoặc xóa mã để nhập thành hoạt động mới.")
                    continue
                target = plan_id if stored is None else self.repo.plan_id(stored.plan_year, stored.plan_kind)
                self.repo.save_activity(a if stored is None else merge(stored, a, fields), target)
                counts["updated" if stored else "added"] += 1
            if errors:
                raise ValidationError(errors)  # leaves the transaction: nothing is stored
        return counts

    def export_xlsx(self, out: str | Path, year: int) -> Path:
        from .reports.xlsx_export import write_xlsx

        return write_xlsx(out, self.figures(year), self.repo.unit_names())

    # ---- years and figures ------------------------------------------------------------
    def years(self) -> list[int]:
        return self.repo.plan_years()

    def _require_plan(self, year: int) -> list[Plan]:
        plans = self.repo.plans_of_year(year)
        if not plans:
            raise NoPlanError(f"Năm {year} chưa có kế hoạch nào: chưa có gì để in.")
        return plans

    def figures(self, year: int, period: str = "year", today: dt.date | None = None):
        plans = self._require_plan(year)
        return summary.compute(year, plans, self.repo.activities_of_year(year), period, today)

    def report_text(self, year: int, period: str) -> ReportText:
        """The typed parts of a report; a new one starts from the plan's recipients and signer."""
        text = self.repo.report_text(year, period)
        if text is None:
            plan = self.repo.plan(year, "annual") or self.repo.plan(year, "action_month")
            text = ReportText(year=year, period=period)
            if plan:
                text.signer = copy.deepcopy(plan.signer)
        return text

    # ---- documents --------------------------------------------------------------------
    def build_document(self, year: int, kind: str, out: str | Path,
                       today: dt.date | None = None) -> Path:
        """Write the plan or a report as PDF or DOCX (by the file's suffix), atomically."""
        self._require_plan(year)
        from .reports import build

        out = Path(out)
        if kind not in DOCUMENT_KINDS:
            raise ValueError(kind)
        if out.suffix.lower() not in (".pdf", ".docx"):
            raise ValueError("Chỉ xuất được tệp .pdf hoặc .docx")
        doc = self.document_data(year, kind, today)
        return build.write_document(doc, out, self.page_settings())

    def document_data(self, year: int, kind: str, today: dt.date | None = None):
        from .reports.build import DocumentData

        plans = self._require_plan(year)
        office = self.repo.office()
        if office is None:
            raise NoPlanError("Chưa có tên cơ quan ban hành: hãy nhập ở trang Cài đặt trước khi in.")
        period = "year" if kind == "plan" else kind
        figures = summary.compute(year, plans, self.repo.activities_of_year(year), period, today)
        return DocumentData(
            kind=kind, office=office, figures=figures, units=self.repo.unit_names(),
            text=None if kind == "plan" else self.report_text(year, kind),
        )

    def page_settings(self) -> dict:
        out = {}
        for key, default in (("margin_top", 20), ("margin_bottom", 20), ("margin_left", 30),
                             ("margin_right", 15)):
            try:
                out[key] = float(self.repo.setting(key, str(default)))
            except (TypeError, ValueError):
                out[key] = float(default)
        return out

    # ---- editing ----------------------------------------------------------------------
    def save_activity(self, activity: Activity, year: int, kind: str = "annual") -> str:
        """A new activity goes to the year's annual plan (or its Action Month plan when that is
        all the year has); an edited one stays in the plan that holds it."""
        plan_id = None
        if activity.id:
            held = self.repo.activity(activity.id)
            if held is not None and held.plan_year == year:
                plan_id = self.repo.plan_id(held.plan_year, held.plan_kind)
        if plan_id is None:
            plan_id = self.repo.plan_id(year, kind) or self.repo.plan_id(year, "action_month")
        if plan_id is None:
            raise ValidationError([f"Năm {year} chưa có kế hoạch: hãy tạo kế hoạch trước khi nhập hoạt động."])
        errors = rules.activity_errors(activity, plan_year=year)
        if errors:
            raise ValidationError([f"{k}: {v}" for k, v in errors.items()])
        return self.repo.save_activity(activity, plan_id)

    def delete_activities(self, ids: list[str]) -> Undo:
        before = self.repo.snapshot("activities", ids=ids)
        with self.db.atomic():
            for i in ids:
                self.repo.delete_activity(i)
        title = before[0]["title"] if before else ""
        title = title if len(title) <= 50 else title[:49].rstrip() + "…"  # it names a menu item
        label = f"Xóa hoạt động “{title}”" if len(before) == 1 else f"Xóa {len(before)} hoạt động"
        return self._undo(label, ("activities", before))

    def _undo(self, label: str, *rows: tuple[str, list[dict]]) -> Undo:
        return Undo(label, tuple((t, tuple(r)) for t, r in rows), self.db.conn.total_changes)

    def undo(self, u: Undo) -> None:
        """Put back what a deletion removed, if nothing was written since."""
        if self.db.conn.total_changes != u.changes:
            raise ValidationError([STALE_UNDO])
        try:
            with self.db.atomic():
                for table, rows in u.rows:
                    self.repo.put_back(table, list(rows))
        except sqlite3.IntegrityError as exc:  # what the rows pointed to is gone (all rolled back)
            raise ValidationError([STALE_UNDO]) from exc

    def save_target(self, year: int, target: Target, kind: str = "annual") -> None:
        errors = rules.target_errors(target)
        if errors:
            raise ValidationError([f"{k}: {v}" for k, v in errors.items()])
        plan_id = self.repo.plan_id(year, kind)
        with self.db.atomic():
            self.repo.save_target(plan_id, target)

    def save_settings(self, office, settings: dict[str, str | None]) -> None:
        with self.db.atomic():
            self.repo.save_office(office)
            for k, v in settings.items():
                self.repo.set_setting(k, v)

    def save_unit(self, unit) -> None:
        with self.db.atomic():
            self.repo.save_unit(unit)

    def delete_unit(self, code: str) -> Undo:
        """Only a unit nothing refers to can go; others are deactivated instead."""
        used = self.repo.unit_usage(code)
        if used:
            raise ValidationError([f"Đơn vị {code} đã được dùng {used} lần: chỉ có thể ngừng sử dụng, không xóa."])
        before = self.repo.snapshot("units", where="code = ?", args=[code])
        with self.db.atomic():
            self.repo.delete_unit(code)
        return self._undo(f"Xóa đơn vị “{before[0]['name']}”", ("units", before))

    def delete_target(self, year: int, code: str, kind: str = "annual") -> Undo:
        """The target goes, and so does every task's link to it (one transaction)."""
        pid = self.repo.plan_id(year, kind)
        target = self.repo.snapshot("targets", where="plan_id = ? and code = ?", args=[pid, code])
        tasks = self.repo.snapshot("tasks", where="plan_id = ?", args=[pid])
        with self.db.atomic():
            for task in self.repo.tasks(pid):
                if code in task.targets:
                    task.targets = [c for c in task.targets if c != code]
                    self.repo.save_task(pid, task)
            self.repo.delete_target(pid, code)
        return self._undo(f"Xóa chỉ tiêu {code}", ("targets", target), ("tasks", tasks))

    def delete_task(self, year: int, code: str, kind: str = "annual") -> Undo:
        """The task goes; activities that named it keep their data and lose only the link."""
        pid = self.repo.plan_id(year, kind)
        task = self.repo.snapshot("tasks", where="plan_id = ? and code = ?", args=[pid, code])
        linked = self.repo.snapshot("activities", where="plan_id = ? and task = ?", args=[pid, code])
        with self.db.atomic():
            self.repo.unlink_task_from_activities(pid, code)
            self.repo.delete_task(pid, code)
        return self._undo(f"Xóa nhiệm vụ {code}", ("tasks", task), ("activities", linked))

    def save_task(self, year: int, task: Task, kind: str = "annual") -> None:
        if not clean(task.content):
            raise ValidationError(["content: nội dung nhiệm vụ không được để trống"])
        if not task.lead:
            raise ValidationError(["lead: hãy chọn đơn vị chủ trì"])
        if task.start and task.due and task.due < task.start:
            raise ValidationError(["due: hạn hoàn thành trước ngày bắt đầu"])
        plan_id = self.repo.plan_id(year, kind)
        with self.db.atomic():
            self.repo.save_task(plan_id, task)

    # ---- drafts: a form's unsaved content, kept so a power cut does not lose it -------------
    def save_plan_draft(self, plan: Plan) -> None:
        from .store.exchange import plan_header_out

        with self.db.atomic():
            self.repo.set_setting(f"draft_plan_{plan.year}", json.dumps(plan_header_out(plan), ensure_ascii=False))

    def plan_draft(self, year: int) -> Plan | None:
        from .store.exchange import plan_from_dict

        text = self.repo.setting(f"draft_plan_{year}")
        return plan_from_dict(json.loads(text)) if text else None

    def drop_plan_draft(self, year: int) -> None:
        if self.repo.setting(f"draft_plan_{year}"):
            with self.db.atomic():
                self.repo.set_setting(f"draft_plan_{year}", None)

    def save_plan_header(self, plan: Plan) -> None:
        errors = []
        if not clean(plan.title):
            errors.append("title: tên (trích yếu) kế hoạch không được để trống")
        if plan.action_month_end < plan.action_month_start:
            errors.append("action_month_end: ngày kết thúc Tháng hành động trước ngày bắt đầu")
        if plan.budget_planned_vnd is not None and plan.budget_planned_vnd < 0:
            errors.append("budget_planned_vnd: tổng kinh phí dự kiến phải là số không âm")
        if errors:
            raise ValidationError(errors)
        with self.db.atomic():
            self.repo.save_plan_header(plan)

    def create_plan(self, year: int, kind: str = "annual") -> Plan:
        """An empty plan for the year, with the office's default signer."""
        if self.repo.plan_id(year, kind) is not None:
            raise ValidationError([f"Năm {year} đã có kế hoạch."])
        plan = Plan(year=year, kind=kind,
                    title=f"Thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm {year}",
                    recipients=["Lưu: VT"], signer=self.default_signer())
        self.repo.save_plan(plan)
        return self.repo.plan(year, kind)

    def default_signer(self):
        import json

        from .store.repository import signer_from_dict

        raw = self.repo.setting("default_signer")
        return signer_from_dict(json.loads(raw)) if raw else None

    def copy_plan_to_next_year(self, year: int) -> Plan:
        """Next year's plan from this one: texts kept, target values cleared, tasks reset,
        dates moved one year. Refused if next year already has a plan."""
        plan = self.repo.plan(year, "annual")
        if plan is None:
            raise NoPlanError(f"Năm {year} chưa có kế hoạch năm để sao chép.")
        nxt = year + 1
        if self.repo.plan_id(nxt, "annual") is not None:
            raise ValidationError([f"Năm {nxt} đã có kế hoạch; không sao chép đè lên."])
        new = copy.deepcopy(plan)
        new.year = nxt
        new.number = None
        new.issued_on = None
        # Texts that name the plan's own year move with it; legal bases cite older documents
        # and stay as they were. The Action Month theme is new every year.
        move = lambda text: text.replace(str(year), str(nxt)) if text else text  # noqa: E731
        new.title = move(plan.title)
        new.purposes = [move(x) for x in plan.purposes]
        new.requirements = [move(x) for x in plan.requirements]
        new.contents = [dataclasses.replace(c, heading=move(c.heading), items=[move(x) for x in c.items])
                        for c in plan.contents]
        new.budget_text = move(plan.budget_text)
        new.action_month_theme = None
        new.deadlines = [dataclasses.replace(d, due=shift_year(d.due)) for d in plan.deadlines]
        new.targets = [dataclasses.replace(t, baseline=t.actual if t.actual is not None else t.baseline,
                                           actual=None, actual_mid_year=None, achieved=None)
                       for t in plan.targets]
        new.tasks = [dataclasses.replace(t, start=shift_year(t.start), due=shift_year(t.due),
                                         status="not_started", completed_on=None, result=None)
                     for t in plan.tasks]
        self.repo.save_plan(new)
        return self.repo.plan(nxt, "annual")

    def dashboard(self, year: int, today: dt.date | None = None) -> dict:
        today = today or dt.date.today()
        f = self.figures(year, "year", today)
        deadlines = []
        for p in (f.annual, f.action_plan):
            if p:
                deadlines.extend(d for d in p.deadlines if d.due >= today)
        deadlines.sort(key=lambda d: d.due)
        return {"figures": f, "deadlines": deadlines,
                "days_to_action_month": rules.days_until(f.window[0], today)}


def shift_year(d: dt.date | None) -> dt.date | None:
    if d is None:
        return None
    try:
        return d.replace(year=d.year + 1)
    except ValueError:  # 29/02
        return d.replace(year=d.year + 1, day=28)


def demo_package_path() -> Path:
    return resource("demo", "demo.json")


def create_demo_database(folder: str | Path | None = None) -> Path:
    """A fresh database holding the bundled demo data."""
    folder = Path(folder) if folder else Path(tempfile.mkdtemp(prefix="bdg-demo-"))
    path = folder / "demo.db"
    ws = Workspace(path)
    try:
        ws.import_file(demo_package_path())
    finally:
        ws.close()
    return path


# ---- backups ----------------------------------------------------------------------------

def backup_folder(db_path: Path) -> Path:
    from .paths import backup_dir

    return backup_dir(db_path)


def auto_backup(ws: Workspace, now: dt.datetime | None = None, force: bool = False) -> Path | None:
    """Back up if the data changed since the last backup, to the backup folder and to the
    user's extra folder (a USB stick) when one is set; then thin old backups."""
    from .store import backup as bk

    folder = backup_folder(ws.path)
    if not force and not bk.changed_since_last_backup(ws.path, folder):
        return None
    path = bk.backup(ws.db.conn, folder, now)
    bk.thin(folder, now)
    extra = ws.repo.setting("backup_extra_dir")
    if extra:
        try:
            bk.backup(ws.db.conn, Path(extra), now)
            bk.thin(Path(extra), now)
        except OSError:
            pass  # the USB stick may be absent; the main backup is done
    return path


def backup_now(ws: Workspace) -> Path:
    """The "Sao lưu ngay" action: a backup whether or not the data changed."""
    return auto_backup(ws, force=True)


def list_backups(ws: Workspace) -> list[tuple[dt.datetime, Path]]:
    from .store import backup as bk

    return bk.list_backups(backup_folder(ws.path))


def restore_backup(ws: Workspace, backup_path: Path) -> Path | None:
    """Put a backup's content into the open database; the current state is backed up first
    (so a wrong choice can itself be undone). Returns that safety backup."""
    from .store import backup as bk
    from .store.database import connect

    safety = None
    try:
        safety = auto_backup(ws, force=True)
    except Exception:  # a damaged current database cannot be backed up: restore anyway
        safety = None
    src = connect(backup_path)
    try:
        if not bk.quick_check(src):
            raise ValidationError([f"Bản sao lưu {backup_path.name} bị hỏng; hãy chọn bản khác."])
        src.backup(ws.db.conn)
    finally:
        src.close()
    return safety


def newest_good_backup(db_path: Path) -> Path | None:
    import sqlite3

    from .store import backup as bk

    for _, path in bk.list_backups(backup_folder(db_path)):
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                if bk.quick_check(conn):
                    return path
            finally:
                conn.close()
        except sqlite3.Error:
            continue
    return None


def database_is_damaged(db_path: Path) -> bool:
    """quick_check at start; a missing file is not damaged (it will be created)."""
    import sqlite3

    from .store import backup as bk

    if not Path(db_path).exists():
        return False
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    except sqlite3.Error:
        return True
    try:
        return not bk.quick_check(conn)
    finally:
        conn.close()


def replace_with_backup(db_path: Path, backup_path: Path) -> None:
    """Before opening: put a backup in place of a damaged database (kept aside, renamed)."""
    import shutil

    db_path = Path(db_path)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    for suffix in ("", "-wal", "-shm"):
        f = Path(str(db_path) + suffix)
        if f.exists():
            f.rename(f.with_name(f"{f.name}.hong-{stamp}"))
    shutil.copy2(backup_path, db_path)
