"""Alembic revisions (files named NNNN_*.py)."""
