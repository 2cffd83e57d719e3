#!/usr/bin/env bash
# Starts, stops and reports a single-node KRaft Kafka broker (broker and controller in one JVM) on
# 127.0.0.1, run from the kafka_2.13 jars that Maven resolves from infra/poms/kafka/pom.xml.
#
# Usage: infra/kafka.sh start|stop|status|reset [options]
#   start     format the storage on first start, start the broker, wait until it serves clients
#   stop      SIGTERM, wait, SIGKILL if it will not go; removes the pid file
#   status    running or stopped, with pid, bootstrap address and log (exit 0 running, 3 stopped)
#   reset     delete the broker's data (topics, offsets, cluster id); it must be stopped
# Options:
#   --port P             client port (default 19092, or FOLDLINE_KAFKA_PORT)
#   --controller-port P  KRaft controller port (default client port + 1)
#   --timeout S          seconds to wait for the broker to come up (default 90)
# State (config, pid, logs, data): ${FOLDLINE_INFRA_RUN:-<repo>/.cache/infra/run}/kafka/
set -euo pipefail

prog="kafka.sh"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

main_class="kafka.Kafka"
state="$infra_run/kafka"
pid_file="$state/kafka.pid"
props="$state/server.properties"
server_log="$state/server.log"
out_log="$state/kafka.out"
data="$state/data"

usage() { print_header "$0"; }

command="${1:-}"
[ -n "$command" ] || { usage >&2; exit 2; }
shift
port="${FOLDLINE_KAFKA_PORT:-19092}"
controller_port=""
timeout=90
while [ $# -gt 0 ]; do
  case "$1" in
    --port) need_value "$@"; port="$2"; shift 2 ;;
    --controller-port) need_value "$@"; controller_port="$2"; shift 2 ;;
    --timeout) need_value "$@"; timeout="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "$prog: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
require_number --port "$port"
require_number --timeout "$timeout"
controller_port="${controller_port:-$((port + 1))}"
require_number --controller-port "$controller_port"

# The client port this broker was last started with, for status messages when no --port is given.
configured_port() {
  sed -n 's|^listeners=PLAINTEXT://127.0.0.1:\([0-9]*\),.*|\1|p' "$props" 2>/dev/null || true
}

write_config() {
  mkdir -p "$state" "$data"
  cat >"$props" <<EOF
# Written by infra/kafka.sh on each start; edits here are overwritten.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$data
# One node: every internal topic and every default has one replica.
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# Kafka's default (15 min); transactional producers (Flink's KafkaSink) must ask for less than this.
transaction.max.timeout.ms=900000
# Topics are created on purpose, so a misspelt topic name fails instead of quietly making a new topic.
auto.create.topics.enable=false
group.initial.rebalance.delay.ms=0
EOF
  cat >"$state/log4j2.properties" <<EOF
status = warn
appender.file.type = RollingFile
appender.file.name = file
appender.file.fileName = $server_log
appender.file.filePattern = $server_log.%i
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
appender.file.policies.type = Policies
appender.file.policies.size.type = SizeBasedTriggeringPolicy
appender.file.policies.size.size = 20MB
appender.file.strategy.type = DefaultRolloverStrategy
appender.file.strategy.max = 3
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = file
EOF
}

# A Kafka cluster id is 16 random bytes in URL-safe base64 without padding; one not starting with '-'
# reads well on command lines. Made here rather than with StorageTool random-uuid to save a JVM start.
new_cluster_id() {
  local id
  while :; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
    [ "${id:0:1}" != "-" ] && { echo "$id"; return; }
  done
}

format_storage() {
  [ -f "$data/meta.properties" ] && return 0
  say "formatting new storage in $data"
  if ! "$java_bin" -cp "$lib_dir/*" -Dlog4j2.configurationFile="$state/log4j2.properties" \
      kafka.tools.StorageTool format -t "$(new_cluster_id)" -c "$props" >"$state/format.out" 2>&1; then
    cat "$state/format.out" >&2
    die "formatting the storage failed"
  fi
}

start() {
  local pid
  if pid="$(live_pid "$pid_file" "$main_class")"; then
    say "already running (pid $pid, bootstrap 127.0.0.1:$(configured_port))"
    return 0
  fi
  for p in "$port" "$controller_port"; do
    port_open "$p" && die "port $p on 127.0.0.1 is already in use by another process; choose others with --port/--controller-port"
  done
  pick_java
  resolve_jars kafka
  write_config
  format_storage
  modern_jvm_flags
  # The log is appended across restarts; readiness is read from what this start adds.
  local started=$SECONDS log_start
  log_start=$(($(stat -c %s "$server_log" 2>/dev/null || echo 0) + 1))
  echo "---- $(date '+%F %T') infra/kafka.sh starts the broker ----" >>"$out_log"
  nohup "$java_bin" -Xms512m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true "${jvm_flags[@]}" \
    -Dlog4j2.configurationFile="$state/log4j2.properties" -cp "$lib_dir/*" \
    "$main_class" "$props" >>"$out_log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$pid_file"
  say "starting broker (pid $pid), waiting up to ${timeout}s for 127.0.0.1:$port ..."
  # The port is bound before the broker serves requests; the log line marks the end of startup.
  while ! { port_open "$port" && tail -c "+$log_start" "$server_log" 2>/dev/null | awk '/Kafka Server started/ { found = 1 } END { exit !found }'; }; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$pid_file"
      show_tail "$out_log" "$server_log"
      die "the broker exited during startup (logs: $server_log, $out_log)"
    fi
    if ((SECONDS - started >= timeout)); then
      show_tail "$out_log" "$server_log"
      die "the broker (pid $pid) did not come up within ${timeout}s; it is left running for inspection (stop it with: infra/kafka.sh stop)"
    fi
    sleep 0.5
  done
  say "running (pid $pid) after $((SECONDS - started))s; bootstrap servers 127.0.0.1:$port; log $server_log"
}

status() {
  local pid
  if pid="$(live_pid "$pid_file" "$main_class")"; then
    echo "kafka: running (pid $pid), bootstrap servers 127.0.0.1:$(configured_port), log $server_log, data $data"
    return 0
  fi
  echo "kafka: stopped (state in $state)"
  return 3
}

reset() {
  live_pid "$pid_file" "$main_class" >/dev/null && die "the broker is running; stop it first (infra/kafka.sh stop)"
  rm -rf "$data"
  say "deleted $data; the next start formats new storage"
}

case "$command" in
  start) start ;;
  stop) stop_pid "$pid_file" "$main_class" "kafka broker" 30 ;;
  status) status ;;
  reset) reset ;;
  -h|--help|help) usage ;;
  *) echo "$prog: unknown command '$command' (see --help)" >&2; exit 2 ;;
esac
