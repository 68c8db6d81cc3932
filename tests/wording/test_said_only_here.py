"""Everything Netra says in Indonesian is in `wording`: no product module outside it holds a
phrase of Indonesian (a string literal of two words or more with an Indonesian word among
them) or an f-string with an Indonesian word (a template being filled in place).

Not wording, so not looked at: docstrings, and patterns given to `re` (they recognise the
words of screenshots, they say nothing). Tables that recognise input by its words without
`re` are allowed by name in `RECOGNISERS`, each with its reason.
"""

from __future__ import annotations

import ast
import re

from tests.test_layers import ROOT, package_of, product_modules

# Words that show a phrase is Indonesian; none is English, so an English log message or a
# field name does not trip them. A single word passes (it is a key or a word recognised in
# screenshots more often than wording), and so does a phrase of loanwords only.
_INDONESIAN = re.compile(
    r"\b(?:ada|ajakan|akun|angka|atau|baris|bawah|belakang|belum|berkas|besar|bukan|calon|cerita|"
    r"coba|coblos|cocok|daftar|damai|dan|dari|dengan|depan|di|dibaca|disebut|dukungan|"
    r"gabungan|gagal|gambar|informasi|itu|jari|jelas|kasus|kata|ke|keyakinan|kirim|konten|"
    r"kosong|memilih|menit|nama|netral|netralitas|nomor|orang|paslon|pelapor|pengguna|"
    r"pengunggah|pilih|rusak|salam|semua|seruan|silakan|sudah|tanpa|telepon|terbaca|terlalu|"
    r"tersendiri|tidak|tolak|tombol|ulang|umur|untuk|urut|waktu|yang)\b",
    re.IGNORECASE,
)

# (module, top-level name) -> why its phrases are not wording.
RECOGNISERS = {
    ("rules/roster.py", "_ALIASES"): "column headings of roster files, as admins write them",
    ("rules/units.py", "_AGENCIES"): "names of offices (OPD) as rosters and stories spell them",
}


def _phrase(text: str, *, in_fstring: bool = False) -> bool:
    words = len(re.findall(r"[^\W\d_]+", text))
    return words >= (1 if in_fstring else 2) and bool(_INDONESIAN.search(text))


def _said(tree: ast.Module, skip: set[int]) -> list[ast.Constant]:
    """The string literals of `tree` outside `skip` that are Indonesian phrases."""
    in_fstrings = {
        id(part)
        for node in ast.walk(tree)
        if isinstance(node, ast.JoinedStr)
        for part in node.values
    }
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skip
        and _phrase(node.value, in_fstring=id(node) in in_fstrings)
    ]


def _not_wording(tree: ast.Module, path: str) -> set[int]:
    """Ids of the nodes under a docstring, a pattern given to `re`, or an allowed table."""
    roots: list[ast.AST] = []
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
        ):
            roots.append(body[0].value)
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.args
        ):
            roots.append(node.args[0])
    roots += [node for name, node in _assignments(tree) if (path, name) in RECOGNISERS]
    return {id(sub) for root in roots for sub in ast.walk(root)}


def _assignments(tree: ast.Module) -> list[tuple[str, ast.stmt]]:
    """(name, statement) of every name the module assigns at its top level."""
    return [
        (target.id, node)
        for node in tree.body
        if isinstance(node, (ast.Assign, ast.AnnAssign))
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    ]


def indonesian_outside_wording() -> list[str]:
    found = []
    for module in product_modules():
        if package_of(module) == "wording":
            continue
        path = module.relative_to(ROOT).as_posix()
        tree = ast.parse(module.read_text(encoding="utf-8"))
        skip = _not_wording(tree, path)
        found += [f"{path}:{node.lineno}: {node.value!r}" for node in _said(tree, skip)]
    return sorted(found)


def test_no_product_module_outside_wording_says_anything_in_indonesian() -> None:
    assert indonesian_outside_wording() == []


def test_the_scan_sees_a_phrase_and_passes_what_is_not_wording() -> None:
    """The scan itself, on a made-up module: it must be able to fail."""
    tree = ast.parse(
        '"""Modul: kata pengantar tidak dihitung."""\n'
        "import re\n"
        'PATTERN = re.compile(r"\\bnomor urut (\\d+)")\n'
        'REASON = f"pengunggah: {poster}"\n'
        'KEY = "nama"\n'
        'LOG = "poster line not found"\n'
        'NONE = "tidak ada dukungan jelas"\n'
    )
    said = sorted(node.value for node in _said(tree, _not_wording(tree, "made/up.py")))
    assert said == ["pengunggah: ", "tidak ada dukungan jelas"]


def test_every_allowed_table_is_still_there() -> None:
    """An allowance for a table that was renamed or removed would excuse nothing, silently."""
    for path, name in RECOGNISERS:
        tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
        assert name in dict(_assignments(tree)), f"{path}: {name}"
