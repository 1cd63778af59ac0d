#!/usr/bin/env bash
# Benchmarks the release build and writes docs/BENCHMARKS.md (keeping earlier runs in its History
# table): transfer sizes, navigation → interactive map, year change → next frame, memory, Lighthouse.
# Takes about two minutes after the build. Knobs: BENCH_RUNS (default 15), BENCH_CHANGES (default 60),
# BENCH_LIGHTHOUSE=0, BENCH_DIST (build into and serve another directory than dist/, e.g.
# target/bench-dist, so a concurrent `trunk build` cannot replace files mid-run).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/setup.sh
DIST_DIR="${BENCH_DIST:-dist}"
trunk build --release --offline --dist "$DIST_DIR"
node scripts/offline.mjs "$DIST_DIR"
exec node scripts/bench.mjs "$DIST_DIR"
