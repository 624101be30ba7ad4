"""Nguyên nhân: left for the officer. The figures say what was not met, never why, so the draft
writes nothing here and the report keeps its dotted line for the officer to fill."""

ENTRIES = ()
