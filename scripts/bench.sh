#!/usr/bin/env bash
# Builds the release bundle and records its size and load time in BENCHMARKS.md.
source "$(dirname "$0")/lib.sh"
"$ROOT/scripts/setup.sh"
cargo build --quiet -p swr-emulator
trunk build --release
node scripts/bench.mjs dist
