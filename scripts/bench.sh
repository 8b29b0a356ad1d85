#!/usr/bin/env bash
# Builds the release bundle and records in BENCHMARKS.md its size and load time, and the
# console against the vanilla reference page (bench/run.mjs; pass --runs N to change 15).
source "$(dirname "$0")/lib.sh"
"$ROOT/scripts/setup.sh"
# The emulator stands in for SWR: built for speed, so that its own work per request does not
# count against either page (a debug build added ≈ 5 ms per request on these 2 cores).
cargo build --quiet --release -p swr-emulator
export SWR_EMULATOR_BIN="$ROOT/target/release/swr-emulator"
trunk build --release
node scripts/bench.mjs dist
# The console against the hand-written vanilla page (bench/vanilla/), ratios in one run.
node bench/run.mjs "$@"
