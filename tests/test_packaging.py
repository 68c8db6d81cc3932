"""What `pip install` ships: every product package and module, and the examples `netra demo`
plays (package data), so that the installed command works away from a checkout."""

from __future__ import annotations

import fnmatch
import tomllib

from tests.test_layers import LAYERS, ROOT, product_modules

SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]


def test_every_product_package_and_module_is_installed() -> None:
    packages = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in product_modules()
        if path.name == "__init__.py"
    }
    assert set(SETUPTOOLS["packages"]) == packages
    modules = {name for name in LAYERS if (ROOT / f"{name}.py").is_file()}
    assert set(SETUPTOOLS["py-modules"]) == modules


def test_the_examples_are_package_data() -> None:
    examples = ROOT / "netra" / "examples"
    shipped = [
        path
        for path in examples.rglob("*")
        if path.is_file()
        and any(
            fnmatch.fnmatch(str(path.relative_to(ROOT / "netra")), pattern)
            for pattern in SETUPTOOLS["package-data"]["netra"]
        )
    ]
    files = [path for path in examples.rglob("*") if path.is_file()]
    assert len(files) >= 13 and sorted(shipped) == sorted(files)


def test_the_emoji_templates_are_package_data() -> None:
    """Without them an installed Netra would see no emoji at all (`ocr.emoji_likeness`)."""
    from ocr.emoji_names import TEMPLATES

    data = ROOT / "ocr" / "data" / "emoji"
    files = sorted(path for path in data.rglob("*") if path.is_file())
    shipped = [
        path
        for path in files
        if any(
            fnmatch.fnmatch(str(path.relative_to(ROOT / "ocr")), pattern)
            for pattern in SETUPTOOLS["package-data"]["ocr"]
        )
    ]
    assert shipped == files and {path.stem for path in files} == set(TEMPLATES)
