"""Tests of photodesk.store: engine, sessions, migrations."""
