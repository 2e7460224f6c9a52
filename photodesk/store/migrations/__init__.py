"""Alembic migrations of the desk schema (package data: env.py, script.py.mako, versions/)."""
