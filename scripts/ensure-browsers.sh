#!/usr/bin/env bash
# Makes sure a Chromium for Playwright (and Java for the HTML checker) exists. On Debian (this project's machines and CI) that is
# Debian's package at /usr/bin/chromium; elsewhere Playwright's own browser is installed.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ]; then exit 0; fi
if [ -x /usr/bin/chromium ] && command -v java >/dev/null 2>&1; then exit 0; fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  # Java runs the Nu HTML Checker (vnu-jar) in the markup tests.
  echo "Installing Debian's chromium and a Java runtime…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core default-jre-headless >/dev/null
  exit 0
fi
if [ -x /usr/bin/chromium ]; then echo "Java is missing: install a JRE for the Nu HTML Checker test."; exit 0; fi
echo "No /usr/bin/chromium: installing Playwright's Chromium instead."
npx playwright install chromium
