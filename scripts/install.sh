#!/usr/bin/env bash
# Installs everything Tariff Studio needs on a fresh Debian machine (root, Node 20), idempotently:
# system packages (Chromium, Japanese fonts, LibreOffice), npm packages (better-sqlite3 builds from
# source), and Electron's binary where it can be downloaded. Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-system.sh

# Electron's binary is not on the npm registry; its postinstall download is skipped here and tried
# once below. Without it the studio runs in browser mode.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
stamp=node_modules/.tariff-install-stamp
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "install: npm ci"
  npm ci --no-audit --no-fund
  cp package-lock.json "$stamp"
else
  echo "install: npm packages up to date"
fi

if [ ! -e node_modules/electron/dist ] && [ ! -f node_modules/.electron-download-failed ]; then
  if timeout 90 node node_modules/electron/install.js >/dev/null 2>&1; then
    echo "install: Electron binary installed"
  else
    rm -rf node_modules/electron/dist
    touch node_modules/.electron-download-failed
    echo "install: Electron's binary could not be downloaded here; the studio will run in browser mode"
  fi
fi
