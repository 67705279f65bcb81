#!/usr/bin/env bash
# Rate-limit benchmark: N briefs spread over three models against a separate sandbox process that allows
# LIMIT creations per model per minute (sliding window) and answers 429 beyond it. The hub is told the same limit.
# Prints: briefs delivered, 429s the sandbox had to send (the hub's fault), and the achieved submit rate per model.
#   bench/rate-limit.sh [briefs] [limit-per-minute]      (needs `mvn -DskipTests package`)
# Extra hub arguments (e.g. pointing models at other sandbox protocols) can be given in HUB_ARGS.
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

# shellcheck disable=SC2086
java -Xmx1g -jar target/reelhub.jar --server.port="$HUB_PORT" --reelhub.home="$WORK/hub" \
    --reelhub.sandbox.enabled=false \
    --reelhub.providers.sandbox.base-url="http://127.0.0.1:$SANDBOX_PORT/sandbox/openai/v1" \
    --reelhub.limits.providers.sandbox.requests-per-minute="$LIMIT" \
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
python3 - "$WORK/counters.json" "$SANDBOX_PORT" "$LIMIT" <<'PY'
import json, sys, urllib.request
counters = json.load(open(sys.argv[1]))
port, limit = sys.argv[2], int(sys.argv[3])
print("paid submissions per model:", counters["submissions"])
print("429s sent by the provider (caused by the hub):", counters["rejectedSubmissions"].get("429", 0))
created, after = {}, None
while True:
    url = f"http://127.0.0.1:{port}/sandbox/openai/v1/videos?limit=100&order=asc" + (f"&after={after}" if after else "")
    req = urllib.request.Request(url, headers={"Authorization": "Bearer bench"})
    page = json.load(urllib.request.urlopen(req))
    for v in page["data"]:
        created.setdefault(v["model"], []).append(v["created_at"])
    if not page.get("has_more"):
        break
    after = page["last_id"]
for model, times in sorted(created.items()):
    times.sort()
    span = times[-1] - times[0]
    # rate over the steady part: all submits after the first minute's burst
    steady = [t for t in times if t >= times[0] + 60]
    rate = (len(steady) - 1) / ((steady[-1] - steady[0]) / 60) if len(steady) > 2 and steady[-1] > steady[0] else float("nan")
    print(f"{model}: {len(times)} submits over {span} s; steady rate {rate:.1f}/min ({100 * rate / limit:.1f} % of the limit)")
PY
