#!/usr/bin/env bash
# Runs the whole test suite (installing tesseract and the virtualenv first when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/bootstrap.sh
exec .venv/bin/python -m pytest "$@"
