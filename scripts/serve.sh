#!/usr/bin/env bash
# Installs whatever is missing, then builds and serves the app on http://127.0.0.1:8080
# (rebuilding on change). Usage: scripts/serve.sh [--release]
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"
scripts/setup.sh
exec trunk serve "$@"
