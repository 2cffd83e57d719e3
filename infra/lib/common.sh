# shellcheck shell=bash disable=SC2034 # its globals are read by the scripts that source it
# Helpers shared by infra/kafka.sh and infra/flink.sh: finding a JDK, resolving a service's jars with Maven,
# the state folder layout, pid files, waiting for a port and stopping a process. Sourced, never run.
#
# Layout (FOLDLINE_INFRA_HOME, default <repo>/.cache/infra):
#   <name>/lib/            jars copied by Maven from infra/poms/<name>/pom.xml (plus a .complete marker)
#   run/<service>/         one folder per service: config, *.pid, logs, data
#                          (FOLDLINE_INFRA_RUN moves run/, e.g. for a second set of services on other ports)

infra_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
infra_home="${FOLDLINE_INFRA_HOME:-$infra_root/.cache/infra}"
infra_run="${FOLDLINE_INFRA_RUN:-$infra_home/run}"

# Each script sets `prog` (its name in messages) before sourcing this file.
die() { echo "${prog:-infra}: $*" >&2; exit 1; }
say() { echo "${prog:-infra}: $*"; }

# The newest JDK >= 21, searched the way ./foldline does (JAVA_HOME first, then /usr/lib/jvm);
# the `java` on PATH may be 17.
pick_java() {
  local cand v
  for cand in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/*; do
    if [ -z "$cand" ] || [ ! -x "$cand/bin/java" ]; then continue; fi
    v=$("$cand/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] 2>/dev/null; then
      java_bin="$cand/bin/java"
      java_major="${v%%.*}"
      return 0
    fi
  done
  die "needs a JDK >= 21 (set JAVA_HOME or install one under /usr/lib/jvm)"
}

# Sets lib_dir to <home>/<name>/lib, filling it with Maven on first use or when the pom changed.
# The .complete marker is written last, so an interrupted copy is redone rather than half used.
resolve_jars() {
  local name="$1"
  local pom="$infra_root/infra/poms/$name/pom.xml"
  lib_dir="$infra_home/$name/lib"
  if [ -f "$lib_dir/.complete" ] && [ ! "$pom" -nt "$lib_dir/.complete" ]; then
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found on PATH (Maven resolves the $name jars)"
  say "resolving the $name jars with Maven into $lib_dir (first use only) ..."
  rm -rf "$lib_dir"
  mkdir -p "$lib_dir"
  if ! mvn -q -B -Dstyle.color=never -f "$pom" dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$lib_dir" >"$infra_home/$name/mvn.log" 2>&1; then
    tail -n 30 "$infra_home/$name/mvn.log" >&2
    die "Maven could not resolve the $name jars (full output: $infra_home/$name/mvn.log)"
  fi
  touch "$lib_dir/.complete"
}

# Prints the pid in a pid file when that process is alive and its command line still names the main class
# (a stale pid reused by another process does not count).
live_pid() {
  local pid_file="$1" main_class="$2" pid cmdline
  [ -f "$pid_file" ] || return 1
  pid="$(cat "$pid_file" 2>/dev/null)" || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  [[ "$cmdline" == *"$main_class"* ]] || return 1
  echo "$pid"
}

# True when something accepts TCP connections on 127.0.0.1:<port>.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Shows the last lines of each given log that exists, for failure messages.
show_tail() {
  local f
  for f in "$@"; do
    [ -s "$f" ] || continue
    echo "---- last lines of $f ----" >&2
    tail -n 25 "$f" >&2
  done
}

# SIGTERM, up to <grace> seconds to exit, then SIGKILL. Removes the pid file either way.
stop_pid() {
  local pid_file="$1" main_class="$2" what="$3" grace="${4:-30}" pid i
  if ! pid="$(live_pid "$pid_file" "$main_class")"; then
    rm -f "$pid_file"
    say "$what is not running"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < grace * 5; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "$what (pid $pid) did not exit within ${grace}s of SIGTERM; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
  fi
  rm -f "$pid_file"
  say "stopped $what (pid $pid)"
}

# Flags that quiet JDK 24+ warnings about sun.misc.Unsafe and native access from Netty, Pekko and Kafka's
# compression libraries; older JDKs reject the first flag, so it is only passed where it exists.
modern_jvm_flags() {
  jvm_flags=()
  if [ "${java_major:-0}" -ge 24 ]; then
    jvm_flags+=(--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED)
  fi
}

# Prints a script's leading comment block (its usage text).
print_header() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$1"
}

# For option parsing: "$@" starts with an option that must be followed by a value.
need_value() {
  [ $# -ge 2 ] || die "$1 needs a value"
}

require_number() {
  if ! [[ "$2" =~ ^[0-9]+$ ]] || [ "$2" -eq 0 ]; then
    die "$1 needs a positive number, got '$2'"
  fi
}
