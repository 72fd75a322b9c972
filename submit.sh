#!/usr/bin/env bash
# allpairs launcher.
#   ./submit.sh demo [spark-submit options]          generate a seeded input and run the job on it locally
#   ./submit.sh [--dry-run] [spark-submit options] -- <job options>
#   ./submit.sh --help | --version | kernels         the job's help, versions, and kernel list
#   ./submit.sh cluster start|status|stop            a local Spark standalone cluster (cluster.sh)
#   ./submit.sh jmh [JMH options] | bench [options]  benchmarks (bench/bench.sh): per-pair JMH, end-to-end pairs/s
# Builds the job jar when it is missing or older than the sources; otherwise never calls Maven.
# Uses $SPARK_HOME/bin/spark-submit when SPARK_HOME is set, otherwise Spark's launcher over the
# Maven-resolved jars in job/target/spark/jars (what bin/spark-class does), so options such as
# --driver-memory and --driver-java-options take effect. Exits with the job's exit code.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
JAR="$ROOT/job/target/allpairs-job.jar"
SPARK_JARS_HOME="$ROOT/job/target/spark"
MAIN_CLASS=allpairs.cli.Main
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

die() { echo "submit.sh: error: $*" >&2; exit 2; }
# shellcheck source=build.sh
source "$ROOT/build.sh"


# Prints the final command NUL-separated, the way bin/spark-class gets it from Spark's launcher.
launcher_command() {
  if [ -n "${SPARK_HOME:-}" ] && [ -x "$SPARK_HOME/bin/spark-submit" ]; then
    printf '%s\0' "$SPARK_HOME/bin/spark-submit" "$@"
    return 0
  fi
  local out rc
  out=$(SPARK_HOME="$SPARK_JARS_HOME" SPARK_SCALA_VERSION="$(spark_scala_version "$SPARK_JARS_HOME")" \
        "$JAVA" -Xmx128m -cp "$SPARK_JARS_HOME/jars/*" org.apache.spark.launcher.Main \
        org.apache.spark.deploy.SparkSubmit "$@" | tr '\0' '\1'; exit "${PIPESTATUS[0]}") || rc=$?
  [ "${rc:-0}" -eq 0 ] || die "Spark's launcher refused the options (exit ${rc})"
  # The launcher prints messages, then a line holding a NUL, then the command's arguments each
  # followed by a NUL (turned into \1 above, since bash variables cannot hold NULs).
  out=${out#*$'\1'$'\n'}
  printf '%s' "$out" | tr '\1' '\0'
}

run_spark_submit() {
  local dry_run=$1; shift
  build_job_jar
  export SPARK_CONF_DIR="${SPARK_CONF_DIR:-$ROOT/conf}"
  # The Scala line of the Spark that runs (2.13: Spark 4, 2.12: Spark 3.5), read from its jars.
  local scala
  if scala=$(spark_scala_version "${SPARK_HOME:-$SPARK_JARS_HOME}"); then export SPARK_SCALA_VERSION="$scala"; fi
  export ALLPAIRS_DEFAULTS="${ALLPAIRS_DEFAULTS:-$ROOT/conf/allpairs-defaults.properties}"
  if [ -z "${SPARK_HOME:-}" ]; then
    export SPARK_HOME="$SPARK_JARS_HOME"
    local use_launcher=1
  fi
  local cmd=()
  while IFS= read -r -d '' arg; do cmd+=("$arg"); done < <(
    if [ -n "${use_launcher:-}" ]; then SPARK_HOME_SET="" launcher_command "$@"; else launcher_command "$@"; fi)
  [ ${#cmd[@]} -gt 0 ] || die "could not build the spark-submit command"
  if [ "$dry_run" = 1 ]; then
    printf '%q ' "${cmd[@]}"; echo
    return 0
  fi
  exec "${cmd[@]}"
}

demo() {
  build_job_jar
  local dir="${ALLPAIRS_DEMO_DIR:-$ROOT/demo-out}"
  local rows="${ALLPAIRS_DEMO_ROWS:-600}" cols="${ALLPAIRS_DEMO_COLS:-48}" seed="${ALLPAIRS_DEMO_SEED:-42}"
  mkdir -p "$dir"
  local input="$dir/demo_A_${rows}x${cols}.npy" output="$dir/demo_seed_${rows}x${rows}.npy"
  local preview="$dir/demo_seed_${rows}x${rows}.png"
  echo "submit.sh: demo input $input (m=$rows, n=$cols, seed=$seed)" >&2
  "$JAVA" -cp "$JAR" "$MAIN_CLASS" generate --rows "$rows" --cols "$cols" --seed "$seed" --output "$input"
  local rc=0
  ( run_spark_submit 0 --master 'local[*]' "$@" --class "$MAIN_CLASS" "$JAR" \
      --input "$input" --output "$output" --kernel seed --overwrite --summary-json "$dir/summary.json" \
      --preview "$preview" ) || rc=$?
  if [ "$rc" -eq 0 ]; then
    echo "submit.sh: demo output: $output (numpy.load reads it); summary: $dir/summary.json; preview: $preview" >&2
    echo "output: $output"
  fi
  return "$rc"
}

# When the spark-submit options ($@) name the master of the cluster in ALLPAIRS_CLUSTER_DIR (default
# target/cluster, see cluster.sh) and no --properties-file: prints "--properties-file FILE", FILE
# (mode 600, in the cluster's directory) being conf/spark-defaults.conf plus spark.authenticate and
# the cluster's secret, so the secret never appears on a command line.
cluster_properties() {
  local dir="${ALLPAIRS_CLUSTER_DIR:-$ROOT/target/cluster}" master="" prev="" a file
  for a in "$@"; do
    case "$a" in
      --properties-file|--properties-file=*) return 0 ;;
      --master=*) master=${a#--master=} ;;
    esac
    [ "$prev" = --master ] && master=$a
    prev=$a
  done
  [ -n "$master" ] && [ -s "$dir/secret" ] && [ "$(cat "$dir/master.url" 2>/dev/null)" = "$master" ] || return 0
  file="$dir/client.properties"
  ( umask 077
    { cat "${SPARK_CONF_DIR:-$ROOT/conf}/spark-defaults.conf" 2>/dev/null || true
      printf '\nspark.authenticate true\nspark.authenticate.secret %s\n' "$(cat "$dir/secret")"; } > "$file" )
  chmod 600 "$file"
  printf '%s\n' --properties-file "$file"
}

main() {
  case "${1:-}" in
    demo) shift; demo "$@"; return ;;
    cluster) shift; exec "$ROOT/cluster.sh" "$@" ;;
    jmh) shift; exec "$ROOT/bench/bench.sh" jmh "$@" ;;
    bench) shift; exec "$ROOT/bench/bench.sh" e2e "$@" ;;
    ""|-h|--help|--version|-V|kernels)
      # No Spark job: run the CLI directly (faster than spark-submit), on the Spark that runs jobs
      # (SPARK_HOME's jars when set), so --version names that Spark.
      build_job_jar
      local jars="$SPARK_JARS_HOME/jars"
      if [ -n "${SPARK_HOME:-}" ] && [ -d "$SPARK_HOME/jars" ]; then jars="$SPARK_HOME/jars"; fi
      exec "$JAVA" -cp "$JAR:$jars/*" "$MAIN_CLASS" "${1:---help}" ;;
  esac
  local dry_run=0 spark_args=() job_args=() seen_sep=0
  for a in "$@"; do
    if [ "$seen_sep" = 1 ]; then job_args+=("$a"); continue; fi
    case "$a" in
      --) seen_sep=1 ;;
      --dry-run) dry_run=1 ;;
      *) spark_args+=("$a") ;;
    esac
  done
  if [ "$seen_sep" = 0 ]; then
    # No "--": everything is a job option and spark-submit's defaults apply.
    job_args=("${spark_args[@]}"); spark_args=()
  fi
  local auth=()
  while IFS= read -r a; do auth+=("$a"); done < <(cluster_properties ${spark_args[@]+"${spark_args[@]}"})
  run_spark_submit "$dry_run" ${auth[@]+"${auth[@]}"} ${spark_args[@]+"${spark_args[@]}"} --class "$MAIN_CLASS" "$JAR" ${job_args[@]+"${job_args[@]}"}
}

main "$@"
