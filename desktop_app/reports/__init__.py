"""Printed documents built from domain objects: one description, rendered to PDF and Word.

No Qt, no SQL. `build.write_document` is the entry point.
"""
