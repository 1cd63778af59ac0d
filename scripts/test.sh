#!/usr/bin/env bash
# Command 2: install the test dependencies and run every test layer; exits non-zero on any failure.
#   1. native cargo tests (data, validation, CSV, geometry, state, SSR-rendered components)
#   2. the validator on the shipped data, and a check that the geometry asset is up to date
#   3. wasm-bindgen-test in headless Chromium
#   4. release build with Trunk, then end-to-end tests with playwright-core against it
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
step() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v pdftotext >/dev/null; then
  step "installing Chromium, ChromeDriver and poppler-utils (pdftotext, for the handout PDF test) (Debian packages)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver poppler-utils >/dev/null
fi
# A font with Chinese glyphs, so screenshots of the Chinese interface show text, not boxes.
if ! fc-list 2>/dev/null | grep -qi "wqy"; then
  step "installing a CJK font (Debian fonts-wqy-microhei)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq fonts-wqy-microhei >/dev/null || { apt-get update -qq && apt-get install -y -qq fonts-wqy-microhei >/dev/null; }
fi
. scripts/setup.sh

step "native tests"
cargo test --locked

step "validator on the shipped data"
cargo run --locked --quiet --bin atlas-data -- check assets/data/atlas.json

step "geometry asset is reproducible from world-atlas + world-countries"
tmp="$(mktemp)"
cargo run --locked --quiet --bin atlas-geo -- node_modules "$tmp"
cmp "$tmp" assets/geo/world.json || { echo "assets/geo/world.json is stale: run cargo run --bin atlas-geo" >&2; exit 1; }
rm -f "$tmp"

step "language packs are reproducible from src/i18n/*.rs + world-countries"
tmpd="$(mktemp -d)"
cargo run --locked --quiet --bin atlas-i18n -- node_modules "$tmpd"
diff -r "$tmpd" assets/i18n >/dev/null || { echo "assets/i18n is stale: run cargo run --bin atlas-i18n" >&2; exit 1; }
rm -rf "$tmpd"

step "browser tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER="$(command -v chromedriver)" cargo test --locked --target wasm32-unknown-unknown --test web

step "release build"
trunk build --release --offline
# The single-file offline copy (dist/surveillance-atlas-offline.html), from the files just built.
node scripts/offline.mjs dist

step "end-to-end tests (playwright-core, release build on 127.0.0.1)"
# tests/e2e/scale.test.mjs generates its synthetic dataset with the atlas-data binary built above.
export ATLAS_DATA="$ROOT/target/debug/atlas-data"
node --test --test-concurrency=1 tests/e2e/

step "all test layers passed"
