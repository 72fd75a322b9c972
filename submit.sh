#!/usr/bin/env bash
# allpairs launcher.
#   ./submit.sh demo [spark-submit options]          generate a seeded input and run the job on it locally
#   ./submit.sh [--dry-run] [spark-submit options] -- <job options>
#   ./submit.sh --help | --version | kernels         the job's help, versions, and kernel list
#   ./submit.sh cluster start|status|stop            a local Spark standalone cluster (1 master, 2 workers)
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

build_if_needed() {
  local stale=""
  if [ ! -f "$JAR" ] || [ ! -d "$SPARK_JARS_HOME/jars" ]; then
    stale="missing"
  else
    stale=$(find "$ROOT/job/src" "$ROOT/job/pom.xml" "$ROOT/pom.xml" -newer "$JAR" -print -quit 2>/dev/null || true)
  fi
  if [ -n "$stale" ]; then
    echo "submit.sh: building the job jar (mvn package)..." >&2
    (cd "$ROOT" && mvn -B -q -pl job -am package -DskipTests) >&2 || { echo "submit.sh: build failed" >&2; exit 1; }
  fi
}

# Prints the final command NUL-separated, the way bin/spark-class gets it from Spark's launcher.
launcher_command() {
  if [ -n "${SPARK_HOME:-}" ] && [ -x "$SPARK_HOME/bin/spark-submit" ]; then
    printf '%s\0' "$SPARK_HOME/bin/spark-submit" "$@"
    return 0
  fi
  local out rc
  out=$(SPARK_HOME="$SPARK_JARS_HOME" SPARK_SCALA_VERSION=2.12 \
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
  build_if_needed
  export SPARK_CONF_DIR="${SPARK_CONF_DIR:-$ROOT/conf}"
  export SPARK_SCALA_VERSION=2.12
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
  build_if_needed
  local dir="${ALLPAIRS_DEMO_DIR:-$ROOT/demo-out}"
  local rows="${ALLPAIRS_DEMO_ROWS:-600}" cols="${ALLPAIRS_DEMO_COLS:-48}" seed="${ALLPAIRS_DEMO_SEED:-42}"
  mkdir -p "$dir"
  local input="$dir/demo_A_${rows}x${cols}.npy" output="$dir/demo_seed_${rows}x${rows}.npy"
  echo "submit.sh: demo input $input (m=$rows, n=$cols, seed=$seed)" >&2
  "$JAVA" -cp "$JAR" allpairs.cli.GenerateInput --rows "$rows" --cols "$cols" --seed "$seed" --output "$input"
  local rc=0
  ( run_spark_submit 0 --master 'local[*]' "$@" --class "$MAIN_CLASS" "$JAR" \
      --input "$input" --output "$output" --kernel seed --overwrite --summary-json "$dir/summary.json" ) || rc=$?
  if [ "$rc" -eq 0 ]; then
    echo "submit.sh: demo output: $output (numpy.load reads it); summary: $dir/summary.json" >&2
    echo "output: $output"
  fi
  return "$rc"
}

# ---- A Spark standalone cluster on this machine: ./submit.sh cluster start|status|stop ----------
# One Master and ALLPAIRS_CLUSTER_WORKERS (2) Workers, separate JVMs over the Maven-resolved Spark
# jars, bound to 127.0.0.1 only, on ports the OS picks (read back from the logs). Pids, logs and the
# workers' work dirs live under ALLPAIRS_CLUSTER_DIR (default target/cluster).
# Spark's JavaModuleOptions (the pom's java17.opens): the daemons get them on their command line;
# executors get them from SparkContext (Spark 3.5 adds them to spark.executor.extraJavaOptions).
mapfile -t JAVA17_OPENS < "$ROOT/conf/java17-opens"
MASTER_CLASS=org.apache.spark.deploy.master.Master
WORKER_CLASS=org.apache.spark.deploy.worker.Worker

cluster_log() { echo "submit.sh cluster: $*" >&2; }

# Is process $1 alive (and not a zombie waiting for a parent that never reaps)?
proc_alive() {
  kill -0 "$1" 2>/dev/null || return 1
  [ ! -r "/proc/$1/stat" ] || [ "$(sed 's/^.*) \(.\).*/\1/' "/proc/$1/stat" 2>/dev/null)" != Z ]
}

# Is something listening on 127.0.0.1:$1?
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# GET http://127.0.0.1:$1$2 (HTTP/1.0, the server closes the connection), response on stdout.
http_get() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3 &&
    timeout 5 cat <&3) 2>/dev/null
}

# The pid in $dir/$1.pid when that process is still the daemon started for this directory (the
# class and our -Dallpairs.cluster.dir marker on its command line); nothing otherwise.
daemon_pid() {
  local dir=$1 name=$2 class=$3 pid args
  pid=$(cat "$dir/$name.pid" 2>/dev/null) || return 0
  [[ "$pid" =~ ^[0-9]+$ ]] && proc_alive "$pid" || return 0
  if [ -r "/proc/$pid/cmdline" ]; then args=$(tr '\0' ' ' < "/proc/$pid/cmdline"); else args=$(ps -o args= -p "$pid" 2>/dev/null || true); fi
  case "$args" in *"-Dallpairs.cluster.dir=$dir "*"$class"*) echo "$pid" ;; esac
}

# Starts one daemon in the background, detached from our stdin/stdout; its pid goes to $dir/$name.pid.
start_daemon() {
  local dir=$1 name=$2 class=$3; shift 3
  SPARK_HOME="$SPARK_JARS_HOME" SPARK_SCALA_VERSION=2.12 SPARK_LOCAL_IP=127.0.0.1 \
  SPARK_CONF_DIR="${SPARK_CONF_DIR:-$ROOT/conf}" \
    nohup "$JAVA" -Xmx"${ALLPAIRS_DAEMON_MEMORY:-256m}" "${JAVA17_OPENS[@]}" -Dallpairs.cluster.dir="$dir" \
      -Dlog4j2.configurationFile="$dir/log4j2.properties" -cp "$SPARK_JARS_HOME/jars/*" "$class" \
      --host 127.0.0.1 --port 0 --webui-port 0 --properties-file "$dir/spark-daemons.conf" "$@" \
      > "$dir/$name.log" 2>&1 < /dev/null &
  echo $! > "$dir/$name.pid"
}

# Waits until sed -n "$3" prints something from $dir/$2.log; prints it. Fails if the daemon dies.
await_log() {
  local dir=$1 name=$2 expr=$3 class=$4 deadline=$5 hit
  while :; do
    hit=$(sed -n "$expr" "$dir/$name.log" 2>/dev/null | head -n 1) || true
    [ -n "$hit" ] && { echo "$hit"; return 0; }
    [ -n "$(daemon_pid "$dir" "$name" "$class")" ] || { cluster_log "$name exited; its log:"; tail -n 30 "$dir/$name.log" >&2; return 1; }
    [ "$SECONDS" -lt "$deadline" ] || { cluster_log "timed out waiting for $name; see $dir/$name.log"; return 1; }
    sleep 0.3
  done
}

# How many workers: what start recorded in $1, else ALLPAIRS_CLUSTER_WORKERS (2).
cluster_workers() { cat "$1/workers" 2>/dev/null || echo "${ALLPAIRS_CLUSTER_WORKERS:-2}"; }

cluster_start() {
  local dir=$1 workers url ui alive deadline i
  if cluster_status "$dir" >/dev/null 2>&1; then
    cluster_log "already running ($dir)"; cat "$dir/master.url"; return 0
  fi
  cluster_stop "$dir" >/dev/null 2>&1 || true   # leftovers of a half-started cluster
  workers="${ALLPAIRS_CLUSTER_WORKERS:-2}"
  [[ "$workers" =~ ^[1-9][0-9]*$ ]] || die "ALLPAIRS_CLUSTER_WORKERS must be a positive integer"
  build_if_needed
  mkdir -p "$dir"
  rm -rf "$dir"/*.log "$dir/master.url" "$dir/master.webui" "$dir"/worker-*/
  echo "$workers" > "$dir/workers"
  cat > "$dir/log4j2.properties" <<'LOG'
rootLogger.level = info
rootLogger.appenderRef.stderr.ref = stderr
appender.stderr.type = Console
appender.stderr.name = stderr
appender.stderr.target = SYSTEM_ERR
appender.stderr.layout.type = PatternLayout
appender.stderr.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n%ex
logger.jetty.name = org.sparkproject.jetty
logger.jetty.level = warn
LOG
  # The daemons' own settings (so they do not read the job's conf/spark-defaults.conf).
  printf '%s\n' "spark.master.rest.enabled false" "spark.ui.killEnabled false" > "$dir/spark-daemons.conf"
  deadline=$((SECONDS + ${ALLPAIRS_CLUSTER_TIMEOUT:-90}))

  start_daemon "$dir" master "$MASTER_CLASS"
  url=$(await_log "$dir" master 's/.*Starting Spark master at \(spark:\/\/127\.0\.0\.1:[0-9][0-9]*\).*/\1/p' \
        "$MASTER_CLASS" "$deadline") || { cluster_stop "$dir" >/dev/null 2>&1; return 1; }
  ui=$(await_log "$dir" master "s/.*Successfully started service 'MasterUI' on port \([0-9][0-9]*\).*/\1/p" \
       "$MASTER_CLASS" "$deadline") || { cluster_stop "$dir" >/dev/null 2>&1; return 1; }
  for ((i = 1; i <= workers; i++)); do
    mkdir -p "$dir/worker-$i"
    start_daemon "$dir" "worker-$i" "$WORKER_CLASS" --cores "${ALLPAIRS_WORKER_CORES:-1}" \
      --memory "${ALLPAIRS_WORKER_MEMORY:-1g}" --work-dir "$dir/worker-$i" "$url"
  done
  # Ready when the master reports every worker ALIVE (its JSON on the loopback web UI).
  while :; do
    alive=$(http_get "$ui" /json/ | sed -n 's/.*"aliveworkers" *: *\([0-9][0-9]*\).*/\1/p' | head -n 1) || true
    [ "${alive:-0}" -ge "$workers" ] && break
    for ((i = 1; i <= workers; i++)); do
      if [ -z "$(daemon_pid "$dir" "worker-$i" "$WORKER_CLASS")" ]; then
        cluster_log "worker-$i exited; its log:"; tail -n 30 "$dir/worker-$i.log" >&2
        cluster_stop "$dir" >/dev/null 2>&1; return 1
      fi
    done
    if [ "$SECONDS" -ge "$deadline" ]; then
      cluster_log "timed out: ${alive:-0} of $workers workers registered; logs in $dir"
      cluster_stop "$dir" >/dev/null 2>&1; return 1
    fi
    sleep 0.5
  done
  echo "$url" > "$dir/master.url"
  echo "$ui" > "$dir/master.webui"
  cluster_log "master $url, $workers workers; web UI http://127.0.0.1:$ui; logs in $dir"
  echo "$url"
}

# Exit 0 and the master URL on stdout when the master and every worker run (and the master listens).
cluster_status() {
  local dir=$1 workers url missing="" i
  workers=$(cluster_workers "$dir")
  url=$(cat "$dir/master.url" 2>/dev/null) || { cluster_log "not running ($dir)"; return 1; }
  [ -n "$(daemon_pid "$dir" master "$MASTER_CLASS")" ] || missing="master"
  for ((i = 1; i <= workers; i++)); do
    [ -n "$(daemon_pid "$dir" "worker-$i" "$WORKER_CLASS")" ] || missing="$missing worker-$i"
  done
  if [ -n "$missing" ]; then cluster_log "not running: ${missing# } down ($dir)"; return 1; fi
  port_open "${url##*:}" || { cluster_log "not running: the master does not listen on ${url##*:}"; return 1; }
  cluster_log "running: master pid $(cat "$dir/master.pid"), $workers workers, web UI http://127.0.0.1:$(cat "$dir/master.webui" 2>/dev/null)"
  echo "$url"
}

# Stops exactly the daemons `start` began here (checked by pid file and command line), workers
# first, and waits until they have exited (so no port stays open); executors left behind by a
# worker that had to be killed are ended too.
cluster_stop() {
  local dir=$1 pids=() execs=() pid name class i
  local f names=()
  for f in "$dir"/worker-*.pid; do if [ -e "$f" ]; then names+=("$(basename "$f" .pid)"); fi; done
  for name in ${names[@]+"${names[@]}"} master; do
    class=$WORKER_CLASS; [ "$name" = master ] && class=$MASTER_CLASS
    pid=$(daemon_pid "$dir" "$name" "$class")
    if [ -n "$pid" ]; then
      if [ "$name" != master ]; then
        for i in $(ps -o pid= --ppid "$pid" 2>/dev/null || true); do execs+=("$i"); done
      fi
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
    fi
    rm -f "$dir/$name.pid"
  done
  for pid in ${pids[@]+"${pids[@]}"} ${execs[@]+"${execs[@]}"}; do
    for ((i = 0; i < 100; i++)); do proc_alive "$pid" || break; sleep 0.2; done
    if proc_alive "$pid"; then cluster_log "pid $pid did not stop in 20 s: killing it"; kill -KILL "$pid" 2>/dev/null || true; fi
  done
  for pid in ${pids[@]+"${pids[@]}"}; do
    for ((i = 0; i < 100; i++)); do proc_alive "$pid" || break; sleep 0.1; done
    if proc_alive "$pid"; then cluster_log "pid $pid is still there after SIGKILL"; return 1; fi
  done
  rm -f "$dir/master.url" "$dir/master.webui"
  cluster_log "stopped ${#pids[@]} daemons ($dir)"
}

cluster() {
  local dir="${ALLPAIRS_CLUSTER_DIR:-$ROOT/target/cluster}"
  [ -d "$dir" ] && dir=$(cd "$dir" && pwd)
  case "${1:-}" in
    start) mkdir -p "$dir"; dir=$(cd "$dir" && pwd); cluster_start "$dir" ;;
    status) cluster_status "$dir" ;;
    stop) cluster_stop "$dir" ;;
    *) die "usage: ./submit.sh cluster start|status|stop (ALLPAIRS_CLUSTER_DIR, default target/cluster)" ;;
  esac
}

main() {
  case "${1:-}" in
    demo) shift; demo "$@"; return ;;
    cluster) shift; cluster "$@"; return ;;
    jmh) shift; exec "$ROOT/bench/bench.sh" jmh "$@" ;;
    bench) shift; exec "$ROOT/bench/bench.sh" e2e "$@" ;;
    ""|-h|--help|--version|-V|kernels)
      # No Spark job: run the CLI directly (faster than spark-submit).
      build_if_needed
      exec "$JAVA" -cp "$JAR:$SPARK_JARS_HOME/jars/*" "$MAIN_CLASS" "${1:---help}" ;;
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
  run_spark_submit "$dry_run" ${spark_args[@]+"${spark_args[@]}"} --class "$MAIN_CLASS" "$JAR" ${job_args[@]+"${job_args[@]}"}
}

main "$@"
