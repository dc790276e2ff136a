#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (/usr/bin/chromium) through playwright-core; no
# browser is ever downloaded. Installs it from Debian's packages when it is missing.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
  echo "browser tests need Debian's chromium: run 'apt-get install chromium' as root" >&2
  exit 1
fi
as_root=()
[ "$(id -u)" -ne 0 ] && as_root=(sudo)
echo "installing Debian's chromium for the browser tests…"
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq chromium >/dev/null
