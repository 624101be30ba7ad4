"""Công tác bình đẳng giới: kế hoạch, nhiệm vụ, hoạt động và báo cáo của một xã."""

__version__ = "0.1.0"
APP_NAME = "Bình đẳng giới"
APP_ID = "BinhDangGioi"
