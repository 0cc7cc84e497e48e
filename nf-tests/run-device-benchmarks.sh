#!/usr/bin/env bash
# Measures the SDK's hot paths on the nanoFramework runtime itself: builds the benchmark app
# (nf-tests/DeviceBenchmarks) against the nanoFramework reference assemblies, runs it on a nanoCLR and
# prints its table: time and garbage per operation beside naive baselines, and the heap a connected
# client holds per dialect. Needs NANOCLR, NF_MDP, NF_REFS and NF_PE (README, "Testing on the device
# runtime"); without them it says which is missing and runs nothing. The whole output of the run is
# kept in artifacts/device-benchmarks.log.
set -uo pipefail
cd "$(dirname "$0")/.."

missing=0
check() { # name, test flag, what it names
  local value="${!1:-}"
  if [ -z "$value" ]; then
    echo "$1 is not set: it names $3." >&2; missing=1
  elif ! test "$2" "$value"; then
    echo "$1=$value does not exist: it names $3." >&2; missing=1
  fi
}
check NANOCLR -f "the nanoCLR executable that takes .pe files as arguments"
check NF_MDP -f "nanoFramework's MetadataProcessor"
check NF_REFS -d "the folder of the nanoFramework reference assemblies"
check NF_PE -d "the folder of their .pe files"
if [ "$missing" -ne 0 ]; then
  echo "No nanoCLR here, so the device benchmarks did not run." >&2
  exit 2
fi

mkdir -p artifacts
log=artifacts/device-benchmarks.log
dotnet run --project tools/DeviceRunner -c Release -- run nf-tests/DeviceBenchmarks/IotDevice.DeviceBenchmarks.nfproj >"$log" 2>&1
status=$?

# The app prints its table between these two lines (nf-tests/DeviceBenchmarks/Program.cs).
table=$(sed -n '/^=== device benchmarks ===$/,/^=== end of device benchmarks ===$/p' "$log" | sed '1d;$d')
if [ "$status" -ne 0 ] || ! grep -q '^=== end of device benchmarks ===$' "$log"; then
  echo "The device benchmarks did not finish (runner exit $status). The end of $log:" >&2
  grep -v '^ \|^$' "$log" | tail -n 25 >&2
  exit 1
fi
echo "$table"
