# Shared by the scripts: paths, pinned versions, PATH.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
# Must equal the wasm-bindgen crate version in Cargo.toml (pinned there with =).
WASM_BINDGEN_VERSION="0.2.130"
# The split step of scripts/split-wasm.mjs (its wasm-split-cli binary); the app's
# wasm_split_helpers (Cargo.toml) must speak the same format, 0.2.x: the hook checks it.
WASM_SPLIT_VERSION="0.2.4"
export WASM_SPLIT_VERSION
# The view! formatter checked by scripts/test.sh (leptosfmt.toml).
LEPTOSFMT_VERSION="0.1.33"
EMULATOR_PORT="${SWR_EMULATOR_PORT:-8180}"
APP_PORT="${SWR_SHARE_PORT:-8080}"

export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
export TRUNK_SKIP_VERSION_CHECK=true

say() { printf '\n==> %s\n' "$*"; }
