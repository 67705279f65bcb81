#!/usr/bin/env bash
# Times the media toolkit (keyframes, contact sheet PNG/PDF, the four social reframes, the black/frozen scan) on
# sandbox clips of 4 s and 8 s at 1280x720, with the FFmpeg shipped in the jar. Record results in docs/BENCHMARKS.md.
#   bench/media.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q -DskipTests test-compile
CLASSPATH_FILE="$(mktemp)"
trap 'rm -f "$CLASSPATH_FILE"' EXIT
mvn -o -q dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE" >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "target/test-classes:target/classes:$(cat "$CLASSPATH_FILE")" io.reelhub.media.bench.MediaBench "${1:-3}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
