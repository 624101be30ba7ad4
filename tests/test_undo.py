"""Undoing the last deletion puts every row back exactly as it was, and only while nothing else
has been written since."""

import pytest
from conftest import dump_db

from desktop_app.domain.model import Activity, Unit
from desktop_app.store.errors import ValidationError


def _delete(ws, kind):
    if kind == "activities":
        ids = [a.id for a in ws.repo.activities_of_year(2019)[:5]]
        return ws.delete_activities(ids)
    if kind == "task":  # NV7 is named by activities: they lose the link, and get it back
        return ws.delete_task(2019, "NV7")
    if kind == "target":  # T2 is linked from task NV3
        return ws.delete_target(2019, "T2")
    return ws.delete_unit("CLB-NCT")


@pytest.mark.parametrize("kind", ["activities", "task", "target", "unit"])
def test_undo_restores_every_row(loaded, kind):
    if kind == "unit":
        loaded.save_unit(Unit(code="CLB-NCT", name="Câu lạc bộ Người cao tuổi"))
    before = dump_db(loaded.db)
    undo = _delete(loaded, kind)
    assert dump_db(loaded.db) != before
    loaded.undo(undo)
    assert dump_db(loaded.db) == before


def test_deleting_a_task_unlinks_its_activities_until_undone(loaded):
    linked = [a.id for a in loaded.repo.activities_of_year(2019) if a.task == "NV7"]
    assert linked
    undo = loaded.delete_task(2019, "NV7")
    assert all(a.task is None for a in loaded.repo.activities_of_year(2019) if a.id in linked)
    loaded.undo(undo)
    assert all(a.task == "NV7" for a in loaded.repo.activities_of_year(2019) if a.id in linked)
    assert undo.label == "Xóa nhiệm vụ NV7"


def test_undo_after_another_change_is_refused_and_changes_nothing(loaded):
    first = loaded.repo.activities_of_year(2019)[0]
    undo = loaded.delete_activities([first.id])
    loaded.save_activity(Activity(id=None, title="Truyền thông sau khi xóa", type="communication",
                                  start=first.start, participants_total=10), 2019)
    after = dump_db(loaded.db)
    with pytest.raises(ValidationError) as exc:
        loaded.undo(undo)
    assert "dữ liệu đã thay đổi sau lần xóa" in exc.value.messages[0]
    assert dump_db(loaded.db) == after


def test_undo_of_a_large_selection(loaded):
    ids = [a.id for a in loaded.repo.activities_of_year(2019)]
    before = dump_db(loaded.db)
    undo = loaded.delete_activities(ids)
    assert undo.label == f"Xóa {len(ids)} hoạt động"
    assert loaded.repo.activities_of_year(2019) == []
    loaded.undo(undo)
    assert dump_db(loaded.db) == before


def test_undo_into_data_that_lost_what_the_rows_point_to_is_refused_cleanly(loaded):
    import dataclasses

    first = loaded.repo.activities_of_year(2019)[0]
    undo = loaded.delete_activities([first.id])
    with loaded.db.atomic():  # say a restore took the plan away (restores do not count as changes)
        for table in ("activities", "tasks", "targets", "plans"):
            loaded.db.execute(f"delete from {table}")
    undo = dataclasses.replace(undo, changes=loaded.db.conn.total_changes)
    after = dump_db(loaded.db)
    with pytest.raises(ValidationError):
        loaded.undo(undo)
    assert dump_db(loaded.db) == after
