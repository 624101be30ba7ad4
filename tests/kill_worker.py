"""Writes to a database until it is killed (for test_kill.py).

    python kill_worker.py edits DB      # endless burst of edits, 5 activities + a counter each
    python kill_worker.py import DB PKG # one large import
"""

import datetime as dt
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.domain.model import Activity  # noqa: E402
from desktop_app.services import Workspace  # noqa: E402
from desktop_app.store.exchange import import_package  # noqa: E402


def edits(db):
    ws = Workspace(db)
    pid = ws.repo.plan_id(2019, "annual")
    i = int(ws.repo.setting("counter", "0"))
    print("ready", flush=True)
    while True:
        i += 1
        with ws.db.atomic():  # one user action = one transaction
            for j in range(5):
                ws.repo.save_activity(Activity(id=f"K{i}-{j}", title=f"Hoạt động {i}.{j}", type="other",
                                               start=dt.date(2019, 3, 1), participants_total=j), pid)
            ws.repo.set_setting("counter", str(i))


def big_import(db, pkg):
    ws = Workspace(db)
    data = json.loads(Path(pkg).read_text(encoding="utf-8"))
    print("ready", flush=True)
    import_package(ws.repo, data)
    print("done", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "edits":
        edits(sys.argv[2])
    else:
        big_import(sys.argv[2], sys.argv[3])
