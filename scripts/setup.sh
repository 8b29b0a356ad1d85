#!/usr/bin/env bash
# Installs whatever is missing, at pinned versions, and skips what is already there:
# the wasm32 target, Chromium + ChromeDriver + nginx (Debian), Trunk, wasm-bindgen-cli, wasm-split-cli,
# leptosfmt,
# the npm tools (wasm-opt from binaryen, playwright-core, axe-core), the Python SDK venv.
# A fresh machine takes about 15 minutes (compiling Trunk dominates); a set-up one, seconds.
source "$(dirname "$0")/lib.sh"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Compiling the cargo tools is the slow part: start it first, in the background.
cargo_tools() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    echo "installing trunk $TRUNK_VERSION (about 9 minutes on 2 cores)"
    cargo install "trunk@$TRUNK_VERSION" --locked --quiet
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    echo "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
    # Its published lockfile pins a crate missing from the index, so no --locked here.
    CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback \
      cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --force --quiet
  fi
  # wasm-split-cli has no --version: ask cargo what it installed.
  if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    echo "installing wasm_split_cli_support $WASM_SPLIT_VERSION (about 1 minute)"
    cargo install wasm_split_cli_support --version "=$WASM_SPLIT_VERSION" --features build-binary --locked --force --quiet
  fi
  if [ "$(leptosfmt --version 2>/dev/null)" != "leptosfmt $LEPTOSFMT_VERSION" ]; then
    echo "installing leptosfmt $LEPTOSFMT_VERSION (about 2 minutes)"
    cargo install leptosfmt --version "=$LEPTOSFMT_VERSION" --locked --force --quiet
  fi
}
cargo_tools > "${TMPDIR:-/tmp}/swr-share-cargo-tools.log" 2>&1 &
tools_pid=$!

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
# Sends the build's precompressed .br files (deploy/nginx/swr-share-brotli.conf).
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(libnginx-mod-http-brotli-static)
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm ci only when package-lock.json changed since the last install.
if ! cmp -s package-lock.json node_modules/.swr-share-lock 2>/dev/null; then
  say "npm ci (binaryen, esbuild, playwright-core, axe-core)"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.swr-share-lock
fi

# The official Huawei Cloud SDK for the emulator's fidelity test, in a project venv.
req=emulator/tests/sdk/requirements.txt
if ! cmp -s "$req" .venv/.swr-share-req 2>/dev/null; then
  say "python venv .venv with $(grep -v '^#' "$req" | tr '\n' ' ')"
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check -r "$req"
  cp "$req" .venv/.swr-share-req
fi

cargo fetch --quiet

if ! wait "$tools_pid"; then
  cat "${TMPDIR:-/tmp}/swr-share-cargo-tools.log" >&2
  echo "setup: installing trunk, wasm-bindgen-cli, wasm-split-cli or leptosfmt failed (log above)" >&2
  exit 1
fi
[ "$(wasm-opt --version)" = "wasm-opt version 132 (version_132)" ] || { echo "setup: wrong wasm-opt on PATH" >&2; exit 1; }
echo "setup: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version | cut -d' ' -f1-3), $(chromium --version 2>/dev/null | head -1)"
