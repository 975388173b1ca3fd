#!/usr/bin/env bash
# Sets up and runs the whole Arkoa test suite: unit tests, and integration tests that start the real
# AppHost (local mode: PostgreSQL, Redis, smtp4dev, Prometheus as processes) and drive it over HTTP.
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
dotnet build Arkoa.sln
dotnet test Arkoa.sln --no-build --logger "console;verbosity=normal" --results-directory TestResults "$@"
