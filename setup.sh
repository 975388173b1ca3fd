#!/usr/bin/env bash
# Installs what Arkoa needs on Debian/Ubuntu without Docker: the servers the AppHost's local mode runs
# (PostgreSQL, Redis, Prometheus with promtool), Chromium for the browser tests, gpg to decrypt backups, and the
# repository's dotnet tools (smtp4dev, dotnet-ef).
# Safe to run again: it installs only what is missing. Needs root (or sudo) only when something is missing.
set -euo pipefail
cd "$(dirname "$0")"

need=()
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null || need+=(redis-server)
command -v prometheus >/dev/null || need+=(prometheus)
command -v promtool >/dev/null || need+=(prometheus)
command -v chromium >/dev/null || need+=(chromium) # browser tests: Playwright drives Debian's Chromium
command -v gpg >/dev/null || need+=(gnupg)        # decrypting backups (docs/operations.md) and their restore test
command -v python3 >/dev/null || need+=(python3)    # tools/verify-ledger.py, the offline ledger verifier, and its test

if [ ${#need[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${need[*]}"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# One tool at a time, each retried once: `dotnet tool restore` restoring two tools together into an empty tool cache
# can attribute one package's command to the other and fail ("... is not contained in the package ...",
# dotnet/sdk#53783). `dotnet tool install --local` with the manifest's version restores just that tool.
restore_tool() {
  dotnet tool install --local "$1" --version "$2" >/dev/null 2>&1 \
    || dotnet tool install --local "$1" --version "$2" >/dev/null \
    || { echo "Could not restore the dotnet tool $1 $2 (see the message above)." >&2; exit 1; }
}
while read -r id version _; do
  restore_tool "$id" "$version"
done < <(dotnet tool list --local | tail -n +3)
echo "Arkoa prerequisites are in place."
