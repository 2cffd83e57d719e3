#!/usr/bin/env bash
# Installs the npm tools pinned in infra/tools/package-lock.json into infra/tools/node_modules: the test
# oracles (snarkjs, circom2, circomlib, circomlibjs), which check Foldline's files and proofs, and the chain
# toolchain (solc-js compiles the generated verifier contracts; anvil is the local EVM: the binary package
# @foundry-rs/anvil-linux-amd64 is pinned directly, because the lock file of the @foundry-rs/anvil wrapper needs
# its other platforms' packages, which this registry does not serve, so `npm ci` refused it). Idempotent: when node_modules already matches the lock file nothing is downloaded
# (pass --force to reinstall anyway). Works from any directory.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/infra/tools"
force=false
for arg in "$@"; do
  case "$arg" in
    --force) force=true ;;
    -h|--help) sed -n "2,9p" "$0"; exit 0 ;;
    *) echo "install-test-tools: unknown argument: $arg (use --force or --help)" >&2; exit 2 ;;
  esac
done

for cmd in node npm; do
  if ! command -v "$cmd" >/dev/null 2>&1; then
    echo "install-test-tools: '$cmd' not found on PATH; install Node.js >= 18 with npm (e.g. apt-get install nodejs npm)" >&2
    exit 1
  fi
done

# True when every package of the lock file is installed at the locked version (npm's own record of the
# tree, node_modules/.package-lock.json, is compared with the lock; optional platform packages may be absent).
installed_matches_lock() {
  [ -f "$tools/node_modules/.package-lock.json" ] || return 1
  node -e '
    const [lockFile, treeFile] = process.argv.slice(1);
    const lock = require(lockFile).packages, tree = require(treeFile).packages;
    for (const [name, want] of Object.entries(lock)) {
      if (name === "") continue;
      const got = tree[name];
      if (!got ? !want.optional : got.version !== want.version) process.exit(1);
    }' "$tools/package-lock.json" "$tools/node_modules/.package-lock.json"
}

if ! $force && installed_matches_lock \
    && [ -e "$tools/node_modules/.bin/snarkjs" ] && [ -f "$tools/node_modules/circom2/cli.js" ] \
    && [ -e "$tools/node_modules/.bin/solcjs" ]; then
  echo "install-test-tools: $tools/node_modules already matches package-lock.json"
else
  echo "install-test-tools: npm ci in $tools (node $(node --version), npm $(npm --version))"
  npm ci --no-audit --no-fund --prefix "$tools"
fi

version() { node -p "require('$tools/node_modules/$1/package.json').version"; }
circom="$(cd "$tools" && node node_modules/circom2/cli.js --version 2>/dev/null | grep -i 'circom compiler' || true)"
echo "install-test-tools: installed in $tools/node_modules:"
echo "  snarkjs     $(version snarkjs)"
echo "  circom2     $(version circom2) (${circom:-circom compiler version unknown})"
echo "  circomlib   $(version circomlib)"
echo "  circomlibjs $(version circomlibjs)"
echo "  solc        $(version solc)"
anvil_bin="$tools/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"
if [ -x "$anvil_bin" ]; then
  echo "  anvil       $(version @foundry-rs/anvil-linux-amd64) ($("$anvil_bin" --version | head -1))"
else
  echo "  anvil       missing: $anvil_bin (the chain tests and the demo's settlement need it)"
fi
