#!/usr/bin/env bash
# Smoke check of infra/kafka.sh and infra/flink.sh, run by hand (a few minutes; not part of CI).
# Uses its own state folder (FOLDLINE_INFRA_RUN, default .cache/infra/run-smoke) and its own ports
# (Kafka 29092/29093, Flink REST 28081, RPC 26123, blob 26124), so a cluster started with the defaults is
# left alone. Steps: Kafka start, status, a transactional produce and a read_committed consume; Flink start
# with two TaskManagers, status, a submitted job; every listening socket on 127.0.0.1 only; TaskManager 1
# stopped and restarted; everything stopped and no process of the check left. Prints each step's time.
set -euo pipefail

# shellcheck disable=SC2034 # read by lib/common.sh
prog="smoke.sh"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$here/../lib/common.sh"
case "${1:-}" in -h|--help) print_header "$0"; exit 0 ;; esac

export FOLDLINE_INFRA_RUN="${FOLDLINE_INFRA_RUN:-$infra_home/run-smoke}"
kafka=("$here/../kafka.sh")
flink=("$here/../flink.sh")
kafka_port=29092
started_at=$SECONDS
pids=()

current=""

# Closes the running step with its duration and opens the next one (none: just close).
step() {
  [ -n "$current" ] && echo "smoke: -- $current: $((SECONDS - step_at))s"
  current="$*"
  step_at=$SECONDS
  [ -n "$current" ] && echo "smoke: == $current"
  return 0
}

fail() {
  echo "smoke: FAILED: $*" >&2
  exit 1
}

cleanup() {
  "${flink[@]}" stop >/dev/null 2>&1 || true
  "${kafka[@]}" stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

remember_pids() {
  local f
  for f in "$FOLDLINE_INFRA_RUN"/kafka/*.pid "$FOLDLINE_INFRA_RUN"/flink/*.pid; do
    [ -f "$f" ] || continue
    [[ " ${pids[*]} " == *" $(cat "$f") "* ]] || pids+=("$(cat "$f")")
  done
}

# Waits up to 30 s for flink.sh status to report <n> registered TaskManagers.
expect_registered() {
  local n="$1" i
  for ((i = 0; i < 30; i++)); do
    "${flink[@]}" status | grep -q "^flink: $n taskmanager(s) registered" && { "${flink[@]}" status; return 0; }
    sleep 1
  done
  "${flink[@]}" status || true
  fail "expected $n registered taskmanager(s)"
}

pick_java
echo "smoke: JDK $java_bin, state in $FOLDLINE_INFRA_RUN"

step "kafka start"
"${kafka[@]}" reset >/dev/null
"${kafka[@]}" start --port "$kafka_port"
"${kafka[@]}" start --port "$kafka_port" | grep -q "already running" || fail "a second start should say already running"

step "kafka status"
"${kafka[@]}" status

step "kafka round trip (transactional produce, read_committed consume)"
resolve_jars kafka
"$java_bin" -cp "$lib_dir/*" "$here/KafkaRoundTrip.java" "127.0.0.1:$kafka_port"

step "flink start (2 taskmanagers x 2 slots)"
"${flink[@]}" reset >/dev/null
"${flink[@]}" start --taskmanagers 2 --slots 2 --rest-port 28081 --rpc-port 26123 --blob-port 26124

step "flink status"
expect_registered 2

step "listening sockets are on 127.0.0.1 only"
remember_pids
sockets="$(ss -ltnpH | grep -E "pid=($(IFS='|'; echo "${pids[*]}"))," || true)"
echo "$sockets" | awk '{ print "  " $4, $6 }'
[ -n "$sockets" ] || fail "ss shows no listening sockets for pids ${pids[*]}"
if echo "$sockets" | awk '{ print $4 }' | grep -v -E '^(127\.0\.0\.1|\[::ffff:127\.0\.0\.1\]):[0-9]+$'; then
  fail "the sockets above listen beyond 127.0.0.1"
fi

step "flink submit (a bounded job over both taskmanagers)"
resolve_jars flink
job_dir="$FOLDLINE_INFRA_RUN/smoke-job"
rm -rf "$job_dir" && mkdir -p "$job_dir/classes"
"${java_bin%/java}/javac" --release 21 -d "$job_dir/classes" -cp "$lib_dir/*" "$here/FlinkSmokeJob.java"
"${java_bin%/java}/jar" --create --file "$job_dir/smoke-job.jar" --main-class FlinkSmokeJob -C "$job_dir/classes" .
"${flink[@]}" submit "$job_dir/smoke-job.jar" 10000 | tee "$job_dir/submit.out"
grep -q "has finished" "$job_dir/submit.out" || fail "the job did not finish"
"${flink[@]}" status | tail -n 1 | grep -q "1 FINISHED" || fail "the REST API does not list the job as FINISHED"

step "taskmanager 1 stop"
"${flink[@]}" taskmanager stop 1
expect_registered 1

step "taskmanager 1 start"
"${flink[@]}" taskmanager start 1
remember_pids
expect_registered 2

step "stop everything"
"${flink[@]}" stop
"${kafka[@]}" stop
"${flink[@]}" status >/dev/null && fail "flink status should say stopped"
"${kafka[@]}" status >/dev/null && fail "kafka status should say stopped"
for pid in "${pids[@]}"; do
  kill -0 "$pid" 2>/dev/null && fail "process $pid is still alive after stop"
done
echo "smoke: none of the ${#pids[@]} processes started (pids ${pids[*]}) is left"
trap - EXIT
step
echo "smoke: all steps passed in $((SECONDS - started_at))s"
