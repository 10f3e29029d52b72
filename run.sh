#!/usr/bin/env bash
# Set up if needed, then open Circular Studio on a bundled example letter.
# Without a screen (no DISPLAY), it runs under xvfb-run.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh
# seed-001 has Arabic, French and English versions; File > Open Example has the others.
examples=(resources/examples/seed-001.json)
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
  exec xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/circular-studio "${examples[@]}" "$@"
fi
exec .venv/bin/circular-studio "${examples[@]}" "$@"
