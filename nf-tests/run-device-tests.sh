#!/usr/bin/env bash
# Runs the unit tests on the nanoFramework runtime itself: every device test project is compiled
# against the nanoFramework reference assemblies, converted to a .pe and run on a nanoCLR.
# Needs NANOCLR, NF_MDP, NF_REFS and NF_PE (README, "Testing on the device runtime"); says which is
# missing when one is. Arguments pick test projects by name: ./nf-tests/run-device-tests.sh Json Topics
set -uo pipefail
cd "$(dirname "$0")/.."
exec dotnet run --project tools/DeviceRunner -c Release -- tests "$@"
