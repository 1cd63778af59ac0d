#!/usr/bin/env bash
# Command 1: install what is missing, build the release bundle with the bundled data, and serve
# it on http://127.0.0.1:8080 (PORT=… to change).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/setup.sh
trunk build --release --offline
# The single-file offline copy (dist/surveillance-atlas-offline.html), from the files just built.
node scripts/offline.mjs dist
exec node scripts/serve-dist.mjs dist "${PORT:-8080}"
