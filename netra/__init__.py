"""Netra's analysis pipeline and services, below the Telegram adapter: `analysis` (one
screenshot to a verdict), `services` (what the running product holds), `intake`, `worker`,
`digest`, `export`, `housekeeping`, `config`; and the bundled examples (`EXAMPLES`: a
roster, an election file and labelled screenshots, shipped as package data)."""

from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent / "examples"
