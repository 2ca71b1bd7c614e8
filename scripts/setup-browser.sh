#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium for the browser tests (tests/site/*.browser.test.ts).
# Idempotent and non-interactive: does nothing when /usr/bin/chromium is already there; uses sudo
# only when not root. A failure here is not fatal: the browser tests then skip with a message.
set -uo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "setup-browser: /usr/bin/chromium present"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-browser: apt-get not found; browser tests will be skipped" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "setup-browser: not root and no sudo; browser tests will be skipped" >&2
    exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
if $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends chromium; then
  echo "setup-browser: installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
else
  echo "setup-browser: could not install chromium; browser tests will be skipped" >&2
fi
exit 0
