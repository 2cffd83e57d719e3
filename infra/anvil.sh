#!/usr/bin/env bash
# Starts, stops and reports a long-lived local anvil chain (the EVM of the chain tests) on 127.0.0.1, for
# trying the settlement contracts by hand. Tests start their own private anvil; this one is for people.
#
# Usage: infra/anvil.sh start|stop|status [options]
#   start     start anvil in the background and wait until it answers eth_chainId
#   stop      SIGTERM, wait, SIGKILL if it will not go; removes the pid file
#   status    running or stopped, with pid, RPC URL and log (exit 0 running, 3 stopped)
# Options:
#   --port P        RPC port (default 18545, or FOLDLINE_ANVIL_PORT)
#   --chain-id N    chain id (default 31337)
#   --timeout S     seconds to wait for the RPC to answer (default 30)
#   --block-time S  mine a block every S seconds, as a real chain does (default 1); 0 mines only when a
#                   transaction arrives (automine), where a window waiting for 2 confirmations never gets them
# The binary is infra/tools/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil (bash infra/install-test-tools.sh).
# Accounts: the ten dev accounts of the public test mnemonic; never send real funds to them.
# State (pid, log): ${FOLDLINE_INFRA_RUN:-<repo>/.cache/infra/run}/anvil/
set -euo pipefail

prog="anvil.sh"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

anvil_bin="${FOLDLINE_ANVIL_BIN:-$infra_root/infra/tools/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil}"
state="$infra_run/anvil"
pid_file="$state/anvil.pid"
port_file="$state/port"
log="$state/anvil.log"

usage() { print_header "$0"; }

command="${1:-}"
[ -n "$command" ] || { usage >&2; exit 2; }
shift
port="${FOLDLINE_ANVIL_PORT:-18545}"
chain_id=31337
timeout=30
block_time=1
while [ $# -gt 0 ]; do
  case "$1" in
    --port) need_value "$@"; port="$2"; shift 2 ;;
    --chain-id) need_value "$@"; chain_id="$2"; shift 2 ;;
    --timeout) need_value "$@"; timeout="$2"; shift 2 ;;
    --block-time) need_value "$@"; block_time="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "$prog: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
require_number --port "$port"
require_number --chain-id "$chain_id"
require_number --timeout "$timeout"
[[ "$block_time" =~ ^[0-9]+$ ]] || die "--block-time needs a number of seconds (0: automine), got '$block_time'"

# The chain id anvil reports, or nothing when the RPC does not answer.
rpc_chain_id() {
  curl -s -m 2 -H 'Content-Type: application/json' \
    -d '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "http://127.0.0.1:$1" 2>/dev/null \
    | sed -n 's/.*"result":"\(0x[0-9a-fA-F]*\)".*/\1/p'
}

start() {
  local pid
  if pid="$(live_pid "$pid_file" anvil)"; then
    say "already running (pid $pid, RPC http://127.0.0.1:$(cat "$port_file" 2>/dev/null))"
    return 0
  fi
  [ -x "$anvil_bin" ] || die "anvil binary not found at $anvil_bin; install it with: bash infra/install-test-tools.sh"
  command -v curl >/dev/null 2>&1 || die "curl not found on PATH (used to wait for the RPC)"
  port_open "$port" && die "port $port on 127.0.0.1 is already in use by another process; choose another with --port"
  mkdir -p "$state"
  echo "---- $(date '+%F %T') infra/anvil.sh starts anvil ----" >>"$log"
  local started=$SECONDS
  local mining=()
  [ "$block_time" -gt 0 ] && mining=(--block-time "$block_time")
  nohup "$anvil_bin" --host 127.0.0.1 --port "$port" --chain-id "$chain_id" "${mining[@]}" --silent >>"$log" 2>&1 \
    </dev/null &
  pid=$!
  echo "$pid" >"$pid_file"
  echo "$port" >"$port_file"
  say "starting anvil (pid $pid), waiting up to ${timeout}s for http://127.0.0.1:$port ..."
  while [ -z "$(rpc_chain_id "$port")" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$pid_file"
      show_tail "$log"
      die "anvil exited during startup (log: $log)"
    fi
    if ((SECONDS - started >= timeout)); then
      show_tail "$log"
      die "anvil (pid $pid) did not answer within ${timeout}s; it is left running (stop it with: infra/anvil.sh stop)"
    fi
    sleep 0.2
  done
  say "running (pid $pid) after $((SECONDS - started))s; RPC http://127.0.0.1:$port, chain id $chain_id; log $log"
}

status() {
  local pid p
  if pid="$(live_pid "$pid_file" anvil)"; then
    p="$(cat "$port_file" 2>/dev/null)"
    echo "anvil: running (pid $pid), RPC http://127.0.0.1:$p, chain id $(($(rpc_chain_id "$p" || echo 0))), log $log"
    return 0
  fi
  echo "anvil: stopped (state in $state)"
  return 3
}

case "$command" in
  start) start ;;
  stop) stop_pid "$pid_file" anvil "anvil" 10 ;;
  status) status ;;
  -h|--help|help) usage ;;
  *) echo "$prog: unknown command '$command' (see --help)" >&2; exit 2 ;;
esac
