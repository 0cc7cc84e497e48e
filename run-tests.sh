#!/usr/bin/env bash
# Runs every host test (unit tests on .NET, analyzer tests, build checks, broker integration tests)
# and ends with one line: "N passed, N failed, N skipped".
# Installs what the integration tests need (mosquitto, openssl) when it is missing and we are root.
set -uo pipefail
cd "$(dirname "$0")"

need=()
command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ] || need+=(mosquitto)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${need[*]} ..."
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "warning: ${need[*]} missing; integration tests will fail (sudo apt-get install -y ${need[*]})" >&2
  fi
fi

rm -rf artifacts/figures artifacts/footprint.md   # only this run's figures are printed
log=$(mktemp)
dotnet test IotDevice.Host.slnx --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Sum the per-assembly summaries: "Passed!  - Failed: 0, Passed: 33, Skipped: 0, Total: 33, ..."
read -r passed failed skipped < <(
  grep -E '(Passed|Failed)!? +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+' "$log" |
    sed -E 's/.*Failed: +([0-9]+), +Passed: +([0-9]+), +Skipped: +([0-9]+).*/\2 \1 \3/' |
    awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
rm -f "$log"

# The footprint gate's table (nf-tests/BuildChecks/Footprint): each device assembly's estimated .pe size.
if [ -f artifacts/footprint.md ]; then
  echo
  echo "Device assembly footprint (estimated from the host build):"
  cat artifacts/footprint.md
  echo
fi
# Figures a test measured (nf-tests/Integration: the broker restart loop).
for figures in artifacts/figures/*.txt; do
  [ -f "$figures" ] && echo "$(basename "$figures" .txt): $(cat "$figures")"
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1   # the build or a test host failed before any test could report
  echo "dotnet test exited with $status" >&2
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ]
