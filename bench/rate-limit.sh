#!/usr/bin/env bash
# Rate-limit benchmark: N briefs spread over three models against a separate sandbox process that allows
# LIMIT creations per model per minute (sliding window) and answers 429 beyond it. The hub is told the same limit.
# Prints: briefs delivered, 429s the sandbox had to send (the hub's fault), and the achieved submit rate per model.
#   bench/rate-limit.sh [briefs] [limit-per-minute]      (needs `mvn -DskipTests package`)
# PROTOCOLS=3 (default) sends kling-2.1 through the Kling protocol, veo-3.1 through Runway's and wan-2.2 through the
# OpenAI-compatible one, all spoken by the same sandbox. Extra hub arguments can be given in HUB_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."
BRIEFS="${1:-1000}"
LIMIT="${2:-60}"
MODELS="${MODELS:-veo-3.1 kling-2.1 wan-2.2}"
SANDBOX_PORT="${SANDBOX_PORT:-19300}"
HUB_PORT="${HUB_PORT:-19080}"
WORK="$(mktemp -d)"
trap 'kill $HUB_PID $SANDBOX_PID 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
java -Xmx1g -jar target/reelhub.jar sandbox --server.port="$SANDBOX_PORT" --reelhub.home="$WORK/provider" \
    --reelhub.sandbox.render-time=1s --reelhub.sandbox.render-threads=2 --reelhub.sandbox.poll-after=2s \
    --reelhub.sandbox.rate-limit.requests="$LIMIT" --reelhub.sandbox.rate-limit.window=60s \
    >"$WORK/sandbox.log" 2>&1 &
SANDBOX_PID=$!
until curl -sf "localhost:$SANDBOX_PORT/sandbox/admin/counters" >/dev/null; do sleep 0.5; done

if [ "${PROTOCOLS:-3}" = 3 ]; then
    export KLING_ACCESS_KEY=bench-access KLING_SECRET_KEY=bench-secret RUNWAY_API_KEY=bench-key
    HUB_ARGS="${HUB_ARGS:-} --reelhub.providers.kling.base-url=http://127.0.0.1:$SANDBOX_PORT/sandbox/kling"
    HUB_ARGS="$HUB_ARGS --reelhub.providers.runway.base-url=http://127.0.0.1:$SANDBOX_PORT/sandbox/runway"
fi
# shellcheck disable=SC2086
java -Xmx1g -jar target/reelhub.jar --server.port="$HUB_PORT" --reelhub.home="$WORK/hub" \
    --reelhub.sandbox.enabled=false \
    --reelhub.providers.sandbox.base-url="http://127.0.0.1:$SANDBOX_PORT/sandbox/openai/v1" \
    --reelhub.limits.providers.sandbox.requests-per-minute="$LIMIT" \
    --reelhub.limits.providers.kling.requests-per-minute="$LIMIT" \
    --reelhub.limits.providers.runway.requests-per-minute="$LIMIT" \
    --reelhub.dispatch.workers=8 --reelhub.intake.folder.stable-window-ms=300 ${HUB_ARGS:-} \
    >"$WORK/hub.log" 2>&1 &
HUB_PID=$!
until curl -sf "localhost:$HUB_PORT/actuator/health" >/dev/null; do sleep 0.5; done

set -- $MODELS
COUNT=$#
for i in $(seq 1 "$BRIEFS"); do
    idx=$(( (i - 1) % COUNT + 1 ))
    model="${!idx}"
    printf 'brief: 1\nid: bench-%05d\nproject: bench\nmodel: %s\nprompt: A lighthouse beam sweeps over a dark sea, then a gull crosses it, number %d\n' \
        "$i" "$model" "$i" >"$WORK/.b$i.tmp"
    case "$model" in kling-2.1) echo 'params: {seconds: 5, size: 1920x1080}' >>"$WORK/.b$i.tmp" ;;
                     wan-2.2) echo 'params: {seconds: 5, size: 1280x720}' >>"$WORK/.b$i.tmp" ;;
                     *) echo 'params: {seconds: 4, size: 1280x720}' >>"$WORK/.b$i.tmp" ;; esac
    mv "$WORK/.b$i.tmp" "$WORK/hub/inbox/bench-$i.yaml"
done
START=$(date +%s)
echo "dropped $BRIEFS briefs over $COUNT models, limit $LIMIT/min/model"

while true; do
    DONE=$(curl -s "localhost:$HUB_PORT/api/jobs?project=bench&state=DELIVERED&limit=1000" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
    FAILED=$(curl -s "localhost:$HUB_PORT/api/jobs?project=bench&state=FAILED&limit=1000" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
    echo "  $(( $(date +%s) - START )) s: delivered $DONE, failed $FAILED"
    [ $((DONE + FAILED)) -ge "$BRIEFS" ] && break
    sleep 30
done

curl -s "localhost:$SANDBOX_PORT/sandbox/admin/counters" >"$WORK/counters.json"
python3 - "$WORK/counters.json" "$WORK/provider/sandbox/videos" "$LIMIT" <<'PY'
import glob, json, os, sys
from datetime import datetime
counters = json.load(open(sys.argv[1]))
limit = int(sys.argv[3])
print("paid submissions per model:", counters.get("submissions"))
print("refusals by status (OpenAI protocol):", counters.get("rejectedSubmissions"))
print("refusals by protocol:", counters.get("protocolRejections"))
created = {}
for path in glob.glob(os.path.join(sys.argv[2], "*.json")):
    video = json.load(open(path))
    at = datetime.fromisoformat(video["createdAt"].replace("Z", "+00:00")).timestamp()
    created.setdefault((video.get("protocol"), video["model"]), []).append(at)
for (protocol, model), times in sorted(created.items()):
    times.sort()
    span = times[-1] - times[0]
    # every window admits `limit` more after the first: the sustained rate is what came after the first window's
    sustained = (len(times) - limit) / span * 60 if span > 0 and len(times) > limit else float("nan")
    print(f"{protocol}/{model}: {len(times)} submits over {span:.0f} s; sustained {sustained:.1f}/min"
          f" ({100 * sustained / limit:.1f} % of the limit)")
PY
