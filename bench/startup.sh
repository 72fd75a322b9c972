#!/usr/bin/env bash
# bench/bench.sh startup [--runs N] [--before DIR]: where a tiny local run's wall time goes.
# A tiny run: ./submit.sh on 4 reads of 10 bases, levenshtein, .npy output (a user's smallest job).
# Per checkout (this one, and DIR, another checkout with its jar built, e.g. the commit before a change),
# interleaved round by round so that both see the same load, N times each (default 5), medians:
#   - the tiny run as a user runs it: wall and CPU (user+sys of every process);
#   - the same run traced (bench/startup-log4j2.properties: log lines with milliseconds since the JVM
#     started), split into phases at the log lines that mark them;
#   - a bare SparkSession started and stopped (allpairs.bench.BareSession, one JVM, Spark's defaults).
# Phases are medians each, so they need not add up to the total. Prints the load average before and after.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=5 BEFORE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    --before) BEFORE=$(cd "$2" && pwd); shift 2 ;;
    *) echo "usage: bench/bench.sh startup [--runs N] [--before DIR]" >&2; exit 2 ;;
  esac
done
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
BENCH_JAR="$ROOT/bench/target/benchmarks.jar"
TRACE="$ROOT/bench/startup-log4j2.properties"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/allpairs-startup.XXXXXX")
[ -n "${ALLPAIRS_BENCH_KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT # ALLPAIRS_BENCH_KEEP=1: keep the traces
printf 'ACGTACGTAC\nACGTACGTTC\nACGAACGTAC\nTTGTACGTAC\n' > "$WORK/reads.txt"
mapfile -t OPENS < "$ROOT/conf/java17-opens"
unset SPARK_HOME

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# timed OUT_PREFIX CMD...: runs CMD (stdout dropped, stderr kept), writes "START_MS END_MS CPU_S RC" to OUT_PREFIX.t
timed() {
  local out=$1 start end rc=0; shift
  start=$(now_ms)
  /usr/bin/time -o "$out.cpu" -f '%U %S' "$@" > /dev/null 2> "$out.err" || rc=$?
  end=$(now_ms)
  echo "$start $end $(awk 'END { print $1 + $2 }' "$out.cpu") $rc" > "$out.t"
}

tiny() { # tiny CHECKOUT OUT_PREFIX [spark-submit options]
  local dir=$1 out=$2; shift 2
  timed "$out" "$dir/submit.sh" "$@" -- --input "$WORK/reads.txt" --kernel levenshtein --output "$WORK/out.npy" --overwrite
}

bare() {
  timed "$1" "$JAVA" "${OPENS[@]}" -Dlog4j2.configurationFile="$TRACE" -cp "$BENCH_JAR:$ROOT/job/target/spark/jars/*" \
    allpairs.bench.BareSession
}

# phases OUT_PREFIX: one line of phase durations in ms ("-" where a marker is missing) from a traced run.
phases() {
  awk -v t="$(cat "$1.t")" '
    function at(name) { return (name in mark) ? mark[name] : -1 }
    function span(a, b) { return (at(a) < 0 || at(b) < 0) ? "-" : at(b) - at(a) }
    /^@[0-9]+ @[0-9]+ / {
      r = substr($1, 2) + 0; wall = substr($2, 2) + 0
      if (!("jvm" in mark)) { jvm = wall - r; mark["jvm"] = 0 }
      line = substr($0, index($0, $3))
      if (line ~ /^Run: checking/) mark["run"] = r
      else if (line ~ /^Run: starting Spark/) mark["spark"] = r
      else if (line ~ /^SparkContext: Running Spark version/) mark["ctx"] = r
      else if (line ~ /^BlockManager: Initialized BlockManager/) mark["bm"] = r
      else if (line ~ /^Run: Spark session started/) mark["session"] = r
      else if (line ~ /^Run: plan:/) mark["plan"] = r
      else if (line ~ /^SparkContext: Starting job/ && !("job" in mark)) mark["job"] = r
      else if (line ~ /^DAGScheduler: Job [0-9]+ finished/) mark["jobend"] = r
      else if (line ~ /^Run: wrote/) mark["wrote"] = r
      else if (line ~ /^SparkContext: Successfully stopped/) mark["stop"] = r
      else if (line ~ /^VectorSupport: Vector API warmed up in/) { split(line, w, " in "); warm = w[2] + 0 }
    }
    END {
      split(t, tt, " ")
      if (!("jvm" in mark)) { print "no trace"; exit 1 }
      mark["end"] = tt[2] - jvm
      pre = jvm - tt[1]
      # without our marks (an older checkout, the bare session) a phase runs on to the next mark there is
      if (!("session" in mark)) mark["session"] = at("bm")
      stopFrom = ("wrote" in mark) ? "wrote" : ("jobend" in mark) ? "jobend" : "session"
      printf "%s %s %s %s %s %s %s %s %s %s %s %s %s\n", pre, span("jvm", ("run" in mark) ? "run" : ("spark" in mark) ? "spark" : "ctx"),
        ("run" in mark) ? span("run", "spark") : "-", ("spark" in mark) ? span("spark", "ctx") : "-", span("ctx", "session"),
        span("session", "plan"),
        span("plan", "job"), span("job", "jobend"), span("jobend", "wrote"), span(stopFrom, "stop"), span("stop", "end"),
        (warm == "" ? "-" : warm), tt[2] - tt[1]
    }' "$1.err"
}

LABELS=("submit.sh and launcher, to the driver JVM's start" "JVM start, SparkSubmit, class loading, to our Run (*)"
  "our checks and input reading (Hadoop FS init)" "SparkSession builder, to SparkContext" "SparkContext start, to session up"
  "planning (driver)" "broadcast and job set-up" "the job: tasks, first JIT, warm-up" "commit"
  "session stop" "JVM exit (shutdown hooks)" "  of which VectorWarmup (ms)" "total (traced run)")

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# column FILE K: the median of field K over the lines of FILE (fields "-" skipped)
column() { awk -v k="$2" '$k != "-" { print $k }' "$1" | median; }

checkouts=("$ROOT")
[ -z "$BEFORE" ] || checkouts=("$BEFORE" "$ROOT")
source "$ROOT/build.sh"
build_if_needed bench.sh bench "$BENCH_JAR" "$ROOT/job/target/spark/jars" -- \
  "$ROOT/job/src" "$ROOT/bench/src" "$ROOT/job/pom.xml" "$ROOT/bench/pom.xml" "$ROOT/pom.xml"
for c in "${checkouts[@]}"; do # untimed: builds a stale jar, and a first run prepares what later runs reuse
  "$c/submit.sh" --version > /dev/null
  tiny "$c" "$WORK/warm"
done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
for ((i = 1; i <= RUNS; i++)); do
  for n in "${!checkouts[@]}"; do
    c=${checkouts[$n]}
    tiny "$c" "$WORK/plain.$n.$i"
    tiny "$c" "$WORK/trace.$n.$i" --driver-java-options "-Dlog4j2.configurationFile=$TRACE"
    [ "$(cut -d' ' -f4 "$WORK/plain.$n.$i.t")" = 0 ] || { cat "$WORK/plain.$n.$i.err" >&2; exit 1; }
    phases "$WORK/trace.$n.$i" >> "$WORK/phases.$n"
  done
  bare "$WORK/bare.$i"
  phases "$WORK/bare.$i" >> "$WORK/phases.bare"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "(*) where a checkout lacks a mark, the phase before it runs on to the next mark (the bare session: to SparkContext)"

printf '%-55s' "median of $RUNS, ms"
for c in "${checkouts[@]}"; do printf '%14s' "$(basename "$c")"; done
printf '%14s\n' "bare session"
for k in "${!LABELS[@]}"; do
  printf '%-55s' "${LABELS[$k]}"
  for n in "${!checkouts[@]}"; do printf '%14s' "$(column "$WORK/phases.$n" $((k + 1)))"; done
  printf '%14s\n' "$(column "$WORK/phases.bare" $((k + 1)))"
done
wall() { cat "$WORK"/$1.*.t | awk '{ print $2 - $1 }' | median; }
cpu() { cat "$WORK"/$1.*.t | awk '{ print int($3 * 1000) }' | median; }
bare_wall=$(cat "$WORK"/bare.*.t | awk '{ print $2 - $1 }' | median)
bare_cpu=$(cat "$WORK"/bare.*.t | awk '{ print int($3 * 1000) }' | median)
printf '%-55s' "tiny run, as users run it: wall"
for n in "${!checkouts[@]}"; do printf '%14s' "$(wall "plain.$n")"; done
printf '%14s\n' "$bare_wall"
printf '%-55s' "  CPU (user + sys, all processes)"
for n in "${!checkouts[@]}"; do printf '%14s' "$(cpu "plain.$n")"; done
printf '%14s\n' "$bare_cpu"
printf '%-55s' "  minus the bare session (wall)"
for n in "${!checkouts[@]}"; do printf '%14s' "$(( $(wall "plain.$n") - bare_wall ))"; done
printf '\n%-55s' "  ratio to the bare session (wall)"
for n in "${!checkouts[@]}"; do printf '%14s' "$(awk -v a="$(wall "plain.$n")" -v b="$bare_wall" 'BEGIN { printf "%.2f", a / b }')"; done
echo
