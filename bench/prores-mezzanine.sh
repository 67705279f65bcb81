#!/usr/bin/env bash
# Measures the ProRes 422 mezzanine transcode the editing bin runs when `prores` is on (the ffmpeg arguments of
# io.reelhub.media.ProresMezzanine), on 8 s H.264 clips at 720p and 1080p, 24 fps, with stereo AAC.
# Uses the ffmpeg shipped in the bytedeco jar, extracted by any earlier run of the hub or its tests
# (or FFMPEG=/path/to/ffmpeg).
#   bench/prores-mezzanine.sh [runs]
set -euo pipefail
RUNS="${1:-3}"
FFMPEG="${FFMPEG:-$(find "$HOME/.javacpp/cache" -path '*ffmpeg-6.1.1*' -name ffmpeg -type f 2>/dev/null | head -1)}"
[ -x "$FFMPEG" ] || { echo "no ffmpeg: run the hub or its tests once, or set FFMPEG" >&2; exit 1; }
export LD_LIBRARY_PATH="$(dirname "$FFMPEG")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("$FFMPEG" -version | head -1)"
for SIZE in 1280x720 1920x1080; do
    "$FFMPEG" -hide_banner -loglevel error -f lavfi -i "testsrc2=size=$SIZE:rate=24" \
        -f lavfi -i sine=frequency=440:sample_rate=48000 -t 8 -c:v libopenh264 -b:v 8M -pix_fmt yuv420p \
        -c:a aac -ac 2 "$WORK/src-$SIZE.mp4"
    for i in $(seq 1 "$RUNS"); do
        T0=$(date +%s%N)
        "$FFMPEG" -hide_banner -nostdin -loglevel error -i "$WORK/src-$SIZE.mp4" -map 0:v:0 -map '0:a?' \
            -c:v prores_ks -profile:v 2 -pix_fmt yuv422p10le -c:a pcm_s16le -map_metadata -1 \
            -fflags +bitexact -flags:v +bitexact -flags:a +bitexact -f mov -y "$WORK/out-$SIZE.mov"
        MS=$(( ($(date +%s%N) - T0) / 1000000 ))
        echo "$SIZE run $i: $MS ms for 192 frames ($(( 192000 / MS )) fps);" \
             "mp4 $(( $(stat -c %s "$WORK/src-$SIZE.mp4") / 1048576 )) MiB," \
             "mov $(( $(stat -c %s "$WORK/out-$SIZE.mov") / 1048576 )) MiB"
    done
done
