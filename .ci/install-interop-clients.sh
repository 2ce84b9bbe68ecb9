#!/usr/bin/env bash
# Installs the clients the WebSocket/SSE interop tests run (tests/interop/), each only when missing:
# Debian's python3-websockets and chromium (apt), and npm's ws into tests/interop/node_modules (from package-lock.json).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
/usr/bin/python3 -c 'import websockets' 2>/dev/null || missing+=(python3-websockets)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing: ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi

if [ ! -f tests/interop/node_modules/ws/package.json ]; then
  (cd tests/interop && npm ci --no-audit --no-fund)
fi

echo "interop clients: python3 websockets $(/usr/bin/python3 -c 'import websockets; print(websockets.__version__)'), $(chromium --version 2>/dev/null), node $(node --version), ws $(node -p "require('./tests/interop/node_modules/ws/package.json').version")"
