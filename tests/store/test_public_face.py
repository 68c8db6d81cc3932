"""The store has one public face: `store.__all__` names every action and record, and nothing
else outside the store needs its modules (checked for product code in tests/test_layers.py)."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import store

STORE = Path(store.__file__).parent
# Modules whose actions callers use; `models`, `db` and `phash` are the store's machinery.
JOB_MODULES = (
    "reporters",
    "submissions",
    "analysis_queue",
    "cases",
    "moderation",
    "audit",
    "settings",
    "reports",
    "ledgers",
    "retention",
    "inbox",
    "deadlines",
)


def test_every_exported_name_resolves() -> None:
    assert len(set(store.__all__)) == len(store.__all__)
    for name in store.__all__:
        assert getattr(store, name, None) is not None, name


def test_every_action_record_and_error_is_exported() -> None:
    """An action is a public coroutine function taking the session factory `db` first."""
    missing = []
    for module in JOB_MODULES:
        tree = ast.parse((STORE / f"{module}.py").read_text())
        for node in tree.body:
            if (
                isinstance(node, ast.AsyncFunctionDef)
                and not node.name.startswith("_")
                and not node.decorator_list
                and node.args.args
                and node.args.args[0].arg == "db"
                and node.name not in store.__all__
            ):
                missing.append(f"store.{module}.{node.name}")
    for module in (store.records, store.errors):
        for name, value in vars(module).items():
            own = inspect.isclass(value) and value.__module__ == module.__name__
            if own and name not in store.__all__:
                missing.append(f"{module.__name__}.{name}")
    assert missing == []


def test_exported_actions_are_the_modules_own() -> None:
    """The face re-exports; it defines nothing of its own."""
    for name in store.__all__:
        value = getattr(store, name)
        module = getattr(value, "__module__", "")
        assert not inspect.isfunction(value) or module.startswith("store."), name
