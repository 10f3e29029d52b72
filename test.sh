#!/usr/bin/env bash
# Set up if needed, then run the whole test suite (core, CLI, LibreOffice layout, GUI offscreen,
# benchmarks once each). Extra arguments go to pytest, e.g. ./test.sh -m "not gui".
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
