#!/usr/bin/env bash
# Installs what building the widget needs, idempotently and without downloads from outside the
# package registries: the wasm32 target, Trunk 0.21.14, wasm-bindgen-cli at the exact version in
# Cargo.lock, and the pinned npm packages (wasm-opt from binaryen@132.0.0, world-atlas, …).
# Source it (". scripts/setup.sh") to get PATH set up, or run it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

TRUNK_VERSION=0.21.14
if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (takes a few minutes the first time)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

WBG_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)"
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WBG_VERSION"; then
  say "installing wasm-bindgen-cli $WBG_VERSION (matches Cargo.lock)"
  # Not --locked: its own lockfile pins a crate version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION"
fi

# The preview images' font (atlas-prerender): DejaVu Sans from Debian's fonts-dejavu-core,
# unless ATLAS_FONT names another TTF/OTF.
if [ -z "${ATLAS_FONT:-}" ] && [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  say "installing fonts-dejavu-core (the preview images' font)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq fonts-dejavu-core >/dev/null
fi
# Chinese glyphs for the Chinese home page's preview image (and the Chinese screenshots):
# Debian's fonts-wqy-microhei, which the preview loads beside the main font when present.
if [ ! -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then
  say "installing fonts-wqy-microhei (Chinese glyphs for the previews)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq fonts-wqy-microhei >/dev/null || { apt-get update -qq && apt-get install -y -qq fonts-wqy-microhei >/dev/null; }
fi

# npm packages, pinned by package-lock.json (and package.json's overrides, which pin the
# dependencies Lighthouse's trace engine declares as "latest": npm ci rejects the lockfile when
# the registry's "latest" moves on). Reinstall when either file changes.
STAMP="node_modules/.lock-stamp"
if [ ! -f "$STAMP" ] || ! cat package.json package-lock.json | cmp -s - "$STAMP"; then
  say "installing npm packages (npm ci)"
  # A registry connection that stalls mid-download hangs npm ci with no error (seen here: 17 min
  # with no byte after 413 fetches); a fresh install takes 1-4 min, so stop an attempt after
  # 10 min and try again (npm's cache keeps what arrived).
  for attempt in 1 2 3; do
    if timeout 600 npm ci --no-audit --no-fund --loglevel=error; then break; fi
    if [ "$attempt" = 3 ]; then echo "npm ci failed 3 times" >&2; exit 1; fi
    say "npm ci did not finish (attempt $attempt of 3), trying again"
  done
  cat package.json package-lock.json > "$STAMP"
fi

# Trunk must find wasm-opt 132 from npm, never Debian's binaryen 108 (which cannot read current wasm).
if ! wasm-opt --version 2>/dev/null | grep -q "version 132"; then
  echo "wasm-opt on PATH is not binaryen 132 ($(command -v wasm-opt || echo none)); expected node_modules/.bin/wasm-opt" >&2
  exit 1
fi
export TRUNK_SKIP_VERSION_CHECK=true
