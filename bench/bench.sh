#!/usr/bin/env bash
# Benchmarks (submit.sh delegates here):
#   bench/bench.sh jmh [JMH options]   per-pair kernel cost (JMH, GC profiler) and a table: ns/pair, B/pair, cells/s
#   bench/bench.sh e2e [options]       end-to-end pairs/s: thread-pool baseline vs Spark local[1], local[2], full matrix
#   bench/bench.sh e2e-align [options] sw BLOSUM62 on 500 generated proteins: the job at local[2] vs parasail_aligner
# Builds bench/target/benchmarks.jar (mvn package of bench and job) when missing or older than the sources.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_JAR="$ROOT/bench/target/benchmarks.jar"
SPARK_JARS="$ROOT/job/target/spark/jars"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# Spark's JavaModuleOptions: Spark runs inside this JVM (the e2e harness), so it needs them itself.
mapfile -t OPENS < "$ROOT/conf/java17-opens"

build_if_needed() {
  local stale=""
  if [ ! -f "$BENCH_JAR" ] || [ ! -d "$SPARK_JARS" ]; then
    stale="missing"
  else
    stale=$(find "$ROOT/job/src" "$ROOT/bench/src" "$ROOT/job/pom.xml" "$ROOT/bench/pom.xml" "$ROOT/pom.xml" \
      -newer "$BENCH_JAR" -print -quit 2>/dev/null || true)
  fi
  if [ -n "$stale" ]; then
    echo "bench.sh: building bench/target/benchmarks.jar (mvn package)..." >&2
    (cd "$ROOT" && mvn -B -q -pl bench -am package -DskipTests) >&2 || { echo "bench.sh: build failed" >&2; exit 1; }
  fi
}

case "${1:-}" in
  jmh)
    shift; build_if_needed
    exec "$JAVA" -cp "$BENCH_JAR" allpairs.bench.KernelBenchMain "$@" ;;
  e2e)
    shift; build_if_needed
    cd "$ROOT"
    exec "$JAVA" -Xms4g -Xmx4g "${OPENS[@]}" -Dlog4j2.configurationFile="$ROOT/conf/log4j2.properties" \
      -cp "$BENCH_JAR:$SPARK_JARS/*" allpairs.bench.EndToEnd "$@" ;;
  e2e-align)
    # The alignment case: sw BLOSUM62 on 500 generated proteins, the job at local[2] against parasail_aligner.
    shift; build_if_needed
    cd "$ROOT"
    exec "$JAVA" -Xms4g -Xmx4g "${OPENS[@]}" -Dlog4j2.configurationFile="$ROOT/conf/log4j2.properties" \
      -cp "$BENCH_JAR:$SPARK_JARS/*" allpairs.bench.AlignmentEndToEnd "$@" ;;
  *)
    echo "usage: bench/bench.sh jmh [JMH options] | e2e-align [--rows M] [--seed S] [--dir DIR] | e2e [--rows M] [--cols N] [--seed S] [--dir DIR] [--reference-seconds T] [--block-size B]" >&2
    exit 2 ;;
esac
