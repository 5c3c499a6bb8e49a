#!/bin/bash
# bench-big.sh — big maps, every figure beside its peer, in one run:
#   - the whole layout against `sfdp` (time, peak memory, overlaps, stress)
#     at 1,000, 5,000, 20,000 and 50,000 actors (bench-quality);
#   - the whole SVG export against `sfdp -Tsvg` at 20,000 actors;
#   - open → first frame of an un-laid-out map against xdot (through sfdp)
#     at 1,000 and 5,000 actors (bench-app --no-positions; xdot if installed);
#   - reading against `xmllint --stream` and igraph (bench-read);
#   - frame times at 20,000 and 100,000 actors (bench-render);
#   - the window's memory with a laid-out 20,000-actor map against the
#     `sfdp` program's peak on the same graph.
#
#   tests/bench/bench-big.sh [BUILD_DIR]   (default: build; a release build
#                                           gives the figures that count)
# Needs a display for the window figures: run under xvfb-run, or it starts
# one itself when xvfb-run is installed.
set -u
B=$(realpath "${1:-build}")
M=$B/src/maillage
T=$(mktemp -d /tmp/bench-big-XXXXXX)
trap 'rm -rf "$T"' EXIT
export MAILLAGE_BIN=$M

if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$@"
fi

echo "== layout against sfdp (bench-quality)"
"$B/tests/bench/bench-quality" --actors 1000,5000,20000,50000 "$M"

echo "== whole SVG export at 20,000 actors"
"$B/tests/bench/gen-map" --actors 20000 --relations 60000 -o "$T/m20k.graphml"
# The bare structure for sfdp, as a user would give it.
awk 'BEGIN { print "graph G {" }
     /<edge / { match($0, /source="[^"]+"/); s = substr($0, RSTART + 8, RLENGTH - 9);
                match($0, /target="[^"]+"/); t = substr($0, RSTART + 8, RLENGTH - 9);
                printf "  \"%s\" -- \"%s\";\n", s, t }
     END { print "}" }' "$T/m20k.graphml" > "$T/m20k.gv"
/usr/bin/time -f "  maillage --export out.svg --layout sfdp  %U+%S s CPU  %e s wall  %M kB peak" \
  "$M" "$T/m20k.graphml" --export "$T/ours.svg" --layout sfdp
/usr/bin/time -f "  sfdp -Tsvg (same structure)             %U+%S s CPU  %e s wall  %M kB peak" \
  sfdp -Tsvg "$T/m20k.gv" -o "$T/sfdp.svg"

echo "== open → first frame of a map without positions, against xdot"
for n in 1000 5000; do
  "$B/tests/bench/bench-app" --actors $n --relations $((3 * n)) --no-positions --frames 3 2>/dev/null |
    grep -E "bench-app:|open to"
  if command -v xdot >/dev/null; then
    "$B/tests/bench/gen-map" --actors $n --relations $((3 * n)) -o "$T/x.graphml"
    awk 'BEGIN { print "graph G {\n  layout=sfdp;\n  node [shape=box, width=0.55, height=0.55];" }
         /<edge / { match($0, /source="[^"]+"/); s = substr($0, RSTART + 8, RLENGTH - 9);
                    match($0, /target="[^"]+"/); t = substr($0, RSTART + 8, RLENGTH - 9);
                    printf "  \"%s\" -- \"%s\";\n", s, t }
         END { print "}" }' "$T/x.graphml" > "$T/x.dot"
    start=$(date +%s.%N)
    xdot "$T/x.dot" >/dev/null 2>&1 &
    P=$!
    sleep 0.3
    prev=-1
    # Laid out (its dot child gone) and drawn (xdot idle for half a second).
    while kill -0 $P 2>/dev/null; do
      if pgrep -P $P >/dev/null; then sleep 0.2; continue; fi
      t=$(awk '{ print $14 + $15 }' /proc/$P/stat)
      [ "$t" = "$prev" ] && break
      prev=$t
      sleep 0.5
    done
    end=$(date +%s.%N)
    kill $P 2>/dev/null
    echo "  xdot (sfdp), $n actors: graph drawn after $(echo "$end - $start - 0.5" | bc) s"
  else
    echo "  xdot not installed: no comparison (apt-get install xdot)"
  fi
done

echo "== reading (bench-read)"
"$B/tests/bench/bench-read" 2>/dev/null | head -20

echo "== frames (bench-render)"
"$B/tests/bench/bench-render" 20000 60000 31 | grep -E "bench-render|frame"
"$B/tests/bench/bench-render" 100000 300000 11 | grep -E "bench-render|frame"

echo "== window memory with a laid-out 20,000-actor map, against sfdp"
"$B/tests/bench/gen-map" --actors 20000 --relations 60000 --positions -o "$T/p20k.graphml"
rss () { grep VmRSS /proc/$1/status | awk '{ print $2 }'; }
GSETTINGS_SCHEMA_DIR=$B/data "$M" >/dev/null 2>&1 &
P=$!
sleep 6
empty=$(rss $P)
kill $P
GSETTINGS_SCHEMA_DIR=$B/data "$M" "$T/p20k.graphml" >/dev/null 2>&1 &
P=$!
sleep 15
full=$(rss $P)
kill $P
echo "  window: $((empty / 1024)) MB empty, $((full / 1024)) MB with the map: $(((full - empty) / 1024)) MB for the map"
/usr/bin/time -f "  sfdp -Tsvg on the same graph: %M kB peak" sfdp -Tsvg "$T/m20k.gv" -o /dev/null
