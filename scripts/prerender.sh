#!/usr/bin/env bash
# Trunk post_build hook (Trunk.toml): renders the app with the bundled data into the staging
# folder Trunk is about to publish as dist/ (index.html, country/<iso3>/index.html, preview
# images). Natively, in the dev profile the tests already compiled.
# ATLAS_PRERENDER=0 skips it: dist/ is then Trunk's own output (an empty #app the wasm renders
# into, data fetched), the "before" of the benchmark's first-paint section. Either way Trunk's
# un-prerendered index.html is kept as target/prerender/index.trunk.html for that comparison.
set -euo pipefail
cd "${TRUNK_SOURCE_DIR:-$(dirname "${BASH_SOURCE[0]}")/..}"
STAGING="${TRUNK_STAGING_DIR:-dist}"
if ! grep -q 'id="atlas-data"' "$STAGING/index.html" 2>/dev/null; then
  mkdir -p target/prerender
  cp "$STAGING/index.html" target/prerender/index.trunk.html
fi
if [ "${ATLAS_PRERENDER:-1}" = "0" ]; then
  echo "prerender.sh: ATLAS_PRERENDER=0, not prerendering" >&2
  exit 0
fi
exec cargo run --locked --quiet --bin atlas-prerender -- "$STAGING"
