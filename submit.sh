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
# An installation's Spark configuration is kept: the job's keys (conf/spark-defaults.conf) are added
# as --conf over it (see our_spark_conf); conf/ is the configuration directory only without SPARK_HOME.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
JAR="$ROOT/job/target/allpairs-job.jar"
SPARK_JARS_HOME="$ROOT/job/target/spark"
MAIN_CLASS=allpairs.cli.Main
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

die() { echo "submit.sh: error: $*" >&2; exit 2; }
# shellcheck source=build.sh
source "$ROOT/build.sh"
# shellcheck source=local-launch.sh
source "$ROOT/local-launch.sh"


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

# run_spark_submit DRY_RUN [spark-submit options] -- [job options]
run_spark_submit() {
  local dry_run=$1 spark_args=() a; shift
  while [ $# -gt 0 ] && [ "$1" != -- ]; do spark_args+=("$1"); shift; done
  [ $# -eq 0 ] || shift
  require_installation_for_master ${spark_args[@]+"${spark_args[@]}"}
  build_job_jar
  # The Spark configuration in use: the user's --properties-file, else the cluster's spark-defaults.conf
  # (read before SPARK_HOME is pointed at the Maven jars below).
  local user_file defaults ours=()
  user_file=$(properties_file_option ${spark_args[@]+"${spark_args[@]}"})
  defaults=${user_file:-$(cluster_defaults_file)}
  while IFS= read -r -d '' a; do ours+=("$a"); done < <(
    cluster_properties "$defaults" ${spark_args[@]+"${spark_args[@]}"}
    our_spark_conf "$defaults" "$user_file" ${spark_args[@]+"${spark_args[@]}"})
  # The Scala line of the Spark that runs (2.13: Spark 4, 2.12: Spark 3.5), read from its jars.
  local scala
  if scala=$(spark_scala_version "${SPARK_HOME:-$SPARK_JARS_HOME}"); then export SPARK_SCALA_VERSION="$scala"; fi
  export ALLPAIRS_DEFAULTS="${ALLPAIRS_DEFAULTS:-$ROOT/conf/allpairs-defaults.properties}"
  if [ -z "${SPARK_HOME:-}" ]; then
    # No installation, so no cluster configuration to keep: conf/ is the configuration directory, for
    # our log4j2.properties (stdout carries only the summary JSON). With SPARK_HOME its conf/ stays.
    export SPARK_CONF_DIR="${SPARK_CONF_DIR:-$ROOT/conf}"
    export SPARK_HOME="$SPARK_JARS_HOME"
    local use_launcher=1
  fi
  # The job's options follow the jar unchanged, so the command up to the jar is what the launcher decides
  # (local-launch.sh: kept per set of options, with class-data sharing).
  local cmd=() all=(${ours[@]+"${ours[@]}"} ${spark_args[@]+"${spark_args[@]}"} --class "$MAIN_CLASS" "$JAR")
  local train=train; [ "$dry_run" = 0 ] || train=notrain
  while IFS= read -r -d '' a; do cmd+=("$a"); done < <(
    if [ -n "${use_launcher:-}" ]; then SPARK_HOME_SET="" cached_launcher_command "${all[@]}" | with_class_sharing "$train"
    else launcher_command "${all[@]}"; fi)
  [ ${#cmd[@]} -gt 0 ] || die "could not build the spark-submit command"
  cmd+=("$@")
  if [ "$dry_run" = 1 ]; then
    printf '%q ' "${cmd[@]}"; echo
    return 0
  fi
  exec "${cmd[@]}"
}

# YARN and Kubernetes need a Spark installation with the cluster's client configuration: the
# Maven-resolved jars have neither spark-yarn nor spark-kubernetes (Spark would fail with a stack trace).
require_installation_for_master() {
  [ -n "${SPARK_HOME:-}" ] && [ -x "$SPARK_HOME/bin/spark-submit" ] && return 0
  local a prev="" master=""
  for a in "$@"; do
    case "$prev" in --master) master=$a ;; --conf|-c) [ -n "$master" ] || master=$(conf_value spark.master "$a") ;; esac
    case "$a" in --master=*) master=${a#--master=} ;; esac
    prev=$a
  done
  local what="SPARK_HOME is not set"
  [ -z "${SPARK_HOME:-}" ] || what="SPARK_HOME ($SPARK_HOME) has no bin/spark-submit"
  case "$master" in
    yarn*) die "--master $master needs SPARK_HOME, a Spark installation with the cluster's client configuration (HADOOP_CONF_DIR or YARN_CONF_DIR), and $what" ;;
    k8s://*) die "--master $master needs SPARK_HOME, a Spark installation with Kubernetes support and the cluster's client configuration (kubeconfig), and $what" ;;
  esac
}

# conf_value KEY ARG: VALUE when ARG is "KEY=VALUE" (a --conf argument).
conf_value() { case "$2" in "$1="*) printf '%s' "${2#"$1="}" ;; esac; }

# The file of the user's --properties-file option, if any.
properties_file_option() {
  local a prev="" file=""
  for a in "$@"; do
    [ "$prev" = --properties-file ] && file=$a
    case "$a" in --properties-file=*) file=${a#--properties-file=} ;; esac
    prev=$a
  done
  printf '%s' "$file"
}

# The spark-defaults.conf spark-submit reads without --properties-file: in the user's SPARK_CONF_DIR,
# else in the installation's conf/ (SPARK_HOME); none without either (our conf/ is no cluster's).
cluster_defaults_file() {
  local dir=${SPARK_CONF_DIR:-${SPARK_HOME:+$SPARK_HOME/conf}}
  if [ -n "$dir" ] && [ -f "$dir/spark-defaults.conf" ]; then printf '%s' "$dir/spark-defaults.conf"; fi
}

# "KEY<TAB>VALUE" for each entry of a Java properties file such as spark-defaults.conf (key, then
# whitespace, "=" or ":"; values trimmed as Spark does; no line continuations).
read_properties() {
  local line key value
  while IFS= read -r line || [ -n "$line" ]; do
    line=${line#"${line%%[![:space:]]*}"}
    case "$line" in ''|'#'*|'!'*) continue ;; esac
    key=${line%%[[:space:]=:]*}
    value=${line#"$key"}
    value=${value#"${value%%[![:space:]]*}"}
    case "$value" in [=:]*) value=${value#?} ;; esac
    value=${value#"${value%%[![:space:]]*}"}
    printf '%s\t%s\n' "$key" "${value%"${value##*[![:space:]]}"}"
  done < "$1"
}

# Our Spark settings (conf/spark-defaults.conf) as "--conf KEY=VALUE", NUL-separated, layered over the
# configuration in use ($1: the user's --properties-file or the cluster's spark-defaults.conf, or empty)
# without replacing it. A key the user sets (--conf, or in the --properties-file $2) keeps the user's
# value; a key the cluster's file also sets gets ours, except the *.defaultJavaOptions: ours are appended.
our_spark_conf() {
  local defaults=$1 user_file=$2 a prev="" key value theirs user_keys=$'\n'
  shift 2
  for a in "$@"; do
    case "$prev" in --conf|-c) user_keys+="${a%%=*}"$'\n' ;; esac
    case "$a" in --conf=*) a=${a#--conf=}; user_keys+="${a%%=*}"$'\n' ;; esac
    prev=$a
  done
  while IFS=$'\t' read -r key value; do
    case "$user_keys" in *$'\n'"$key"$'\n'*) continue ;; esac
    theirs=""
    if [ -n "$defaults" ] && [ -r "$defaults" ]; then
      theirs=$(read_properties "$defaults" | awk -F'\t' -v k="$key" '$1 == k { v = substr($0, length(k) + 2) } END { printf "%s", v }')
    fi
    if [ -n "$theirs" ]; then
      [ "$defaults" = "$user_file" ] && case "$key" in *.defaultJavaOptions) ;; *) continue ;; esac
      case "$key" in *.defaultJavaOptions) value="$theirs $value" ;; esac
    fi
    printf '%s\0' --conf "$key=$value"
  done < <(read_properties "$ROOT/conf/spark-defaults.conf")
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
  ( run_spark_submit 0 --master 'local[*]' "$@" -- \
      --input "$input" --output "$output" --kernel seed --overwrite --summary-json "$dir/summary.json" \
      --preview "$preview" ) || rc=$?
  if [ "$rc" -eq 0 ]; then
    echo "submit.sh: demo output: $output (numpy.load reads it); summary: $dir/summary.json; preview: $preview" >&2
    echo "output: $output"
  fi
  return "$rc"
}

# cluster_properties DEFAULTS [spark-submit options]: when the options name the master of the cluster in
# ALLPAIRS_CLUSTER_DIR (default target/cluster, see cluster.sh) and no --properties-file, prints
# "--properties-file FILE" (NUL-separated), FILE (mode 600, in the cluster's directory) being the
# DEFAULTS file (the spark-defaults.conf in use, if any) plus spark.authenticate and the cluster's
# secret, so the secret never appears on a command line.
cluster_properties() {
  local defaults=$1 dir="${ALLPAIRS_CLUSTER_DIR:-$ROOT/target/cluster}" master="" prev="" a file
  shift
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
    { if [ -n "$defaults" ]; then cat "$defaults" 2>/dev/null || true; fi
      printf '\nspark.authenticate true\nspark.authenticate.secret %s\n' "$(cat "$dir/secret")"; } > "$file" )
  chmod 600 "$file"
  printf '%s\0' --properties-file "$file"
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
  run_spark_submit "$dry_run" ${spark_args[@]+"${spark_args[@]}"} -- ${job_args[@]+"${job_args[@]}"}
}

main "$@"
