#!/usr/bin/env bash
# Runs the whole test suite (installing tesseract and the virtualenv first when missing),
# one pytest worker per core (pytest-xdist; a test file's tests stay on one worker, so the
# screenshots a file renders and reads are shared as before). `-n 0` runs it in one process.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/bootstrap.sh
exec .venv/bin/python -m pytest -n auto --dist loadfile "$@"
