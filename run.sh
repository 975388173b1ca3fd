#!/usr/bin/env bash
# Sets up and starts the whole Arkoa system: the Aspire AppHost, its dashboard and every resource.
# The dashboard address (with its login token) is printed below once everything is started. Ctrl+C stops it all.
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
exec dotnet run --project Arkoa.AppHost --launch-profile "${ARKOA_LAUNCH_PROFILE:-http}" "$@"
