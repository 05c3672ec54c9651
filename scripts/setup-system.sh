#!/usr/bin/env bash
# Installs the system packages the tests and the studio need, idempotently: each is skipped when
# already there. Debian (root) only; elsewhere it says what to install and carries on.
#   build-essential      g++ and make: npm ci builds better-sqlite3 from source where no prebuilt binary fits
#   python3              node-gyp, which runs that build
#   chromium             Playwright end-to-end tests of the studio (browser mode)
#   fonts-ipafont-gothic Japanese text in screenshots
#   libreoffice-calc     a real spreadsheet client for Excel round-trip tests
set -euo pipefail
want=()
{ command -v g++ && command -v make; } >/dev/null 2>&1 || want+=(build-essential)
command -v python3 >/dev/null 2>&1 || want+=(python3)
command -v chromium >/dev/null 2>&1 || want+=(chromium)
dpkg -s fonts-ipafont-gothic >/dev/null 2>&1 || want+=(fonts-ipafont-gothic)
if [ "${SKIP_LIBREOFFICE:-}" != 1 ]; then
  command -v soffice >/dev/null 2>&1 || want+=(libreoffice-calc)
fi
if [ ${#want[@]} -eq 0 ]; then
  echo "setup-system: build tools (g++, make, python3), chromium, fonts and LibreOffice already installed"
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-system: please install: ${want[*]} (needs Debian/Ubuntu and root)" >&2
  exit 0
fi
echo "setup-system: installing ${want[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
echo "setup-system: done"
