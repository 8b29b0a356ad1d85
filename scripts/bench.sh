#!/usr/bin/env bash
# Builds the release bundle and records in BENCHMARKS.md its size and load time, and the
# console against the vanilla reference page (bench/run.mjs; pass --runs N to change 15).
source "$(dirname "$0")/lib.sh"
"$ROOT/scripts/setup.sh"
cargo build --quiet -p swr-emulator
trunk build --release
node scripts/bench.mjs dist
# The console against the hand-written vanilla page (bench/vanilla/), ratios in one run.
node bench/run.mjs "$@"
