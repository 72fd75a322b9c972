#!/usr/bin/env bash
# A Spark standalone cluster on this machine (./submit.sh cluster start|status|stop runs this):
#   ./cluster.sh start|status|stop
# One Master and ALLPAIRS_CLUSTER_WORKERS (2) Workers, separate JVMs over the Maven-resolved Spark
# jars, bound to 127.0.0.1 only, on ports the OS picks (read back from the logs). Pids, logs and the
# workers' work dirs live under ALLPAIRS_CLUSTER_DIR (default target/cluster).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SPARK_JARS_HOME="$ROOT/job/target/spark"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# shellcheck source=build.sh
source "$ROOT/build.sh"

die() { echo "cluster.sh: error: $*" >&2; exit 2; }

# Spark's JavaModuleOptions (the pom's java17.opens): the daemons get them on their command line;
# executors get them from SparkContext (Spark adds them to spark.executor.extraJavaOptions).
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
  SPARK_HOME="$SPARK_JARS_HOME" SPARK_SCALA_VERSION="$(spark_scala_version "$SPARK_JARS_HOME")" SPARK_LOCAL_IP=127.0.0.1 \
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
  build_job_jar
  mkdir -p "$dir"
  rm -rf "$dir"/*.log "$dir/master.url" "$dir/master.webui" "$dir"/worker-*/
  echo "$workers" > "$dir/workers"
  cp "$ROOT/conf/log4j2-daemons.properties" "$dir/log4j2.properties"
  # A new shared secret per start (spark.authenticate): readable only by this user, never on a command
  # line. The daemons read it from their properties file; workers hand it to executors in their
  # environment; submit.sh gives it to a driver that submits to this cluster (see cluster_properties).
  ( umask 077
    od -An -tx1 -N32 /dev/urandom | tr -d ' \n' > "$dir/secret"
    # The daemons' own settings (so they do not read the job's conf/spark-defaults.conf).
    printf '%s\n' "spark.master.rest.enabled false" "spark.ui.killEnabled false" "spark.authenticate true" \
      "spark.authenticate.secret $(cat "$dir/secret")" > "$dir/spark-daemons.conf" )
  chmod 600 "$dir/secret" "$dir/spark-daemons.conf"
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

cluster "$@"
