#!/usr/bin/env bash
# The whole test suite: installs what the tests need (PostgreSQL from Debian packages), then runs every test.
# Tests that read the corpora expect the 'shared' folder beside the checkout (or MARSAD_SHARED).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

for setup in scripts/ensure-*.sh; do
  [ -e "$setup" ] && bash "$setup"
done

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
dotnet test Marsad.slnx -c Release --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line that any CI reads: 'tests: N passed, N failed, N skipped'.
awk '/(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:")  { f += $(i+1) }
         if ($i == "Passed:")  { p += $(i+1) }
         if ($i == "Skipped:") { s += $(i+1) }
       }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' FS='[ ,]+' "$log"
exit "$status"
