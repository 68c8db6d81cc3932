"""Alembic migration environment (loaded by path, see store/db.py)."""
