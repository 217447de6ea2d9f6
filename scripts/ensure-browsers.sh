#!/usr/bin/env bash
# Makes sure a Chromium for Playwright (and Java for the HTML checker, redis-server for the Redis
# view-store tests, nginx for the cluster tests) exists. On Debian (this project's machines and CI) that is Debian's package at
# /usr/bin/chromium; elsewhere Playwright's own browser is installed.
set -euo pipefail
has_redis() { command -v redis-server >/dev/null 2>&1 && { command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; }; }
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ] && has_redis; then exit 0; fi
if [ -x /usr/bin/chromium ] && command -v java >/dev/null 2>&1 && has_redis; then exit 0; fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  # Java runs the Nu HTML Checker (vnu-jar) in the markup tests; the unit tests start their own
  # redis-server (lib/popular/redis-store.test.ts).
  echo "Installing Debian's chromium, a Java runtime, redis-server and nginx…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core default-jre-headless redis-server nginx >/dev/null
  exit 0
fi
has_redis || echo "redis-server or nginx is missing: install them (apt-get install -y nginx redis-server); the Redis view-store and cluster tests need them."
if [ -x /usr/bin/chromium ]; then echo "Java is missing: install a JRE for the Nu HTML Checker test."; exit 0; fi
echo "No /usr/bin/chromium: installing Playwright's Chromium instead."
npx playwright install chromium
