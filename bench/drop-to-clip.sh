#!/usr/bin/env bash
# Measures start-up time and the time from dropping a brief to a delivered clip, on the embedded sandbox with zero
# render time (so the numbers are the hub's own overhead plus FFmpeg rendering). Needs `mvn -DskipTests package`.
#   bench/drop-to-clip.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
PORT="${PORT:-18080}"
HOME_DIR="$(mktemp -d)"
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$HOME_DIR"' EXIT

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
START=$(date +%s%N)
java -jar target/reelhub.jar --server.port="$PORT" --reelhub.home="$HOME_DIR" \
    --reelhub.sandbox.render-time=0s --reelhub.intake.folder.stable-window-ms=500 \
    --reelhub.intake.folder.poll-interval-ms=250 --reelhub.dispatch.tick=100ms >"$HOME_DIR/hub.log" 2>&1 &
PID=$!
until curl -sf "localhost:$PORT/actuator/health" >/dev/null; do sleep 0.1; done
echo "start-up (process start to healthy): $(( ($(date +%s%N) - START) / 1000000 )) ms;" \
     "Spring reports: $(grep -o 'Started ReelHubApplication in [0-9.]* seconds' "$HOME_DIR/hub.log")"

for i in $(seq 1 "$RUNS"); do
    sed "s/^id: neon-street/id: bench-$i/" examples/briefs/neon-street.yaml >"$HOME_DIR/.bench-$i.tmp"
    T0=$(date +%s%N)
    mv "$HOME_DIR/.bench-$i.tmp" "$HOME_DIR/inbox/bench-$i.yaml"
    until [ -f "$HOME_DIR/bins/acme-spring/bench-$i/sh010_v001.reelhub.json" ]; do sleep 0.05; done
    echo "run $i: drop to delivered clip $(( ($(date +%s%N) - T0) / 1000000 )) ms"
done
