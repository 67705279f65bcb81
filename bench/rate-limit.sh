#!/usr/bin/env bash
# Rate-limit benchmark: N briefs spread over three models against a separate sandbox process that allows
# LIMIT creations per model per minute (sliding window) and answers 429 beyond it. The hub is told the same limit.
# Prints: briefs delivered, 429s the sandbox had to send (the hub's fault), and the achieved submit rate per model.
#   bench/rate-limit.sh [briefs] [limit-per-minute]      (needs `mvn -DskipTests package`)
# A short run that still measures the rate needs more briefs per model than the limit: `bench/rate-limit.sh 60 10`
# (20 per model at 10/min, about 2 minutes). DEADLINE=<seconds> stops waiting for deliveries and reports what the
# provider saw so far. WORKERS and SUBMIT_WORKERS set the hub's two worker lanes.
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
    --reelhub.dispatch.workers="${WORKERS:-32}" --reelhub.dispatch.submit-workers="${SUBMIT_WORKERS:-2}" \
    --reelhub.dispatch.tick=100ms \
    --reelhub.intake.folder.stable-window-ms=300 ${HUB_ARGS:-} \
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
    ELAPSED=$(( $(date +%s) - START ))
    echo "  $ELAPSED s: delivered $DONE, failed $FAILED"
    [ $((DONE + FAILED)) -ge "$BRIEFS" ] && break
    if [ -n "${DEADLINE:-}" ] && [ "$ELAPSED" -ge "$DEADLINE" ]; then
        echo "  deadline of $DEADLINE s reached: reporting what the provider saw so far"
        break
    fi
    sleep 10
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

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
    # the most submits the provider saw in any 60 s (must never pass the limit)
    busiest = max(sum(1 for t in times if start <= t < start + 60) for start in times)
    print(f"{protocol}/{model}: busiest 60 s window {busiest} (limit {limit})")
    # every window admits `limit` more after the first: the sustained rate is what came after the first window's
    sustained = (len(times) - limit) / span * 60 if span > 0 and len(times) > limit else float("nan")
    print(f"{protocol}/{model}: {len(times)} submits over {span:.0f} s; sustained {sustained:.1f}/min"
          f" ({100 * sustained / limit:.1f} % of the limit)")
    # how soon each slot was used once the sliding window freed it: submit i can go 60 s after submit i-limit.
    # Unlike the span above this does not depend on how long the first burst took, so it also reads short runs.
    lags = sorted(times[i] - times[i - limit] - 60 for i in range(limit, len(times)))
    if lags:
        mean = sum(lags) / len(lags)
        steady = limit / (60 + mean) * 60
        print(f"{protocol}/{model}: slot lag mean {mean:.1f} s, median {lags[len(lags) // 2]:.1f} s,"
              f" max {lags[-1]:.1f} s; steady rate {steady:.1f}/min ({100 * steady / limit:.1f} % of the limit)")
PY
