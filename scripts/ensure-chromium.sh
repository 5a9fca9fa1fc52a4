#!/usr/bin/env bash
# The web app's browser test renders pages with headless Chromium from Debian packages;
# install it once per machine so the test never has to skip.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium

if [ ! -x /usr/bin/chromium ]; then
  echo "ensure-chromium: installed 'chromium' but /usr/bin/chromium is still missing" >&2
  exit 1
fi
