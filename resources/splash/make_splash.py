"""Draws splash.png, the picture the one-file build shows while it unpacks (build.spec's Splash).
Run once after changing it:  QT_QPA_PLATFORM=offscreen python resources/splash/make_splash.py"""

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter, QPen

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def main() -> None:
    app = QGuiApplication([])  # noqa: F841  (fonts need an application)
    family = QFontDatabase.applicationFontFamilies(
        QFontDatabase.addApplicationFont(str(ROOT / "fonts" / "LiberationSerif-Bold.ttf")))[0]
    img = QImage(440, 200, QImage.Format.Format_RGB32)
    img.fill(QColor("#1f3b63"))  # the navigation bar's colour
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    p.drawImage(QRectF(28, 44, 64, 64), QImage(str(ROOT / "icons" / "app.png")))
    p.setPen(QColor("white"))
    p.setFont(QFont(family, 26, QFont.Weight.Bold))
    p.drawText(QRectF(110, 40, 320, 44), Qt.AlignmentFlag.AlignVCenter, "Bình đẳng giới")
    p.setFont(QFont(family, 12))
    p.setPen(QColor("#d5dde8"))
    p.drawText(QRectF(110, 84, 320, 28), Qt.AlignmentFlag.AlignVCenter, "Công tác bình đẳng giới cấp xã")
    p.setPen(QPen(QColor("#3d6cb3"), 2))
    p.drawLine(28, 136, 412, 136)
    p.setPen(QColor("white"))
    p.setFont(QFont(family, 13))
    p.drawText(QRectF(28, 146, 384, 36), Qt.AlignmentFlag.AlignVCenter, "Đang mở chương trình…")
    p.end()
    img.save(str(HERE / "splash.png"))


if __name__ == "__main__":
    main()
