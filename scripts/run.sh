#!/usr/bin/env bash
# Sets up what is missing, builds the release bundle into dist/, starts the SWR emulator
# with its demo data and serves the app beside a same-origin proxy to it (scripts/serve.mjs,
# with the production Content-Security-Policy), then prints the URL and a demo token.
# Ctrl-C stops both. Ports: SWR_SHARE_PORT (8080) and SWR_EMULATOR_PORT (8180); more
# emulator flags in SWR_EMULATOR_ARGS (e.g. "--rate-limit 20", emulator/README.md).
#
# Nothing here watches files or reloads the page: after changing the code, stop it and run
# it again (the build is incremental). Run files (logs, the demo token) go to .run/.
source "$(dirname "$0")/lib.sh"
"$ROOT/scripts/setup.sh"

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$EMULATOR_PORT" "$APP_PORT"; do
  if port_busy "$p"; then
    echo "run: port $p is in use; stop what uses it, or choose others with SWR_SHARE_PORT and SWR_EMULATOR_PORT." >&2
    exit 1
  fi
done

say "building the emulator"
cargo build --quiet -p swr-emulator

say "building the app (release, into dist/; the first build takes a minute or two)"
mkdir -p .run
if ! trunk build --release > .run/build.log 2>&1; then
  cat .run/build.log >&2
  echo "run: trunk build failed (log above, also in .run/build.log)" >&2
  exit 1
fi

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  # Wait for them, so both ports are free when this script has ended.
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  pids=()
}
goodbye() {
  trap - INT TERM
  cleanup
  echo "run: stopped; both servers are down. Bye."
  exit 0
}
trap cleanup EXIT
trap goodbye INT TERM

rm -f .run/demo-token
# SWR_EMULATOR_ARGS is split into words on purpose: it holds flags.
# shellcheck disable=SC2086
target/debug/swr-emulator --port "$EMULATOR_PORT" --token-file .run/demo-token ${SWR_EMULATOR_ARGS:-} > .run/emulator.log 2>&1 &
pids+=($!)
node scripts/serve.mjs dist "http://127.0.0.1:$EMULATOR_PORT" "$APP_PORT" > .run/server.log 2>&1 &
pids+=($!)

# Both up, or a loud failure with their logs.
for _ in $(seq 1 300); do
  if [ -s .run/demo-token ] && curl -fs "http://127.0.0.1:$APP_PORT/config.json" >/dev/null 2>&1; then
    break
  fi
  for i in 0 1; do
    if ! kill -0 "${pids[$i]}" 2>/dev/null; then
      echo "run: the $([ "$i" = 0 ] && echo emulator || echo app server) stopped:" >&2
      cat .run/emulator.log .run/server.log >&2
      exit 1
    fi
  done
  sleep 0.1
done
if ! curl -fs "http://127.0.0.1:$APP_PORT/config.json" >/dev/null 2>&1; then
  cat .run/emulator.log .run/server.log >&2
  echo "run: the app did not answer on port $APP_PORT within 30 s" >&2
  exit 1
fi

cat <<MSG

  swr-share is running against the SWR emulator.

  Open:        http://127.0.0.1:$APP_PORT/?namespace=acme-prod&repository=payments-api
  Demo token:  $(cat .run/demo-token)
               (paste it into "IAM token"; valid 24 h)
  Or sign in:  user alice, password Demo-Passw0rd, account acme (see emulator/README.md)
  Virtual MFA: user mia (same password and account); her code:
               curl -s http://127.0.0.1:$EMULATOR_PORT/_emulator/totp/mia

  Emulator:    http://127.0.0.1:$EMULATOR_PORT  (controls under /_emulator; log in .run/emulator.log)
  Ctrl-C stops both.
MSG
status=0
wait -n "${pids[@]}" || status=$?
# Ctrl-C reaches the servers too, and one may end before this shell's trap runs: a server
# ended by SIGINT or SIGTERM (status 130 or 143) is the user stopping it, not a crash.
if [ "$status" = 130 ] || [ "$status" = 143 ]; then
  goodbye
fi
echo "run: a server stopped on its own (status $status, logs in .run/); stopping the other." >&2
exit 1
