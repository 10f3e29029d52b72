#!/usr/bin/env bash
# Set up if needed, then open Circular Studio on the bundled example letters.
# Without a screen (no DISPLAY), it runs under xvfb-run.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh
examples=(resources/examples/seed-001.json resources/examples/seed-000.json
          resources/examples/seed-002.json resources/examples/seed-004.json)
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
  exec xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/circular-studio "${examples[@]}" "$@"
fi
exec .venv/bin/circular-studio "${examples[@]}" "$@"
