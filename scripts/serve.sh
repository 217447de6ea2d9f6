#!/usr/bin/env bash
# One command to install, build and serve the production site on http://localhost:3000.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
npm ci --no-audit --no-fund
npm run build
export NODE_ENV=production PORT="${PORT:-3000}"
exec node server/start.cjs
