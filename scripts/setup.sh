#!/usr/bin/env bash
# Set up everything Circular Studio needs on a Debian/Ubuntu machine, idempotently:
# system packages (LibreOffice writer, Arabic fonts, poppler, xvfb, Qt's libraries, spelling
# dictionaries) when missing, then a virtual environment in .venv with the project installed.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  libreoffice-writer-nogui   # DOCX -> PDF export and the layout tests
  fonts-hosny-amiri fonts-noto-core   # Arabic fonts (Amiri, Noto Naskh Arabic)
  fonts-noto-cjk             # Chinese (Noto Sans/Serif CJK)
  fonts-crosextra-carlito fonts-crosextra-caladea   # metric twins of Calibri and Cambria
  poppler-utils              # pdftotext/pdftoppm for layout checks
  xvfb xauth                 # a virtual screen for screenshots and headless runs
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 "libglib2.0-0t64|libglib2.0-0"
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
  libxcb-render-util0 libxcb-image0   # what Qt's xcb platform needs on a bare machine
  libenchant-2-2 hunspell-ar hunspell-fr hunspell-en-us hunspell-en-gb hunspell-es hunspell-ru   # spelling dictionaries
  iso-codes                  # ISO 3166 names and their translations (the addressee register)
)

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
apt_updated=""
apt_install() {  # install the given packages; one by one if the batch fails, warning on each failure
  [ -n "$apt_updated" ] || { $SUDO apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null && return 0
  for pkg in "$@"; do
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$pkg" >/dev/null \
      || echo "setup: warning: could not install $pkg" >&2
  done
}

missing=()
if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  for spec in "${APT_PACKAGES[@]}"; do
    IFS='|' read -r -a names <<< "$spec"   # "new-name|old-name": whichever this release has
    have=""
    for name in "${names[@]}"; do installed "$name" && have=1 && break; done
    [ -n "$have" ] && continue
    [ ${#names[@]} -gt 1 ] || { missing+=("${names[0]}"); continue; }
    [ -n "$apt_updated" ] || { $SUDO apt-get update -qq; apt_updated=1; }
    for name in "${names[@]}"; do
      if apt-cache show "$name" >/dev/null 2>&1; then missing+=("$name"); break; fi
    done
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing system packages: ${missing[*]}"
    apt_install "${missing[@]}"
  fi
else
  echo "setup: not a Debian system: install LibreOffice, an Arabic font (Amiri), poppler, xvfb and Hunspell dictionaries yourself" >&2
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  if ! "$PYTHON" -m venv .venv 2>/dev/null; then
    rm -rf .venv   # Debian's python3 needs python3-venv for this
    command -v apt-get >/dev/null && apt_install python3-venv
    "$PYTHON" -m venv .venv
  fi
fi
stamp=.venv/.circular-studio-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "setup: installing Python packages into .venv"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test]"
  touch "$stamp"
fi
