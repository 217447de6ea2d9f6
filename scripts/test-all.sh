#!/usr/bin/env bash
# One command for every test on a fresh machine: installs Chromium and npm packages, then runs
# the unit tests, the content check and production build, and the Playwright suite.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
bash scripts/ensure-browsers.sh
npm ci --no-audit --no-fund
npm test
