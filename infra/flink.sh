#!/usr/bin/env bash
# Starts, stops and reports a standalone Flink session cluster on 127.0.0.1: one JobManager and N
# TaskManagers, each its own JVM, run from the Flink jars that Maven resolves from infra/poms/flink/pom.xml.
#
# Usage: infra/flink.sh <command> [options]
#   start                   write the config, start the JobManager and the TaskManagers, wait until the
#                           REST API lists every TaskManager
#   stop                    stop every TaskManager, then the JobManager (SIGTERM, wait, SIGKILL)
#   status                  processes, registered TaskManagers and jobs (exit 0 when the JobManager runs,
#                           3 when it does not)
#   taskmanager start <i>   start TaskManager i alone (the cluster must be running) and wait until it registers
#   taskmanager stop <i>    stop TaskManager i alone; with --kill it gets SIGKILL, like a crash
#   submit [run options] <job.jar> [args...]
#                           `flink run` against this cluster; run options go before the jar (-d detached,
#                           -p parallelism, -c main class, -s savepoint path)
#   reset                   delete checkpoints, savepoints, logs and config (the cluster must be stopped)
# Options for start:
#   --taskmanagers N  (default 2)   --slots S  (slots per TaskManager, default 2)
#   --rest-port P (18081)  --rpc-port P (16123)  --blob-port P (16124)  --timeout S (120)
#   --set key=value   an extra or overriding config.yaml entry, repeatable
# Extra JVM options for every Flink JVM: FOLDLINE_FLINK_JAVA_OPTS (split on spaces).
# State (config, pids, logs, checkpoints): ${FOLDLINE_INFRA_RUN:-<repo>/.cache/infra/run}/flink/
set -euo pipefail

prog="flink.sh"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

jm_class="org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint"
tm_class="org.apache.flink.runtime.taskexecutor.TaskManagerRunner"
state="$infra_run/flink"
conf="$state/conf"
logs="$state/log"
jm_pid="$state/jobmanager.pid"
layout="$state/cluster.layout"

usage() { print_header "$0"; }

tm_pid() { echo "$state/taskmanager-$1.pid"; }
tm_log() { echo "$logs/taskmanager-$1.log"; }

# The cluster's layout is kept from `start` so that the other commands need no options.
read_layout() {
  taskmanagers=""; rest_port=""
  [ -f "$layout" ] || return 1
  taskmanagers="$(sed -n 's/^taskmanagers=//p' "$layout")"
  rest_port="$(sed -n 's/^rest_port=//p' "$layout")"
  [ -n "$taskmanagers" ] && [ -n "$rest_port" ]
}

rest_get() { curl -sf --max-time 5 "http://127.0.0.1:$rest_port$1" 2>/dev/null; }

# Resource ids of the TaskManagers the JobManager lists (each TM is started with id tm-<i>).
registered_tms() {
  rest_get /taskmanagers | grep -o '"id":"[^"]*"' | sed 's/^"id":"//; s/"$//' | sort || true
}

# Flink's distribution passes these to every JVM on Java 17+: Kryo and the RPC layer reflect into JDK classes.
java_module_flags() {
  local pkg
  module_flags=(-XX:+IgnoreUnrecognizedVMOptions
    --add-exports=java.base/sun.net.util=ALL-UNNAMED
    --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
    --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED)
  for pkg in api file parser tree util; do
    module_flags+=("--add-exports=jdk.compiler/com.sun.tools.javac.$pkg=ALL-UNNAMED")
  done
  for pkg in java.lang java.lang.reflect java.net java.io java.nio sun.nio.ch java.text java.time java.util \
      java.util.concurrent java.util.concurrent.atomic java.util.concurrent.locks; do
    module_flags+=("--add-opens=java.base/$pkg=ALL-UNNAMED")
  done
}

# Everything a Flink JVM of this cluster gets besides its memory sizes.
common_jvm_args() {
  local extra=()
  java_module_flags
  modern_jvm_flags
  read -ra extra <<<"${FOLDLINE_FLINK_JAVA_OPTS:-}"
  # Avro 1.12 refuses to instantiate generated classes outside trusted packages (see the infra notes, §5).
  jvm_args=("${module_flags[@]}" "${jvm_flags[@]}" -Djava.awt.headless=true
    -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.foldline.schemas "${extra[@]}")
}

write_config() {
  local keys=() kv key
  declare -A values=()
  set_conf() { [ -n "${values[$1]+x}" ] || keys+=("$1"); values[$1]="$2"; }
  set_conf jobmanager.rpc.address 127.0.0.1
  set_conf jobmanager.bind-host 127.0.0.1
  set_conf jobmanager.rpc.port "$rpc_port"
  set_conf blob.server.port "$blob_port"
  set_conf rest.address 127.0.0.1
  set_conf rest.bind-address 127.0.0.1
  set_conf rest.port "$rest_port"
  set_conf taskmanager.host 127.0.0.1
  set_conf taskmanager.bind-host 127.0.0.1
  set_conf jobmanager.memory.process.size 1024m
  set_conf taskmanager.memory.process.size 1600m
  # Jobs here keep little keyed state (heap backend) but proving keys live on the heap: shrink managed memory.
  set_conf taskmanager.memory.managed.fraction 0.1
  set_conf taskmanager.numberOfTaskSlots "$slots"
  set_conf parallelism.default 2
  # Spread a job's slots over the TaskManagers, so losing one TaskManager exercises recovery.
  set_conf taskmanager.load-balance.mode SLOTS
  set_conf execution.checkpointing.storage filesystem
  set_conf execution.checkpointing.dir "file://$state/checkpoints"
  set_conf execution.checkpointing.savepoint-dir "file://$state/savepoints"
  set_conf process.working-dir "$state/work"
  set_conf io.tmp.dirs "$state/tmp"
  set_conf web.tmpdir "$state/tmp/web"
  # Frequent heartbeats on loopback: a killed TaskManager is noticed in seconds rather than in a minute.
  set_conf heartbeat.interval 2000
  set_conf heartbeat.timeout 20000
  for kv in "${extra_conf[@]}"; do
    set_conf "${kv%%=*}" "${kv#*=}"
  done
  mkdir -p "$conf" "$logs" "$state/tmp/web" "$state/work"
  {
    echo "# Written by infra/flink.sh start; edits here are overwritten (use --set key=value)."
    for key in "${keys[@]}"; do echo "$key: ${values[$key]}"; done
  } >"$conf/config.yaml"
  # shellcheck disable=SC2016 # a log4j lookup, resolved by each JVM from its -Dlog.file
  write_log4j "$conf/log4j.properties" '${sys:log.file}'
  write_log4j "$conf/log4j-cli.properties" "$logs/client.log"
  printf 'taskmanagers=%s\nrest_port=%s\n' "$taskmanagers" "$rest_port" >"$layout"
}

write_log4j() {
  cat >"$1" <<EOF
monitorInterval = 30
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = file
appender.file.type = RollingFile
appender.file.name = file
appender.file.append = true
appender.file.fileName = $2
appender.file.filePattern = $2.%i
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
appender.file.policies.type = Policies
appender.file.policies.size.type = SizeBasedTriggeringPolicy
appender.file.policies.size.size = 50MB
appender.file.strategy.type = DefaultRolloverStrategy
appender.file.strategy.max = 5
# Quiet the chattiest third-party loggers, as Flink's own distribution does.
logger.pekko.name = org.apache.pekko
logger.pekko.level = INFO
logger.netty.name = org.jboss.netty.channel.DefaultChannelPipeline
logger.netty.level = ERROR
EOF
}

# Flink's bash scripts derive the JVM memory flags and the TaskManager's resource properties from the
# config with BashJavaUtils; without them the TaskManager refuses to start (taskmanager.cpu.cores is not set).
# Writes two lines per role: the JVM flags, then the -D dynamic properties.
compute_resource_params() {
  local role
  for role in JM TM; do
    if ! "$java_bin" -cp "$lib_dir/*" org.apache.flink.runtime.util.bash.BashJavaUtils "GET_${role}_RESOURCE_PARAMS" \
        --configDir "$conf" >"$state/bju.out" 2>&1; then
      # The exception messages say what is wrong; the stack frames do not.
      grep -v -E '^[[:space:]]+(at |\.\.\. )' "$state/bju.out" >&2 || true
      die "Flink rejected the memory configuration in $conf/config.yaml (see above)"
    fi
    grep '^BASH_JAVA_UTILS_EXEC_RESULT:' "$state/bju.out" | sed 's/^BASH_JAVA_UTILS_EXEC_RESULT://' \
      | tail -n 2 >"$conf/${role,,}.params" || true
    [ -s "$conf/${role,,}.params" ] || { cat "$state/bju.out" >&2; die "BashJavaUtils printed no ${role} parameters"; }
  done
  rm -f "$state/bju.out"
}

# Reads a params file into the arrays mem_flags and dyn_props.
load_params() {
  local file="$conf/$1.params" line1 line2
  [ -f "$file" ] || die "missing $file; run infra/flink.sh start first"
  { IFS= read -r line1; IFS= read -r line2; } <"$file"
  read -ra mem_flags <<<"$line1"
  read -ra dyn_props <<<"${line2:-}"
}

# Starts one JVM in the background; its stdout and stderr go to <log>.out, Flink's log to <log>.
launch() {
  local pid_file="$1" log="$2" main="$3" pid
  shift 3
  # Logs are appended across restarts (a restarted TaskManager keeps its history); reset clears them.
  echo "---- $(date '+%F %T') infra/flink.sh starts $main ----" >>"${log%.log}.out"
  nohup "$java_bin" "${mem_flags[@]}" "${jvm_args[@]}" -Dlog.file="$log" \
    -Dlog4j2.configurationFile="$conf/log4j.properties" -cp "$lib_dir/*" \
    "$main" --configDir "$conf" "${dyn_props[@]}" "$@" >>"${log%.log}.out" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$pid_file"
  launched_pid=$pid
}

start_jobmanager() {
  local pid
  if pid="$(live_pid "$jm_pid" "$jm_class")"; then
    say "jobmanager already running (pid $pid)"
    return 0
  fi
  load_params jm
  launch "$jm_pid" "$logs/jobmanager.log" "$jm_class"
  say "started jobmanager (pid $launched_pid), log $logs/jobmanager.log"
}

start_taskmanager() {
  local i="$1" pid
  if pid="$(live_pid "$(tm_pid "$i")" "$tm_class")"; then
    say "taskmanager $i already running (pid $pid)"
    return 0
  fi
  load_params tm
  launch "$(tm_pid "$i")" "$(tm_log "$i")" "$tm_class" -D "taskmanager.resource-id=tm-$i"
  say "started taskmanager $i (pid $launched_pid), log $(tm_log "$i")"
}

# Waits until the REST API lists every TaskManager id given, failing early when a process died.
wait_registered() {
  local started=$SECONDS want=("$@") have id missing pid_files f
  pid_files=("$jm_pid")
  for id in "${want[@]}"; do pid_files+=("$(tm_pid "${id#tm-}")"); done
  while :; do
    have=" $(registered_tms | tr '\n' ' ')"
    missing=()
    for id in "${want[@]}"; do [[ "$have" == *" $id "* ]] || missing+=("$id"); done
    [ ${#missing[@]} -eq 0 ] && return 0
    for f in "${pid_files[@]}"; do
      if ! live_pid "$f" "org.apache.flink" >/dev/null; then
        show_tail "${f%.pid}.out" "$logs/$(basename "${f%.pid}").log"
        die "$(basename "${f%.pid}") exited during startup (logs in $logs)"
      fi
    done
    if ((SECONDS - started >= timeout)); then
      show_tail "$logs/jobmanager.log" "$logs"/taskmanager-*.log
      die "after ${timeout}s the REST API at http://127.0.0.1:$rest_port lists [${have# }] but not [${missing[*]}]; processes are left running for inspection (infra/flink.sh stop)"
    fi
    sleep 1
  done
}

start_cluster() {
  local pid i ids=() p started=$SECONDS
  if pid="$(live_pid "$jm_pid" "$jm_class")"; then
    read_layout || true
    say "already running (jobmanager pid $pid, REST http://127.0.0.1:$rest_port); see infra/flink.sh status"
    return 0
  fi
  for p in "$rest_port" "$rpc_port" "$blob_port"; do
    port_open "$p" && die "port $p on 127.0.0.1 is already in use by another process; choose others with --rest-port/--rpc-port/--blob-port"
  done
  command -v curl >/dev/null 2>&1 || die "curl not found on PATH (used to ask the REST API for registered TaskManagers)"
  pick_java
  resolve_jars flink
  write_config
  compute_resource_params
  common_jvm_args
  start_jobmanager
  for ((i = 1; i <= taskmanagers; i++)); do
    start_taskmanager "$i"
    ids+=("tm-$i")
  done
  say "waiting up to ${timeout}s for $taskmanagers taskmanager(s) to register at http://127.0.0.1:$rest_port ..."
  wait_registered "${ids[@]}"
  say "running after $((SECONDS - started))s: jobmanager + $taskmanagers taskmanager(s) x $slots slots, web UI/REST http://127.0.0.1:$rest_port"
}

stop_cluster() {
  local f i
  for f in "$state"/taskmanager-*.pid; do
    [ -e "$f" ] || continue
    i="${f##*/taskmanager-}"
    stop_pid "$f" "$tm_class" "taskmanager ${i%.pid}" 30
  done
  stop_pid "$jm_pid" "$jm_class" "jobmanager" 30
}

status() {
  local pid i f ids jobs
  if ! pid="$(live_pid "$jm_pid" "$jm_class")"; then
    echo "flink: jobmanager stopped (state in $state)"
    for f in "$state"/taskmanager-*.pid; do
      [ -e "$f" ] || continue
      pid="$(live_pid "$f" "$tm_class")" && echo "flink: warning: $(basename "${f%.pid}") still running (pid $pid)"
    done
    return 3
  fi
  read_layout || die "the jobmanager runs (pid $pid) but $layout is missing"
  echo "flink: jobmanager running (pid $pid), REST http://127.0.0.1:$rest_port, log $logs/jobmanager.log"
  ids=" $(registered_tms | tr '\n' ' ')"
  for ((i = 1; i <= taskmanagers; i++)); do
    local registered="not registered"
    [[ "$ids" == *" tm-$i "* ]] && registered="registered"
    if pid="$(live_pid "$(tm_pid "$i")" "$tm_class")"; then
      echo "flink: taskmanager $i running (pid $pid), $registered, log $(tm_log "$i")"
    else
      echo "flink: taskmanager $i stopped, $registered"
    fi
  done
  jobs="$(rest_get /jobs/overview | grep -o '"state":"[A-Z_]*"' | sed 's/"state":"//; s/"$//' | sort | uniq -c \
    | awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2 }' || true)"
  echo "flink: $(echo "$ids" | wc -w) taskmanager(s) registered; jobs: ${jobs:-none}"
}

taskmanager_command() {
  local action="${1:-}" i="${2:-}" kill_it=false
  [ $# -ge 2 ] || die "usage: infra/flink.sh taskmanager start|stop <i> [--kill]"
  [ "${3:-}" = "--kill" ] && kill_it=true
  require_number "taskmanager index" "$i"
  case "$action" in
    start)
      live_pid "$jm_pid" "$jm_class" >/dev/null || die "the jobmanager is not running; start the cluster first"
      read_layout || die "missing $layout; start the cluster first"
      pick_java
      resolve_jars flink
      common_jvm_args
      start_taskmanager "$i"
      wait_registered "tm-$i"
      say "taskmanager $i registered"
      ;;
    stop)
      if $kill_it; then
        local pid
        pid="$(live_pid "$(tm_pid "$i")" "$tm_class")" || { say "taskmanager $i is not running"; return 0; }
        kill -KILL "$pid"
        rm -f "$(tm_pid "$i")"
        say "killed taskmanager $i (pid $pid) with SIGKILL"
      else
        stop_pid "$(tm_pid "$i")" "$tm_class" "taskmanager $i" 30
      fi
      ;;
    *) die "usage: infra/flink.sh taskmanager start|stop <i> [--kill]" ;;
  esac
}

submit() {
  [ $# -gt 0 ] || die "usage: infra/flink.sh submit [run options] <job.jar> [args...]"
  live_pid "$jm_pid" "$jm_class" >/dev/null || die "the cluster is not running; start it with infra/flink.sh start"
  pick_java
  resolve_jars flink
  common_jvm_args
  FLINK_CONF_DIR="$conf" exec "$java_bin" "${jvm_args[@]}" -Dlog.file="$logs/client.log" \
    -Dlog4j2.configurationFile="$conf/log4j-cli.properties" -cp "$lib_dir/*" \
    org.apache.flink.client.cli.CliFrontend run "$@"
}

reset() {
  local f
  for f in "$jm_pid" "$state"/taskmanager-*.pid; do
    [ -e "$f" ] || continue
    live_pid "$f" "org.apache.flink" >/dev/null && die "$(basename "${f%.pid}") is running; stop the cluster first"
  done
  rm -rf "$state"
  say "deleted $state"
}

taskmanagers=2; slots=2; rest_port=18081; rpc_port=16123; blob_port=16124; timeout=120
extra_conf=()
command="${1:-}"
[ -n "$command" ] || { usage >&2; exit 2; }
shift
case "$command" in
  taskmanager) taskmanager_command "$@"; exit ;;
  submit) submit "$@" ;;
esac

while [ $# -gt 0 ]; do
  case "$1" in
    --taskmanagers) need_value "$@"; taskmanagers="$2"; shift 2 ;;
    --slots) need_value "$@"; slots="$2"; shift 2 ;;
    --rest-port) need_value "$@"; rest_port="$2"; shift 2 ;;
    --rpc-port) need_value "$@"; rpc_port="$2"; shift 2 ;;
    --blob-port) need_value "$@"; blob_port="$2"; shift 2 ;;
    --timeout) need_value "$@"; timeout="$2"; shift 2 ;;
    --set)
      need_value "$@"
      [[ "$2" == ?*=* ]] || die "--set needs key=value, got '$2'"
      extra_conf+=("$2"); shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "$prog: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
for opt in taskmanagers slots rest_port rpc_port blob_port timeout; do
  require_number "--${opt//_/-}" "${!opt}"
done

case "$command" in
  start) start_cluster ;;
  stop) stop_cluster ;;
  status) status ;;
  reset) reset ;;
  -h|--help|help) usage ;;
  *) echo "$prog: unknown command '$command' (see --help)" >&2; exit 2 ;;
esac
