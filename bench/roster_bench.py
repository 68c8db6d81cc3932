"""Roster import/index/match benchmark on synthetic Indonesian rosters (deterministic).

Why: a province-wide roster can reach a million rows; the bot must import it in seconds
and answer `match()` in milliseconds. Run: `.venv/bin/python bench/roster_bench.py`
(`--sizes 10000` for a quick run). Prints a Markdown table.

`--rows N --cache DIR` measures the index saved to a file and shared (`RosterIndex.cached`):
the build (import, index, save) in one process, the open in a fresh one, then the memory of
one and of `--procs` processes that opened it and matched the posters (sums of PSS and USS
from /proc/PID/smaps_rollup), and match p50/p95 in the opened index.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rules.roster import parse_roster
from rules.roster_index import RosterIndex
from rules.roster_index.stored import roster_digest
from rules.types import Poster, RosterEntry

GIVEN = [
    "Budi",
    "Agus",
    "Andi",
    "Ahmad",
    "Muhammad",
    "Rina",
    "Sri",
    "Dewi",
    "Siti",
    "Nur",
    "Eko",
    "Dwi",
    "Tri",
    "Joko",
    "Bambang",
    "Hendra",
    "Rudi",
    "Yanto",
    "Suryanto",
    "Wahyu",
    "Indra",
    "Ayu",
    "Fitri",
    "Ratna",
    "Yuni",
    "Yuli",
    "Lestari",
    "Intan",
    "Putri",
    "Dian",
    "Fajar",
    "Rizki",
    "Arif",
    "Hadi",
    "Iwan",
    "Dedi",
    "Asep",
    "Ujang",
    "Yusuf",
    "Ilham",
    "Rahmat",
    "Taufik",
    "Hasan",
    "Husein",
    "Wasis",
    "Radit",
    "Zelaya",
    "Cagak",
    "Eva",
    "Caraka",
    "Elvina",
    "Warta",
    "Jasmin",
    "Rendy",
    "Ophelia",
    "Ida",
    "Latika",
    "Gangsa",
    "Harjo",
    "Tami",
    "Kusuma",
    "Damu",
    "Janet",
    "Bagus",
    "Tomi",
    "Anita",
    "Irma",
    "Puspa",
    "Aisyah",
    "Mala",
    "Kani",
    "Yohanes",
    "Maria",
    "Paulus",
    "Agnes",
    "Kristina",
    "Ketut",
    "Made",
    "Wayan",
    "Nyoman",
    "Komang",
    "Teguh",
    "Slamet",
    "Sugeng",
    "Sumarni",
    "Sulastri",
    "Suparman",
    "Sukardi",
    "Soeharto",
    "Djoko",
    "Tjahjo",
    "Mochammad",
    "Achmad",
    "Chairul",
    "Syahrul",
    "Nurhayati",
    "Rosmawati",
    "Hartono",
    "Haryanto",
    "Wijaya",
    "Santoso",
    "Gunawan",
]
FAMILY = [
    "Santoso",
    "Wibowo",
    "Saputra",
    "Hidayat",
    "Kurniawan",
    "Setiawan",
    "Pratama",
    "Nugroho",
    "Wijaya",
    "Lestari",
    "Susanti",
    "Rahayu",
    "Handayani",
    "Purnama",
    "Siregar",
    "Nasution",
    "Harahap",
    "Lubis",
    "Simanjuntak",
    "Sitompul",
    "Hutapea",
    "Marbun",
    "Tambunan",
    "Pardede",
    "Manurung",
    "Sihombing",
    "Situmorang",
    "Panjaitan",
    "Ginting",
    "Tarigan",
    "Sembiring",
    "Wacana",
    "Waskita",
    "Irawan",
    "Mandala",
    "Iswahyudi",
    "Puspita",
    "Widiastuti",
    "Wulandari",
    "Permadi",
    "Prasetyo",
    "Hasibuan",
    "Daulay",
    "Ritonga",
    "Rangkuti",
    "Halim",
    "Tanjung",
    "Chaniago",
    "Koto",
    "Piliang",
    "Sikumbang",
    "Effendi",
    "Syahputra",
    "Ramadhan",
    "Firmansyah",
    "Hermawan",
    "Suryadi",
    "Sudirman",
    "Mulyadi",
    "Supriyadi",
    "Sutrisno",
    "Suharto",
    "Sumarno",
    "Widodo",
    "Utomo",
    "Purwanto",
    "Hartanto",
    "Kusuma",
    "Wardana",
    "Permana",
    "Maulana",
    "Hakim",
    "Fauzi",
    "Rasyid",
    "Anwar",
    "Yusuf",
    "Latupono",
    "Pattinama",
    "Rumbewas",
    "Wenda",
    "Kogoya",
    "Mandagi",
    "Sondakh",
    "Tumbelaka",
    "Lumbantobing",
    "Napitupulu",
    "Batubara",
]
PREFIX = ("Drs.", "Dra.", "Ir.", "dr.", "drg.", "H.", "Hj.", "Dr.", "Prof. Dr.")
DEGREE = ("S.Pd.", "S.E.", "S.H.", "S.Sos.", "S.Kom.", "S.T.", "M.Si.", "M.M.", "A.Md.",
          "S.Kep., Ns.", "S.Pd., M.Pd.", "S.KM", "M.Kes.")  # fmt: skip
UNITS = (
    "Dinas Kesehatan", "Dinas Pendidikan", "BKPSDM", "Bappeda", "Bapenda",
    "Badan Pengelola Keuangan Daerah", "Inspektorat", "Sekretariat Daerah",
    "Satuan Polisi Pamong Praja", "Dinas Kependudukan dan Pencatatan Sipil", "Dinas Sosial",
    "Dinas Perhubungan", "Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas Lingkungan Hidup",
    "Dinas Komunikasi dan Informatika", "Dinas Perdagangan dan Perindustrian", "BPBD",
    "RSUD Depati Hamzah",
)  # fmt: skip
PLACES = ("Bacang", "Opas Indah", "Gerunggang", "Bukit Intan", "Taman Sari", "Rangkui",
          "Girimaya", "Pangkalbalam", "Bukit Merapin", "Air Itam", "Semabung Lama")  # fmt: skip
SHORT = {
    "Dinas Kesehatan": "Dinkes", "Dinas Pendidikan": "Disdik", "BKPSDM": "BKD",
    "Bappeda": "Bappeda", "Bapenda": "Bapenda", "Badan Pengelola Keuangan Daerah": "BPKAD",
    "Inspektorat": "Inspektorat", "Sekretariat Daerah": "Setda",
    "Satuan Polisi Pamong Praja": "Satpol PP",
    "Dinas Kependudukan dan Pencatatan Sipil": "Dukcapil", "Dinas Sosial": "Dinsos",
    "Dinas Perhubungan": "Dishub", "Dinas Pekerjaan Umum dan Penataan Ruang": "PUPR",
    "Dinas Lingkungan Hidup": "DLH", "Dinas Komunikasi dan Informatika": "Kominfo",
    "Dinas Perdagangan dan Perindustrian": "Disperindag", "BPBD": "BPBD",
    "RSUD Depati Hamzah": "RSUD",
}  # fmt: skip
JABATAN = ("Analis Kebijakan", "Guru Ahli Muda", "Perawat Terampil", "Kepala Seksi",
           "Pengelola Keuangan", "Staf Pelaksana", "Pranata Komputer", "Penyuluh")  # fmt: skip
HONORIFIC = ("Pak", "Bapak", "Bu", "Ibu", "Mas", "Mbak", "Kak", "Bang", "Bp.", "Ibuk")


def _nip(rng: random.Random, seq: int) -> str:
    y = rng.randint(1962, 2000)
    birth = f"{y}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    start = rng.randint(y + 19, min(y + 40, 2023))
    if rng.random() < 0.15:
        mid = f"{max(start, 2019)}2{rng.randint(1, 9)}"  # PPPK
    else:
        mid = f"{start}{rng.randint(1, 12):02d}"
    return f"{birth}{mid}{rng.randint(1, 2)}{seq % 1000:03d}"


def synth_entries(n: int, seed: int = 7) -> list[RosterEntry]:
    """n roster entries with realistic names, titles, units, phones and handles."""
    rng = random.Random(seed)
    out: list[RosterEntry] = []
    seen: set[str] = set()
    seq = 0
    while len(out) < n:
        seq += 1
        nip = _nip(rng, seq)
        if nip in seen:
            continue
        seen.add(nip)
        r = rng.random()
        if r < 0.06:
            core = rng.choice(GIVEN)
        elif r < 0.75:
            core = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
        else:
            core = f"{rng.choice(GIVEN)} {rng.choice(GIVEN)} {rng.choice(FAMILY)}"
        nama = core
        if rng.random() < 0.3:
            nama = f"{rng.choice(PREFIX)} {nama}"
        if rng.random() < 0.4:
            nama = f"{nama}, {rng.choice(DEGREE)}"
        u = rng.random()
        if u < 0.2:
            unit = f"Kelurahan {rng.choice(PLACES)}"
        elif u < 0.3:
            unit = f"Kecamatan {rng.choice(PLACES)}"
        elif u < 0.4:
            unit = f"SD Negeri {rng.randint(1, 60)} Pangkalpinang"
        else:
            unit = rng.choice(UNITS)
        phone = f"+628{rng.randint(10**8, 10**11 - 1)}" if rng.random() < 0.6 else None
        handle = None
        if rng.random() < 0.45:
            parts = core.lower().split()
            style = rng.random()
            if style < 0.4:
                handle = f"{parts[0]}{rng.randint(1, 9999)}"
            elif style < 0.7:
                handle = f"{'.'.join(parts)}{rng.randint(1, 99)}"
            else:
                handle = f"{''.join(parts)}_{rng.randint(1, 999)}"
        out.append(
            RosterEntry(nip, nama, rng.choice(JABATAN), unit, "Pemerintah Kota X", phone, handle)
        )
    return out


def to_csv(entries: list[RosterEntry]) -> bytes:
    """CSV bytes as a BKPSDM export would look (local 08xx phones, @handles)."""
    lines = ["NIP,Nama,Jabatan,Unit Kerja,Instansi,No HP,Instagram"]
    for e in entries:
        nama = f'"{e.nama}"' if "," in e.nama else e.nama
        phone = "0" + e.phone[3:] if e.phone else ""
        ig = "@" + e.instagram if e.instagram else ""
        lines.append(f"{e.nip},{nama},{e.jabatan},{e.unit_kerja},{e.instansi},{phone},{ig}")
    return ("\n".join(lines) + "\n").encode()


def _ocr_typo(rng: random.Random, s: str) -> str:
    swaps = (("l", "I"), ("o", "0"), ("m", "rn"), ("i", "l"), ("e", "c"), ("a", "o"))
    for a, b in rng.sample(swaps, len(swaps)):
        if a in s:
            j = s.index(a)
            return s[:j] + b + s[j + len(a) :]
    return s


def synth_posters(entries: list[RosterEntry], n: int, seed: int = 11) -> list[Poster]:
    """Usernames (exact/OCR), phones, and contact names with honorifics/units/typos."""
    rng = random.Random(seed)
    out: list[Poster] = []
    while len(out) < n:
        e = rng.choice(entries)
        r = rng.random()
        words = e.nama.split(",")[0].split()
        words = [w for w in words if not w.endswith(".")] or words
        if r < 0.25 and e.instagram:
            h = e.instagram if rng.random() < 0.7 else _ocr_typo(rng, e.instagram)
            out.append(Poster("username", h))
        elif r < 0.35:
            out.append(Poster("username", f"{rng.choice(GIVEN).lower()}{rng.randint(1, 999)}"))
        elif r < 0.5 and e.phone:
            p = e.phone
            out.append(Poster("phone", f"+62 {p[3:6]}-{p[6:10]}-{p[10:]}"))
        elif r < 0.7:
            unit = e.unit_kerja
            hint = SHORT.get(unit) or unit.replace("Kelurahan", "Kel.").replace("Kecamatan", "Kec")
            hint = hint.replace("SD Negeri", "SDN").replace(" Pangkalpinang", "")
            out.append(Poster("contact_name", f"{rng.choice(HONORIFIC)} {words[0]} {hint}"))
        elif r < 0.85:
            name = " ".join(words)
            if rng.random() < 0.3:
                name = _ocr_typo(rng, name)
            out.append(Poster("contact_name", f"{rng.choice(HONORIFIC)} {name}"))
        else:
            decoy = rng.choice(("Sepupu", "Kantor", "Tetangga", "RT 05", "Grup Arisan"))
            out.append(Poster("contact_name", f"{rng.choice(HONORIFIC)} {words[-1]} {decoy}"))
    return out


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def generate(size: int, n_posters: int, out: Path) -> None:
    """Write roster.csv and posters.tsv (run in its own process: keeps RSS figures clean)."""
    entries = synth_entries(size)
    (out / "roster.csv").write_bytes(to_csv(entries))
    posters = synth_posters(entries, n_posters)
    (out / "posters.tsv").write_text("".join(f"{p.kind}\t{p.text}\n" for p in posters))


def measure(out: Path) -> dict[str, float]:
    """Import, index and match in a fresh process; RSS deltas from the process baseline."""
    posters = [
        Poster(*line.split("\t", 1)) for line in (out / "posters.tsv").read_text().splitlines()
    ]
    gc.collect()
    rss0 = _rss_mb()
    data = (out / "roster.csv").read_bytes()
    csv_mb = len(data) / 2**20
    t = time.perf_counter()
    load = parse_roster(data, "roster.csv")
    t_import = time.perf_counter() - t
    del data
    gc.collect()
    rss_entries = _rss_mb() - rss0
    peak_import = _peak_mb() - rss0
    t = time.perf_counter()
    index = RosterIndex(load.entries)
    t_build = time.perf_counter() - t
    n_entries = len(load.entries)
    peak_all = _peak_mb() - rss0
    del load
    gc.collect()
    rss_index = _rss_mb() - rss0
    index.match(posters[0])
    lat: dict[str, list[float]] = {"username": [], "phone": [], "contact_name": []}
    for p in posters:
        t = time.perf_counter()
        index.match(p)
        lat[p.kind].append((time.perf_counter() - t) * 1000)
    every = sorted(x for v in lat.values() for x in v)
    row: dict[str, float] = {
        "rows": n_entries,
        "csv MB": csv_mb,
        "import s": t_import,
        "import peak MB": peak_import,
        "entries MB": rss_entries,
        "build s": t_build,
        "peak MB": peak_all,
        "index MB": rss_index,
        "match median ms": statistics.median(every),
        "match p95 ms": statistics.quantiles(every, n=100)[94],
    }
    for kind, v in lat.items():
        row[f"{kind} median/p95 ms"] = statistics.median(v)
        row[f"{kind} p95 ms"] = statistics.quantiles(v, n=100)[94]
    return row


def _smaps(pid: int) -> dict[str, float]:
    """Rss, Pss and USS (private pages) of a process in MB, from /proc/PID/smaps_rollup."""
    kb: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        key, value = line.split(":", 1)
        kb[key] = int(value.split()[0])
    return {
        "rss": kb["Rss"] / 1024,
        "pss": kb["Pss"] / 1024,
        "uss": (kb["Private_Clean"] + kb["Private_Dirty"]) / 1024,
    }


def cached_build(out: Path, cache: Path) -> dict[str, float]:
    """Import the CSV, build the index and save it (what the first process of a machine does)."""
    data = (out / "roster.csv").read_bytes()
    t = time.perf_counter()
    entries = parse_roster(data, "roster.csv").entries
    t_import = time.perf_counter() - t
    t = time.perf_counter()
    index = RosterIndex(entries)
    t_index = time.perf_counter() - t
    t = time.perf_counter()
    index.save(cache / f"roster-{roster_digest(data)}.idx", roster_digest(data))
    t_save = time.perf_counter() - t
    size = (cache / f"roster-{roster_digest(data)}.idx").stat().st_size / 2**20
    return {"import s": t_import, "index s": t_index, "save s": t_save, "file MB": size}


def cached_serve(out: Path, cache: Path) -> None:
    """Open the saved index in this fresh process, match every poster, report, then wait
    (the parent reads this process's memory) until stdin closes."""
    posters = [
        Poster(*line.split("\t", 1)) for line in (out / "posters.tsv").read_text().splitlines()
    ]
    gc.collect()
    before = _smaps(os.getpid())
    rss0 = _rss_mb()
    # As the services do: the roster file is read (its SHA-256 names the index), then let go.
    data = (out / "roster.csv").read_bytes()
    t = time.perf_counter()
    digest = roster_digest(data)
    index = RosterIndex.open(cache / f"roster-{digest}.idx", digest)  # never rebuilt here
    t_open = time.perf_counter() - t
    del data
    gc.collect()
    rss_open = _rss_mb() - rss0
    lat = []
    kinds: dict[str, list[float]] = {}
    for p in posters:
        t = time.perf_counter()
        index.match(p)
        lat.append((time.perf_counter() - t) * 1000)
        kinds.setdefault(p.kind, []).append(lat[-1])
    print(
        json.dumps(
            {
                "open s": t_open,
                "RSS after open MB": rss_open,
                "match p50 ms": statistics.median(lat),
                "match p95 ms": statistics.quantiles(lat, n=100)[94],
                "before": before,
                "kinds": {
                    k: f"{statistics.median(v):.2f} / {statistics.quantiles(v, n=100)[94]:.2f}"
                    for k, v in kinds.items()
                },
            }
        ),
        flush=True,
    )
    sys.stdin.read()


def cached_main(rows: int, cache: Path, n_posters: int, procs: int, rebuild: bool) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    out = cache / f"bench-{rows}"
    out.mkdir(exist_ok=True)
    me = [sys.executable, __file__, "--dir", str(out), "--posters", str(n_posters)]
    if not (out / "posters.tsv").exists():
        subprocess.run([*me, "--generate", str(rows)], check=True)
    if rebuild:
        for old in cache.glob("roster-*.idx"):
            old.unlink()
        t = time.perf_counter()
        res = subprocess.run(
            [*me, "--cache", str(cache), "--build"], check=True, capture_output=True, text=True
        )
        built = json.loads(res.stdout) | {"build process s": time.perf_counter() - t}
        print(f"rows {rows}: build {json.dumps(built)}")
    for n in (1, procs):
        # One after the other (each stays alive, its pages mapped): on two cores, processes
        # matching at once would measure the scheduler, not the index.
        children, reports = [], []
        for _ in range(n):
            child = subprocess.Popen(
                [*me, "--cache", str(cache), "--serve"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            children.append(child)
            reports.append(json.loads(child.stdout.readline()))  # type: ignore[union-attr]
        mem = [_smaps(c.pid) for c in children]
        print(f"  p50 / p95 ms by kind of poster, first process: {reports[0]['kinds']}")
        for c in children:
            c.stdin.close()  # type: ignore[union-attr]
            c.wait()
        total = {k: sum(m[k] for m in mem) for k in ("rss", "pss", "uss")}
        base = {k: sum(r["before"][k] for r in reports) for k in ("rss", "pss", "uss")}
        print(
            f"{n} process(es): PSS sum {total['pss']:.0f} MB ({total['pss'] - base['pss']:.0f} "
            f"above the processes' baselines), USS sum {total['uss']:.0f} MB "
            f"({total['uss'] - base['uss']:.0f} above), RSS sum {total['rss']:.0f} MB; "
            "per process: "
            + "; ".join(
                f"open {r['open s']:.2f} s, RSS +{r['RSS after open MB']:.0f} MB after open, "
                f"match p50 {r['match p50 ms']:.2f} / "
                f"p95 {r['match p95 ms']:.2f} ms"
                for r in reports
            )
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="10000,1000000")
    ap.add_argument("--posters", type=int, default=3000)
    ap.add_argument("--generate", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--dir", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--rows", type=int, help="with --cache: the saved, shared index")
    ap.add_argument("--cache", type=Path, help="folder for the saved index (and bench data)")
    ap.add_argument("--procs", type=int, default=4, help="processes sharing the saved index")
    ap.add_argument("--reuse", action="store_true", help="keep the index saved by a run before")
    ap.add_argument("--build", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.build:
        print(json.dumps(cached_build(args.dir, args.cache)))
        return
    if args.serve:
        cached_serve(args.dir, args.cache)
        return
    if args.rows and args.cache:
        cached_main(args.rows, args.cache, args.posters, args.procs, not args.reuse)
        return
    if args.generate:
        generate(args.generate, args.posters, args.dir)
        return
    if args.measure:
        print(json.dumps(measure(args.dir)))
        return
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            me = [sys.executable, __file__, "--dir", tmp, "--posters", str(args.posters)]
            subprocess.run([*me, "--generate", str(size)], check=True)
            res = subprocess.run([*me, "--measure"], check=True, capture_output=True, text=True)
            rows.append(json.loads(res.stdout))
    cols = [c.replace(" median/p95 ms", " median ms") for c in rows[0]]
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for r in rows:
        cells = [str(int(v)) if k == "rows" else f"{v:.2f}" for k, v in r.items()]
        print("| " + " | ".join(cells) + " |")
    print(f"\npython {sys.version.split()[0]}; MB = RSS above the process baseline")


if __name__ == "__main__":
    main()
