#!/usr/bin/env bash
# Set up, build and run Maillage, or its tests, on Debian 12.
#
#   build-aux/maillage-dev.sh run [ARGS…]   install what is missing, build, open the example map
#   build-aux/maillage-dev.sh test          install what is missing, build, run every test under Xvfb
#   build-aux/maillage-dev.sh bench         build, then run the benchmarks (prints figures)
#   build-aux/maillage-dev.sh fuzz [SECONDS] libFuzzer targets (tests/fuzz), SECONDS each (default 1800)
#   build-aux/maillage-dev.sh sanitize      the whole suite under ASan+UBSan (in build-sanitize)
#
# Installing needs root (sudo is used when available and needed).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
builddir=${MAILLAGE_BUILDDIR:-build}

# Debian 12 packages: build, runtime, and what the tests use.
packages=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libxml2-dev libxml2-utils zlib1g-dev
  libgraphviz-dev graphviz libcairo2-dev libpng-dev libpango1.0-dev libjson-glib-dev
  libgtk-4-dev libadwaita-1-dev libglib-testing-0-dev libigraph-dev
  libgsf-1-dev
  desktop-file-utils appstream
  librsvg2-common adwaita-icon-theme
  xvfb xauth poppler-utils librsvg2-bin fonts-cantarell fonts-dejavu-core locales
  fonts-noto-cjk
  clang libclang-rt-14-dev
)

install_missing() {
  local missing=() p
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}" >&2
    "${sudo[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q "${missing[@]}"
  fi
  # Font caches built once, before tests run side by side and draw text.
  if command -v fc-cache >/dev/null 2>&1; then
    fc-cache >/dev/null 2>&1 || true
  fi
  # A locale with a decimal comma, for the test that layout numbers never
  # follow the locale (it is skipped without one).
  if ! locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$'; then
    "${sudo[@]}" localedef -i fr_FR -f UTF-8 fr_FR.UTF-8 || true
  fi
}

build() {
  if [ ! -f "$builddir/build.ninja" ]; then
    meson setup "$builddir" -Dwerror=true
  fi
  meson compile -C "$builddir"
}

# $1: the status of the short fuzz run (a failed fuzzer counts as a failure).
run_tests() {
  local status=0 log="$builddir/meson-logs/testlog.txt" fuzz_status=${1:-0}
  xvfb-run -a -s "-screen 0 1600x1000x24" \
    meson test -C "$builddir" --print-errorlogs --num-processes 2 || status=$?
  # One line with the count of test cases (TAP lines of every GTest program).
  local passed failed skipped failed_programs
  passed=$(grep -cE '^ok [0-9]+' "$log" || true)
  skipped=$(grep -cE '^ok [0-9]+.*# SKIP' "$log" || true)
  failed=$(grep -E '^not ok [0-9]+' "$log" | grep -vc '# TODO' || true)
  passed=$((passed - skipped))
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    # A program that crashed or timed out before printing a "not ok" line.
    failed_programs=$(grep -cE '^ *[0-9]+/[0-9]+ .*(FAIL|TIMEOUT|ERROR)' "$log" || true)
    failed=$(( failed_programs > 0 ? failed_programs : 1 ))
  fi
  if [ "$fuzz_status" -ne 0 ]; then
    failed=$((failed + 1))
    [ "$status" -ne 0 ] || status=$fuzz_status
  fi
  echo "$passed passed, $failed failed, $skipped skipped"
  return "$status"
}

# libFuzzer targets, built with clang, ASan and UBSan in their own folder.
fuzzdir=${MAILLAGE_FUZZ_BUILDDIR:-build-fuzz}
fuzz_build() {
  if [ ! -f "$fuzzdir/build.ninja" ]; then
    CC=clang meson setup "$fuzzdir" -Dfuzzing=true -Db_sanitize=address,undefined \
      -Db_lundef=false -Dbuildtype=debugoptimized "$@"
  elif [ $# -gt 0 ]; then
    meson configure "$fuzzdir" "$@"
  fi
  meson compile -C "$fuzzdir" tests/fuzz/fuzz-graphml-read tests/fuzz/fuzz-graphml-roundtrip \
    tests/fuzz/fuzz-sheet-read
}

# The short run of the test command (about 60 s per target), when clang
# and its libFuzzer runtime are there.
run_short_fuzz() {
  if ! command -v clang >/dev/null || ! echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n){return 0;}' |
       clang -x c -fsanitize=fuzzer -o /dev/null - 2>/dev/null; then
    echo "fuzz: skipped (no clang with libFuzzer)" >&2
    return 0
  fi
  fuzz_build -Dfuzz_seconds="${MAILLAGE_FUZZ_SECONDS:-60}"
  ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    meson test -C "$fuzzdir" --suite fuzz --print-errorlogs
}

cmd=${1:-run}
shift || true
case "$cmd" in
  run)
    install_missing
    build
    export GSETTINGS_SCHEMA_DIR="$root/$builddir/data"
    export MAILLAGE_DATA_DIR="$root/data"
    exec "$builddir/src/maillage" "${@:-data/maps/clermont-auvergne.graphml}"
    ;;
  test)
    install_missing
    build
    # The fuzzers first, so that the count of test cases closes the output.
    fuzz_status=0
    run_short_fuzz || fuzz_status=$?
    run_tests "$fuzz_status"
    ;;
  bench)
    install_missing
    build
    meson test -C "$builddir" --benchmark --verbose
    ;;
  fuzz)
    install_missing
    seconds=${1:-1800}
    fuzz_build
    for target in fuzz-graphml-read fuzz-graphml-roundtrip fuzz-sheet-read; do
      case "$target" in
        fuzz-sheet-*) dict=sheet.dict seeds=sheet-seeds ;;
        *) dict=graphml.dict seeds=seeds ;;
      esac
      mkdir -p "$fuzzdir/tests/fuzz/$target-corpus"
      corpus=$(cd "$fuzzdir/tests/fuzz/$target-corpus" && pwd)
      echo "== $target: $seconds s (new inputs in $corpus; crashes in $fuzzdir/tests/fuzz)" >&2
      (cd "$fuzzdir/tests/fuzz" &&
       ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
         "./$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2560 -max_len=65536 \
           -dict="$root/tests/fuzz/$dict" -print_final_stats=1 \
           "$corpus" "$root/tests/fuzz/$seeds")
    done
    ;;
  sanitize)
    install_missing
    builddir=${MAILLAGE_SANITIZE_BUILDDIR:-build-sanitize}
    if [ ! -f "$builddir/build.ninja" ]; then
      meson setup "$builddir" -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
    fi
    meson compile -C "$builddir"
    # tests/meson.build adds the unwinder options and tests/lsan.supp; the
    # slow unwinder makes every test several times slower.
    xvfb-run -a -s "-screen 0 1600x1000x24" \
      meson test -C "$builddir" --print-errorlogs --num-processes 2 --timeout-multiplier 6
    ;;
  *)
    echo "usage: $0 run|test|bench" >&2
    echo "       $0 fuzz [SECONDS]|sanitize" >&2
    exit 2
    ;;
esac
