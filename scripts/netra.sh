#!/usr/bin/env bash
# Runs the `netra` command (installing tesseract and the virtualenv first when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/bootstrap.sh
exec .venv/bin/netra "$@"
