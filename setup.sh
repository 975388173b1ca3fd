#!/usr/bin/env bash
# Installs what Arkoa needs on Debian/Ubuntu without Docker: the servers the AppHost's local mode runs
# (PostgreSQL, Redis, Prometheus with promtool), Chromium for the browser tests, and the repository's dotnet tools
# (smtp4dev, dotnet-ef).
# Safe to run again: it installs only what is missing. Needs root (or sudo) only when something is missing.
set -euo pipefail
cd "$(dirname "$0")"

need=()
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null || need+=(redis-server)
command -v prometheus >/dev/null || need+=(prometheus)
command -v promtool >/dev/null || need+=(prometheus)
command -v chromium >/dev/null || need+=(chromium) # browser tests: Playwright drives Debian's Chromium

if [ ${#need[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${need[*]}"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

dotnet tool restore >/dev/null
echo "Arkoa prerequisites are in place."
