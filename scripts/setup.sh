#!/usr/bin/env bash
# Set up everything Circular Studio needs on a Debian/Ubuntu machine, idempotently:
# system packages (LibreOffice writer, Arabic fonts, poppler, xvfb, Qt's libraries, spelling
# dictionaries) when missing, then a virtual environment in .venv with the project installed.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  libreoffice-writer-nogui   # DOCX -> PDF export and the layout tests
  fonts-hosny-amiri fonts-noto-core   # Arabic fonts (Amiri, Noto Naskh Arabic)
  poppler-utils              # pdftotext/pdftoppm for layout checks
  xvfb xauth                 # a virtual screen for screenshots and headless runs
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
  libxcb-render-util0 libxcb-image0   # what Qt's xcb platform needs on a bare machine
  libenchant-2-2 hunspell-ar hunspell-fr hunspell-en-us   # spelling dictionaries
)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.circular-studio-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "setup: installing Python packages into .venv"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test]"
  touch "$stamp"
fi
