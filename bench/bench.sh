#!/usr/bin/env bash
# Benchmarks (submit.sh delegates here):
#   bench/bench.sh jmh [JMH options]   per-pair kernel cost (JMH, GC profiler) and a table: ns/pair, B/pair, cells/s
#   bench/bench.sh e2e [options]       end-to-end pairs/s: thread-pool baseline vs Spark local[1], local[2], full matrix
#   bench/bench.sh e2e reads [options] a cheap kernel end to end: levenshtein on generated reads, pool vs Spark
#                                      (dense and --keep below=3) vs RapidFuzz cdist, plus Spark's stage times
#   bench/bench.sh e2e join [options]  levenshtein --keep below=3 on skewed read families: the join path vs the
#                                      tiled path vs RapidFuzz cdist in row chunks, jobs through submit.sh
#   bench/bench.sh e2e align [options] sw BLOSUM62 on 2,000 generated proteins (a few over 5,000): the job at local[2] vs parasail_aligner
#   bench/bench.sh e2e seed-c [options] the seed kernel, job at local[2] vs its C/OpenMP loop (bench/c, gcc) at 2 threads
#   bench/bench.sh startup [--runs N] [--before DIR]  where a tiny local run's wall time goes (bench/startup.sh)
#   bench/bench.sh e2e dtw [options]    dtw on ECG windows and random walks, job at local[2] vs numba prange (2 threads),
#                                      dense and pruned (--top-k, --keep below), edges checked against the dense run
# Builds bench/target/benchmarks.jar (mvn package of bench and job) when missing or older than the sources.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_JAR="$ROOT/bench/target/benchmarks.jar"
SPARK_JARS="$ROOT/job/target/spark/jars"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# Spark's JavaModuleOptions: Spark runs inside this JVM (the e2e harness), so it needs them itself.
mapfile -t OPENS < "$ROOT/conf/java17-opens"

# shellcheck source=../build.sh
source "$ROOT/build.sh"
build_bench_jar() {
  build_if_needed bench.sh bench "$BENCH_JAR" "$SPARK_JARS" -- \
    "$ROOT/job/src" "$ROOT/bench/src" "$ROOT/job/pom.xml" "$ROOT/bench/pom.xml" "$ROOT/pom.xml"
}

case "${1:-}" in
  jmh)
    shift; build_bench_jar
    # Spark's jars for slf4j (the kernels' VectorSupport logs through it); JMH's forks inherit the class path
    exec "$JAVA" -cp "$BENCH_JAR:$SPARK_JARS/*" allpairs.bench.KernelBenchMain "$@" ;;
  startup)
    shift; exec "$ROOT/bench/startup.sh" "$@" ;;
  e2e)
    shift; build_bench_jar
    cd "$ROOT"
    MAIN=allpairs.bench.EndToEnd
    case "${1:-}" in
      reads) shift; MAIN=allpairs.bench.ReadsEndToEnd ;;
      join) shift; MAIN=allpairs.bench.JoinEndToEnd ;;        # jobs in child processes (submit.sh)
      align) shift; MAIN=allpairs.bench.AlignmentEndToEnd ;;  # sw BLOSUM62 vs parasail_aligner
      seed-c) shift; MAIN=allpairs.bench.SeedVersusC ;;       # seed vs its C/OpenMP loop, gcc-built here
      dtw) shift; MAIN=allpairs.bench.DtwEndToEnd ;;          # dtw vs numba, dense and pruned
    esac
    exec "$JAVA" -Xms4g -Xmx4g "${OPENS[@]}" -Dlog4j2.configurationFile="$ROOT/conf/log4j2.properties" \
      -cp "$BENCH_JAR:$SPARK_JARS/*" "$MAIN" "$@" ;;
  *)
    echo "usage: bench/bench.sh jmh [JMH options] | e2e [--rows M] [--cols N] [--seed S] [--dir DIR] [--block-size B]" >&2
    echo "       bench/bench.sh e2e reads [--reads M] [--length N] [--family F] [--cutoff X] [--seed S] [--dir DIR] [--python CMD]" >&2
    echo "       bench/bench.sh e2e join [--reads M] [--tiled-reads T,T|none] [--peer on|off] [--format npy|parquet] [--driver-memory MEM] [--dir DIR]" >&2
    echo "       bench/bench.sh e2e align [--rows M] [--seed S] [--dir DIR]" >&2
    echo "       bench/bench.sh e2e seed-c [--rows M] [--cols N] [--seed S] [--dir DIR]" >&2
    echo "       bench/bench.sh startup [--runs N] [--before DIR]" >&2
    echo "       bench/bench.sh e2e dtw [--windows W] [--length L] [--walks M] [--walk-length N] [--seed S] [--dir DIR] [--python CMD] [--cases LIST]" >&2
    exit 2 ;;
esac
