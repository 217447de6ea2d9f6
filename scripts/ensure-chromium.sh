#!/usr/bin/env bash
# Makes sure a Chromium for Playwright exists. On Debian (this project's machines and CI) that is
# Debian's package at /usr/bin/chromium; elsewhere Playwright's own browser is installed.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ]; then exit 0; fi
if [ -x /usr/bin/chromium ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "Installing Debian's chromium…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null
  exit 0
fi
echo "No /usr/bin/chromium: installing Playwright's Chromium instead."
npx playwright install chromium
