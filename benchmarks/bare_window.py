"""The floor for the start-up time: a bare PySide6 window, built by build.spec with the program's
own options (BDG_BUILD_FLOOR=1) into one file, timed the same way as the program's --self-test:
"window shown after N ms" counted from the double-click, then it closes."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from desktop_app.startclock import process_ages_ms

if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    w = QMainWindow()
    w.setWindowTitle("Bare window")
    w.resize(1280, 760)  # the program's first-start size
    w.show()

    def first():
        launched, own = process_ages_ms()
        print(f"window shown after {launched:.0f} ms", flush=True)
        print(f"of which the one-file bootloader unpacking: {launched - own:.0f} ms", flush=True)
        QTimer.singleShot(300 if "--linger" in sys.argv else 0, app.quit)

    QTimer.singleShot(0, first)
    sys.exit(app.exec())
