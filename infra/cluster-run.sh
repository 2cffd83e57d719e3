#!/usr/bin/env bash
# The proving job on a standalone Flink cluster with a TaskManager killed mid-run: starts the Kafka broker
# (infra/kafka.sh) and a Flink cluster of a JobManager and two TaskManagers (infra/flink.sh) unless they run,
# creates this run's topics, sends the workload (valid digits_mlp requests and malformed records of five
# kinds), submits the job from the foldline jar, kills TaskManager 2 with SIGKILL once the first checkpoint
# has completed, starts it again, waits for the bounded job to finish, and checks read_committed that every
# valid request is in exactly one window and every malformed record in exactly one dead letter with the right
# reason. Stops what it started. Exit 0 when the check passes.
#
# Usage: infra/cluster-run.sh [options]
#   --requests N     records sent, malformed ones included (default 1000)
#   --malformed M    of which malformed (default 50)
#   --jar PATH       the foldline jar (default jobs/target/foldline.jar, built by ./foldline when missing)
#   --no-kill        do not kill a TaskManager (a clean run)
#   --keep           leave the broker and the cluster running afterwards
#   --timeout S      seconds the job may take once submitted (default 1200)
#   --kafka-port P   broker client port (default 19092 or FOLDLINE_KAFKA_PORT)
#   --rest-port P, --rpc-port P, --blob-port P   Flink ports (defaults 18081, 16123, 16124)
# With FOLDLINE_INFRA_RUN=<dir> and other ports it runs beside a default setup without touching it.
# The model (digits_mlp, an INSECURE test proving key) is compiled once into .cache/demo, like ./foldline demo.
# Logs: the cluster's under .cache/infra/run/flink/log; this run's manifest under .cache/infra/run/cluster-run/.
set -euo pipefail

prog="cluster-run.sh"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

requests=1000; malformed=50; jar=""; kill_tm=true; keep=false; timeout=1200
kafka_port="${FOLDLINE_KAFKA_PORT:-19092}"; rest_port=18081; rpc_port=16123; blob_port=16124
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) need_value "$@"; requests="$2"; shift 2 ;;
    --malformed) need_value "$@"; malformed="$2"; shift 2 ;;
    --jar) need_value "$@"; jar="$2"; shift 2 ;;
    --no-kill) kill_tm=false; shift ;;
    --keep) keep=true; shift ;;
    --timeout) need_value "$@"; timeout="$2"; shift 2 ;;
    --kafka-port) need_value "$@"; kafka_port="$2"; shift 2 ;;
    --rest-port) need_value "$@"; rest_port="$2"; shift 2 ;;
    --rpc-port) need_value "$@"; rpc_port="$2"; shift 2 ;;
    --blob-port) need_value "$@"; blob_port="$2"; shift 2 ;;
    -h|--help) print_header "$0"; exit 0 ;;
    *) echo "$prog: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
require_number "--requests" "$requests"
require_number "--timeout" "$timeout"
[[ "$malformed" =~ ^[0-9]+$ ]] && [ "$malformed" -lt "$requests" ] || die "--malformed must be a number below --requests"

infra="$infra_root/infra"
bootstrap="127.0.0.1:$kafka_port"
rest="http://127.0.0.1:$rest_port"
parallelism=2
run_id="cluster-$(date +%Y%m%d-%H%M%S)"
work="$infra_run/cluster-run"
manifest="$work/$run_id.manifest"
mkdir -p "$work"

if [ -z "$jar" ]; then
  jar="$infra_root/jobs/target/foldline.jar"
  "$infra_root/foldline" --version >/dev/null # builds the jar when it is missing or stale
fi
[ -f "$jar" ] || die "no foldline jar at $jar"
pick_java

started_kafka=false; started_flink=false
cleanup() {
  local rc=$?
  if ! $keep; then
    $started_flink && "$infra/flink.sh" stop || true
    $started_kafka && "$infra/kafka.sh" stop || true
  fi
  exit $rc
}
trap cleanup EXIT

tool() { "$java_bin" -cp "$jar" io.foldline.cli.demo.ClusterTool "$@"; }
json_field() { grep -o "\"$1\":$2" | head -n 1 | sed "s/^\"$1\"://; s/\"//g"; }

if ! "$infra/kafka.sh" status >/dev/null 2>&1; then
  "$infra/kafka.sh" start --port "$kafka_port"
  started_kafka=true
fi
if ! "$infra/flink.sh" status >/dev/null 2>&1; then
  "$infra/flink.sh" start --taskmanagers 2 --slots 2 --rest-port "$rest_port" --rpc-port "$rpc_port" \
    --blob-port "$blob_port"
  started_flink=true
fi

mapfile -t model_flags < <(tool model --root "$infra_root")
[ ${#model_flags[@]} -gt 0 ] || die "could not prepare the model"
tool topics --bootstrap "$bootstrap" --run "$run_id" --partitions "$parallelism"
tool produce --bootstrap "$bootstrap" --run "$run_id" --root "$infra_root" \
  --valid "$((requests - malformed))" --malformed "$malformed" --manifest "$manifest"

prefix="demo-$run_id"
submit_out="$work/$run_id.submit.log"
"$infra/flink.sh" submit -d -p "$parallelism" -c io.foldline.jobs.ProvingJob "$jar" \
  --kafka.bootstrap-servers "$bootstrap" --topics.requests "$prefix-requests" \
  --topics.window-proofs "$prefix-window-proofs" --topics.dead-letters "$prefix-dead-letters" \
  --kafka.group-id "$prefix" --kafka.transactional-id-prefix "foldline-$prefix" \
  --parallelism "$parallelism" --window.size 32 --checkpoint.interval 2s --source.bounded true --restart.attempts 10 \
  "${model_flags[@]}" 2>&1 | tee "$submit_out"
job_id="$(grep -o 'JobID [0-9a-f]\{32\}' "$submit_out" | head -n 1 | sed 's/JobID //')"
[ -n "$job_id" ] || die "the job was not submitted (see $submit_out and $infra_run/flink/log/client.log)"
say "job $job_id submitted; web UI $rest/#/job/running/$job_id/overview"

started=$SECONDS
restarts=0
killed=false
state=""
while :; do
  state="$(curl -s "$rest/jobs/$job_id" | json_field state '"[A-Z_]*"' || true)"
  case "$state" in FINISHED|FAILED|CANCELED) break ;; esac
  ((SECONDS - started < timeout)) || die "the job is still $state after ${timeout}s"
  n="$(curl -s "$rest/jobs/$job_id/metrics?get=numRestarts" | grep -o '"value":"[0-9]*"' | grep -o '[0-9]\+' || true)"
  [ -n "$n" ] && restarts="$n"
  if $kill_tm && ! $killed; then
    completed="$(curl -s "$rest/jobs/$job_id/checkpoints" | json_field completed '[0-9]*' || true)"
    if [ "${completed:-0}" -ge 1 ]; then
      say "$completed checkpoint(s) completed after $((SECONDS - started))s; killing taskmanager 2"
      "$infra/flink.sh" taskmanager stop 2 --kill
      killed=true
      sleep 3
      "$infra/flink.sh" taskmanager start 2
    fi
  fi
  sleep 2
done
say "job $state after $((SECONDS - started))s; restarts seen: $restarts"
[ "$state" = "FINISHED" ] || die "the job ended $state (logs in $infra_run/flink/log)"
if $kill_tm && ! $killed; then
  say "warning: the job finished before its first checkpoint completed, so no taskmanager was killed"
fi
if tool check --bootstrap "$bootstrap" --run "$run_id" --manifest "$manifest"; then
  say "PASS: $((requests - malformed)) valid requests and $malformed malformed records, exactly once$($killed && echo ", with taskmanager 2 killed mid-run")"
else
  die "FAIL: the outputs are not exactly once (manifest $manifest)"
fi
