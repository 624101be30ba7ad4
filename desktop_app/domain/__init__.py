"""Plain-Python domain: records, labels and rules. No Qt, no SQL."""
