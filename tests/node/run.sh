#!/usr/bin/env bash
# Runs Node test files with Eddy; prints PASS/FAIL per file and a summary.
# Usage: tests/node/run.sh path/to/test/parallel/test-*.js   (EDDY=path overrides the binary)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
eddy=${EDDY:-$here/../../target/release/eddy}
pass=0
fail=0
for t in "$@"; do
  if (cd "$(dirname "$t")" && timeout 30 "$eddy" "$(basename "$t")" >/tmp/eddy-node-test.out 2>&1); then
    echo "PASS $(basename "$t")"
    pass=$((pass + 1))
  else
    echo "FAIL $(basename "$t")"
    sed -n 1,12p /tmp/eddy-node-test.out | sed 's/^/    /'
    fail=$((fail + 1))
  fi
done
echo "passed $pass, failed $fail"
