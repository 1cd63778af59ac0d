#!/usr/bin/env bash
# Trunk post_build hook (Trunk.toml): renders the app with the bundled data into the staging
# folder Trunk is about to publish as dist/ (index.html, country/<iso3>/index.html, preview
# images). Natively, in the dev profile the tests already compiled.
set -euo pipefail
cd "${TRUNK_SOURCE_DIR:-$(dirname "${BASH_SOURCE[0]}")/..}"
exec cargo run --locked --quiet --bin atlas-prerender -- "${TRUNK_STAGING_DIR:-dist}"
