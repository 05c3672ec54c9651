#!/usr/bin/env bash
# Installs everything Tariff Studio needs on a fresh Debian machine (root, Node 20), idempotently:
# system packages (g++, make and python3 for the native build, Chromium, Japanese fonts, LibreOffice),
# npm packages (better-sqlite3 builds from source), and Electron's binary where it can be downloaded.
# Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-system.sh

# Electron's binary is not on the npm registry; its postinstall download is skipped here (during
# npm ci) and tried once below. Without it the studio runs in browser mode.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
stamp=node_modules/.tariff-install-stamp
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "install: npm ci"
  npm ci --no-audit --no-fund
  cp package-lock.json "$stamp"
else
  echo "install: npm packages up to date"
fi

# Electron's binary counts as installed only when node_modules/electron/path.txt names a file that
# exists under node_modules/electron/dist (what `npm start` checks too), never from the folder alone.
electron_binary() {
  node -e '
    const { existsSync, readFileSync } = require("node:fs");
    const { join } = require("node:path");
    try {
      const exe = join("node_modules/electron/dist", readFileSync("node_modules/electron/path.txt", "utf8").trim());
      if (existsSync(exe)) { console.log(exe); process.exit(0); }
    } catch {}
    process.exit(1);'
}
if exe=$(electron_binary); then
  echo "install: Electron binary present ($exe)"
elif [ -f node_modules/.electron-download-failed ]; then
  echo "install: Electron's binary is not installed (an earlier download failed; delete node_modules/.electron-download-failed to retry); the studio runs in browser mode"
else
  # The try itself runs without ELECTRON_SKIP_BINARY_DOWNLOAD: electron's install.js exits 0 at once,
  # downloading nothing, whenever that variable is set.
  timeout 90 env -u ELECTRON_SKIP_BINARY_DOWNLOAD node node_modules/electron/install.js >/dev/null 2>&1 || true
  if exe=$(electron_binary); then
    echo "install: Electron binary installed ($exe)"
  else
    rm -rf node_modules/electron/dist
    touch node_modules/.electron-download-failed
    echo "install: Electron's binary could not be downloaded here; the studio will run in browser mode"
  fi
fi

echo "install: npm run build (the CLI bundle)"
npm run --silent build
