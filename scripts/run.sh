#!/usr/bin/env bash
# Sets up what is missing, starts the SWR emulator with its demo data and serves the app
# (Trunk, with a same-origin proxy to the emulator), then prints the URL and a demo token.
# Ctrl-C stops both.
source "$(dirname "$0")/lib.sh"
"$ROOT/scripts/setup.sh"

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$EMULATOR_PORT" "$APP_PORT"; do
  if port_busy "$p"; then
    echo "run: port $p is in use; stop what uses it (Trunk.toml proxies to 8180 and serves on 8080)." >&2
    exit 1
  fi
done

say "building the emulator"
cargo build --quiet -p swr-emulator
mkdir -p .run
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

target/debug/swr-emulator --port "$EMULATOR_PORT" --token-file .run/demo-token > .run/emulator.log 2>&1 &
pids+=($!)

say "building and serving the app (first build takes a minute or two)"
trunk serve --port "$APP_PORT" > .run/trunk.log 2>&1 &
pids+=($!)
until curl -fs "http://127.0.0.1:$APP_PORT/" >/dev/null 2>&1; do
  if ! kill -0 "${pids[1]}" 2>/dev/null; then cat .run/trunk.log >&2; echo "run: trunk serve stopped" >&2; exit 1; fi
  sleep 1
done

cat <<MSG

  swr-share is running against the SWR emulator.

  Open:        http://127.0.0.1:$APP_PORT/?namespace=acme-prod&repository=payments-api
  Demo token:  $(cat .run/demo-token)
               (paste it into "IAM token"; valid 24 h)
  Or sign in:  user alice, password Demo-Passw0rd, account acme (see emulator/README.md)

  Emulator:    http://127.0.0.1:$EMULATOR_PORT  (controls under /_emulator; log in .run/emulator.log)
  Ctrl-C stops both.
MSG
wait
