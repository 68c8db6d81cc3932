"""The shape of the product, checked on its source: imports run only downward between the
top-level packages, nothing below the Telegram adapter imports Telegram, callers reach the
store through its public face, and no module grows past 600 lines.

    cli.py                      the command line
    bot/                        the Telegram adapter (wires the scheduled jobs in)
    scheduler.py                the scheduled jobs (Telegram's JobQueue)
    netra/                      the analysis pipeline and the services, no Telegram
    ocr/   rules/   store/      the pure parts, independent of each other
    wording/                    what Netra says, per language

A package may import its own modules and packages of lower layers only; the test walks the
syntax tree of every product module (imports inside functions and `TYPE_CHECKING` blocks
included) and maps each import to its top-level package.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = {
    "wording": 0,
    "ocr": 1,
    "rules": 1,
    "store": 1,
    "netra": 2,
    "scheduler": 3,
    "bot": 4,
    "cli": 5,
}
TELEGRAM_FROM = LAYERS["scheduler"]  # the lowest layer that may talk to Telegram
MAX_LINES = 600


def product_modules() -> list[Path]:
    files = [ROOT / f"{name}.py" for name in LAYERS if (ROOT / f"{name}.py").is_file()]
    for name in LAYERS:
        if (ROOT / name).is_dir():
            files += sorted((ROOT / name).rglob("*.py"))
    return files


def package_of(path: Path) -> str:
    return path.relative_to(ROOT).parts[0].removesuffix(".py")


def imports_of(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every absolute import in the module: `import a.b` gives "a.b",
    `from a.b import c` gives "a.b"."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}:{node.lineno}: relative import"
            found.append((node.lineno, str(node.module)))
    return found


def test_the_product_modules_are_found() -> None:
    packages = {package_of(path) for path in product_modules()}
    assert packages == set(LAYERS)


def test_imports_between_packages_only_go_down() -> None:
    upward = []
    for path in product_modules():
        here = package_of(path)
        for line, name in imports_of(path):
            there = name.split(".")[0]
            if there in LAYERS and there != here and LAYERS[there] >= LAYERS[here]:
                upward.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    assert upward == []


def test_the_package_graph_has_no_cycle() -> None:
    edges: dict[str, set[str]] = defaultdict(set)
    for path in product_modules():
        here = package_of(path)
        for _line, name in imports_of(path):
            there = name.split(".")[0]
            if there in LAYERS and there != here:
                edges[here].add(there)
    done: set[str] = set()

    def visit(package: str, trail: tuple[str, ...]) -> None:
        assert package not in trail, " → ".join((*trail, package))
        if package in done:
            return
        for there in sorted(edges[package]):
            visit(there, (*trail, package))
        done.add(package)

    for package in LAYERS:
        visit(package, ())


def test_nothing_below_the_adapter_imports_telegram() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path in product_modules()
        if LAYERS[package_of(path)] < TELEGRAM_FROM
        for line, name in imports_of(path)
        if name.split(".")[0] == "telegram"
    ]
    assert found == []


def test_the_store_is_reached_through_its_public_face() -> None:
    """Outside `store/`, product code imports `store` itself, never its modules."""
    found = [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path in product_modules()
        if package_of(path) != "store"
        for line, name in imports_of(path)
        if name.startswith("store.")
    ]
    assert found == []


def test_the_product_never_reaches_into_the_tests_or_sys_path() -> None:
    """The demo and everything else run from an installed package: no imports of `tests`,
    no `sys.path` edits."""
    found = [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path in product_modules()
        for line, name in imports_of(path)
        if name.split(".")[0] == "tests"
    ]
    found += [
        str(path.relative_to(ROOT))
        for path in product_modules()
        if "sys.path" in path.read_text(encoding="utf-8")
    ]
    assert found == []


def test_no_product_module_is_over_600_lines() -> None:
    long = {
        str(path.relative_to(ROOT)): n
        for path in product_modules()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
