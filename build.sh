# Sourced by submit.sh, cluster.sh and bench/bench.sh: build a jar with Maven only when it is
# missing or older than its sources, so a warm start never calls Maven.

# build_if_needed NAME MODULE ARTIFACT DIR -- SOURCE...: `mvn package` of MODULE (and what it needs)
# when ARTIFACT or DIR is missing or a SOURCE is newer than ARTIFACT.
build_if_needed() {
  local name=$1 module=$2 artifact=$3 dir=$4 root stale=""
  shift 5
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  if [ ! -f "$artifact" ] || [ ! -d "$dir" ]; then
    stale="missing"
  else
    stale=$(find "$@" -newer "$artifact" -print -quit 2>/dev/null || true)
  fi
  if [ -n "$stale" ]; then
    echo "$name: building ${artifact#"$root"/} (mvn package)..." >&2
    # Maven's output (even -q prints colour resets) is kept in a log and shown only when the build fails.
    local log
    log=$(mktemp "${TMPDIR:-/tmp}/allpairs-build.XXXXXX")
    # ALLPAIRS_MAVEN_ARGS: more Maven options, e.g. "-P spark-3.5" to build for a Spark 3.5 cluster.
    local extra=()
    read -r -a extra <<< "${ALLPAIRS_MAVEN_ARGS:-}"
    if ! (cd "$root" && mvn -B -q ${extra[@]+"${extra[@]}"} -pl "$module" -am package -DskipTests) > "$log" 2>&1; then
      sed 's/\x1b\[[0-9;]*m//g' "$log" >&2
      rm -f "$log"
      echo "$name: build failed" >&2
      exit 1
    fi
    rm -f "$log"
  fi
}

# The Scala binary version of the Spark in SPARK_HOME $1, from its jars/spark-core_<scala>-<version>.jar
# (2.13 for Spark 4, 2.12 for Spark 3.5): what SPARK_SCALA_VERSION must say for Spark's launcher,
# daemons and executors. Fails when $1 holds no spark-core jar.
spark_scala_version() {
  local jar
  for jar in "$1"/jars/spark-core_*.jar; do
    [ -e "$jar" ] || return 1
    jar=${jar##*/spark-core_}
    echo "${jar%%-*}"
    return 0
  done
}

# The job jar and the Maven-resolved Spark jars beside it.
build_job_jar() {
  local root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  build_if_needed "$(basename "$0")" job "$root/job/target/allpairs-job.jar" "$root/job/target/spark/jars" -- \
    "$root/job/src" "$root/job/pom.xml" "$root/pom.xml"
}
