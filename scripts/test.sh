#!/usr/bin/env bash
# Sets up what is missing, then runs every test: formatting and lints, host tests (API
# client, domain model, emulator over HTTP), the official Python SDK against the
# emulator, component tests in headless Chromium, the release build, and the browser
# end-to-end suite behind the shipped nginx config (and the run command's Node server's own tests).
source "$(dirname "$0")/lib.sh"
# Every step has a time limit (timeout(1) ends it and fails the run), generous for a fresh
# 2-core machine; the whole run stays well inside CI's 90 minutes.
step() { local limit=$1; shift; timeout --kill-after=30s "$limit" "$@"; }
step 40m "$ROOT/scripts/setup.sh"

say "cargo fmt --check, leptosfmt --check (the view! macros), clippy"
step 2m cargo fmt --all -- --check
step 2m leptosfmt --quiet --check src
step 15m cargo clippy --quiet --workspace --all-targets -- -D warnings

say "host tests: api, model, emulator"
step 15m cargo test --workspace

say "official Huawei Cloud SDK against the emulator"
SWR_EMULATOR_BIN="$ROOT/target/debug/swr-emulator" step 5m .venv/bin/python -m pytest -q emulator/tests/sdk

say "component tests in headless Chromium"
step 15m cargo test -p swr-share --target wasm32-unknown-unknown --test web --test dialogs

say "release build, and the first-load guard (brotli bytes, deterministic: BENCHMARKS.md)"
step 15m trunk build --release
step 1m node scripts/first-load.mjs dist --max-kb 200

say "benchmark harness, one run (a smoke test: figures are recorded by scripts/bench.sh)"
step 10m node bench/run.mjs --smoke

# On failure the suite keeps a screenshot and a Playwright trace per scenario.
trap 'status=$?; if [ $status -ne 0 ] && [ -d end2end/test-results ]; then echo "end-to-end failure artefacts in $ROOT/end2end/test-results:"; ls end2end/test-results; fi' EXIT
rm -rf end2end/test-results

say "browser end-to-end suite, behind Debian's nginx with deploy/nginx/ (the production path)"
# The Node server of the run command has its own tests in the suite (serve, run-command).
# Each test file (and each test in it) has 10 minutes; the step as a whole has 25.
step 25m node --test --test-concurrency=1 --test-timeout=600000 end2end/tests/
