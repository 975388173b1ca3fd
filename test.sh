#!/usr/bin/env bash
# Sets up and runs the whole Arkoa test suite: unit tests, and integration tests that start the real
# AppHost (local mode: PostgreSQL, Redis, smtp4dev, Prometheus as processes) and drive it over HTTP.
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
dotnet build Arkoa.sln
mkdir -p TestResults
log=TestResults/test-output.log
status=0
dotnet test Arkoa.sln --no-build --logger "console;verbosity=normal" --results-directory TestResults "$@" 2>&1 \
  | tee "$log" || status=$?
# The resources' own logs fill the output; repeat each failure (name and message) last, where a CI tail shows it.
if [ "$status" -ne 0 ]; then
  echo
  echo "=== Failed tests (full output in $log) ==="
  awk '/^ *Failed [A-Za-z]/ {show=1} /^ *Stack Trace:/ {show=0} show' "$log" | head -200
fi
exit "$status"
