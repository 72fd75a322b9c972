#!/usr/bin/env bash
# Reruns FaultsIT's signal test (a SIGTERM/SIGINT during Spark's start-up, planning, compute and commit)
# many times in a row, in a fresh clone of HEAD, as CI would see it: a rare flake needs many runs to show.
#   job-tests/signal-loop.sh [--runs N] [--busy]
# --busy keeps both cores busy (two `yes > /dev/null`) for the whole loop. Stops at the first failure
# and prints its report; exit 0 only when every run passed. The clone is built once (mvn package).
set -euo pipefail
runs=10 busy=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift ;;
    --busy) busy=1 ;;
    *) echo "usage: $0 [--runs N] [--busy]" >&2; exit 2 ;;
  esac
  shift
done
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/allpairs-signal-loop.XXXXXX")
pids=()
cleanup() { for p in ${pids[@]+"${pids[@]}"}; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
git clone -q "$root" "$work/clone"
cd "$work/clone"
echo "signal-loop: $(git rev-parse --short HEAD), $runs runs, busy=$busy, in $work/clone" >&2
mvn -B -q -DskipTests package > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
if [ "$busy" = 1 ]; then
  for _ in 1 2; do yes > /dev/null & pids+=($!); done
fi
# A background job of a shell without job control starts with SIGINT ignored, and a JVM keeps an ignored
# SIGINT ignored: job control (set -m) keeps the test's runs signalable.
set -m
for i in $(seq 1 "$runs"); do
  start=$(date +%s)
  if ! mvn -B -q -pl job,job-tests verify -Dit.test='FaultsIT#aSignal*' -Dtest=none \
      -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false > "$work/run-$i.log" 2>&1; then
    echo "signal-loop: run $i of $runs FAILED after $(( $(date +%s) - start )) s" >&2
    cat job-tests/target/failsafe-reports/allpairs.e2e.FaultsIT.txt >&2 || cat "$work/run-$i.log" >&2
    exit 1
  fi
  echo "signal-loop: run $i of $runs passed ($(( $(date +%s) - start )) s)" >&2
done
echo "signal-loop: all $runs runs passed (busy=$busy)" >&2
