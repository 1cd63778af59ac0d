#!/usr/bin/env bash
# Benchmarks the release build and writes docs/BENCHMARKS.md (keeping earlier runs in its History
# table): transfer sizes, navigation → interactive map, year change → next frame, memory, Lighthouse,
# (section 6) every interaction by Event Timing on synthetic data at scales 1, 10 and 30, and
# (section 7) the first paint of the prerendered page against the same build without the prerender.
# BENCH_FIRST_PAINT_ONLY=1 runs only section 7 and replaces it in docs/BENCHMARKS.md.
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
# Section 6 generates its datasets with atlas-data (into $DIST_DIR/synth/).
cargo build --locked --quiet --bin atlas-data
exec node scripts/bench.mjs "$DIST_DIR"
