#!/usr/bin/env bash
# Installs what Netra needs on a fresh Debian machine, idempotently:
# tesseract with Indonesian + English data, the shared libraries opencv needs for the PP-OCR
# engine (libgl1, libglib2.0-0), the fonts the test generator renders with, and a virtualenv
# in .venv with the project (PP-OCR's models come inside its wheel) and its test extras.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(tesseract-ocr tesseract-ocr-ind tesseract-ocr-eng libgl1 libglib2.0-0
              fonts-dejavu-core fonts-liberation fonts-roboto fonts-noto-core
              fonts-dancingscript fonts-bebas-neue fonts-lato fonts-comic-neue fonts-noto-color-emoji
              fonts-lobster fonts-kaushanscript)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  echo "bootstrap: installing ${missing[*]}" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
stamp=.venv/.netra-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/pip install -q --upgrade pip >/dev/null
  .venv/bin/pip install -q -e '.[test]'
  touch "$stamp"
fi
