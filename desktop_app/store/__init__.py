"""SQLite storage through sqlite-utils: schema, migrations, queries, exchange packages. No Qt."""
