# Sourced by submit.sh: start-up of local runs without SPARK_HOME (issue 27, docs/performance.md "Start-up").
#  - Spark's launcher (a JVM of its own, about 0.4 s) turns the spark-submit options into the driver's java
#    command; the command depends only on those options, the environment and the configuration files, so it
#    is kept in job/target/launch/ under a hash of all of them and the launcher runs once per set of options.
#  - Class-data sharing: the classes a run loads (Spark's, Scala's, Hadoop's, ours) are archived once per
#    build by a tiny training run (job/target/cds/, about 100 MB) and mapped by every later run, which then
#    neither parses nor verifies them (about a third of a tiny run's CPU). ALLPAIRS_CDS=off turns it off.
# Nothing here runs with SPARK_HOME: an installation's bin/spark-submit starts the job as it always does.

# Name, size and time of each of Spark's jars (not `ls -l`: its "total" of blocks changes when a build copies
# the same jars again).
jar_stamps() {
  stat -L -c '%n %s %Y' "$SPARK_JARS_HOME"/jars/*
}

# The environment Spark's launcher reads, and the files it reads, as one hash.
launch_key() {
  local conf_dir=${SPARK_CONF_DIR:-} f
  {
    printf '%s\0' "$@"
    env | LC_ALL=C grep -E '^(SPARK|HADOOP|YARN|JAVA|PYSPARK)[A-Z_]*=' | LC_ALL=C sort
    for f in "$(properties_file_option "$@")" "$conf_dir/spark-defaults.conf" "$conf_dir/java-opts"; do
      if [ -n "$f" ] && [ -f "$f" ]; then printf '%s\n' "$f"; cat "$f"; fi
    done
    jar_stamps
    command -v "$JAVA"
  } | sha1sum | cut -c1-20
}

# cached_launcher_command [spark-submit options] --class MAIN JAR: launcher_command's output, from the cache
# when these options were seen before (the job's own options are appended by the caller, unchanged).
cached_launcher_command() {
  local dir="$ROOT/job/target/launch" key file
  if [ -n "${SPARK_PRINT_LAUNCH_COMMAND:-}" ]; then launcher_command "$@"; return; fi
  key=$(launch_key "$@")
  file="$dir/$key"
  if [ ! -s "$file" ]; then
    mkdir -p "$dir"
    ( launcher_command "$@" ) > "$file.$$" || { rm -f "$file.$$"; return 1; }
    mv -f "$file.$$" "$file"
    # a few hundred sets of options at most (tests use many)
    if [ "$(find "$dir" -maxdepth 1 -type f | wc -l)" -gt 400 ]; then
      find "$dir" -maxdepth 1 -type f -mmin +60 -delete 2> /dev/null || true
    fi
  fi
  cat "$file"
}

# with_class_sharing train|notrain < CMD: CMD (a java command from Spark's launcher, NUL-separated) with the
# class archive of this build added, made first when missing (train); unchanged when sharing is off or not possible.
# The configuration directory moves to the end of the class path: the archive needs every directory before
# its last jar to be empty, and the directory holds only configuration files, which no jar has.
with_class_sharing() {
  local cmd=() a
  while IFS= read -r -d '' a; do cmd+=("$a"); done
  [ "${#cmd[@]}" -gt 0 ] || return 0
  if [ "${ALLPAIRS_CDS:-on}" = off ] || [ "${#cmd[@]}" -lt 3 ] || [ "${cmd[1]}" != -cp ]; then
    printf '%s\0' "${cmd[@]}"; return
  fi
  local cp=${cmd[2]} conf=${SPARK_CONF_DIR:-}
  if [ -n "$conf" ]; then
    case "$cp" in "$conf:"*|"$conf/:"*) cp="${cp#*:}:${cp%%:*}" ;; esac
  fi
  local archive
  # The job jar by content: the build is reproducible, so a rebuild of unchanged sources keeps the archive
  # (Spark's jars keep their repository times; the JVM checks those itself).
  archive="$ROOT/job/target/cds/$( { echo "$cp"; oops_mode "${cmd[@]}"; sha1sum < "$JAR"
    jar_stamps; stat -L -c '%n %s %Y' "$(readlink -f "$(command -v "${cmd[0]}")")"; } | sha1sum | cut -c1-20).jsa"
  if [ "$1" = train ] && [ ! -s "$archive" ]; then train_class_archive "$archive" "${cmd[0]}" "$cp" "${cmd[@]:3}" || true; fi
  # JVM warnings (a stale archive is one) go to stderr: stdout carries only the summary JSON.
  if [ -s "$archive" ]; then
    printf '%s\0' "${cmd[0]}" -XX:SharedArchiveFile="$archive" -Xshare:auto -Xlog:disable -Xlog:all=warning:stderr \
      -cp "$cp" "${cmd[@]:3}"
  else
    printf '%s\0' "${cmd[@]}"
  fi
}

# "nocoops" when the heap is too large for compressed pointers (-Xmx of 32 GiB or more): the JVM then maps
# another base archive, and an archive made over the usual one would not load.
oops_mode() {
  local a mb=0
  for a in "$@"; do
    case "$a" in
      -Xmx*[gG]) mb=$(( ${a//[^0-9]/} * 1024 )) ;;
      -Xmx*[mM]) mb=${a//[^0-9]/} ;;
      -XX:-UseCompressedOops) mb=999999999 ;;
    esac
  done
  [ "$mb" -lt 32768 ] || echo nocoops
}

# train_class_archive ARCHIVE JAVA CLASSPATH [java options] SparkSubmit ...: a tiny levenshtein run on 4 reads
# with this command's JVM options, archiving the classes it loaded into ARCHIVE. One at a time (a run that
# finds another training skips sharing); a failed training is not retried for this build.
train_class_archive() {
  local archive=$1 java=$2 cp=$3 opts=() dir tmp rc=0
  shift 3
  while [ $# -gt 0 ] && [ "$1" != org.apache.spark.deploy.SparkSubmit ]; do opts+=("$1"); shift; done
  dir=$(dirname "$archive")
  mkdir -p "$dir"
  [ ! -e "$archive.failed" ] || return 1
  exec 9> "$dir/.lock"
  flock -n 9 || { exec 9>&-; return 1; }
  if [ ! -s "$archive" ]; then
    rm -f "$dir"/*.jsa "$dir"/*.failed # older builds''' archives
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/allpairs-cds.XXXXXX")
    printf 'ACGTACGTAC\nACGTACGTTC\nACGAACGTAC\nTTGTACGTAC\n' > "$tmp/reads.txt"
    "$java" -XX:ArchiveClassesAtExit="$archive.tmp" -Xlog:disable -Xlog:all=error:stderr -cp "$cp" \
      ${opts[@]+"${opts[@]}"} org.apache.spark.deploy.SparkSubmit --master 'local[2]' --conf spark.ui.enabled=false \
      --class "$MAIN_CLASS" "$JAR" --input "$tmp/reads.txt" --kernel levenshtein --output "$tmp/out.npy" \
      > /dev/null 2>&1 < /dev/null || rc=$?
    rm -rf "$tmp"
    if [ "$rc" -eq 0 ] && [ -s "$archive.tmp" ]; then mv -f "$archive.tmp" "$archive"; else rm -f "$archive.tmp"; touch "$archive.failed"; fi
  fi
  exec 9>&-
  [ -s "$archive" ]
}
