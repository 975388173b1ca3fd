#!/usr/bin/env bash
# Arkoa's performance benchmark (docs/performance.md). Builds in Release, then for each scale starts the AppHost in
# local mode with a throw-away data folder, generates the population, drives every endpoint with 1,000 connections
# and prints throughput and latency percentiles next to the baseline endpoint's.
#   bench/run.sh                     the doc's three runs: closed loop at 10,000 then 1,000,000 leaves, then an open loop
#                                    at 1,000,000 leaves (400 reads/s, 40 writes/s over 1,000 connections); 20–40 minutes
#   bench/run.sh --leaves 50000 ...  one run with these options (see bench/Arkoa.Bench/Program.cs)
set -euo pipefail
cd "$(dirname "$0")/.."
./setup.sh
dotnet build -c Release bench/Arkoa.Bench -v q -nologo
bench() { dotnet run -c Release --no-build --project bench/Arkoa.Bench -- "$@"; }
if [ $# -gt 0 ]; then
  bench "$@"
else
  status=0
  bench --leaves 10000 || status=$?
  bench --leaves 1000000 || status=$?
  bench --leaves 1000000 --rate 400 --write-rate 40 || status=$?
  exit $status
fi
