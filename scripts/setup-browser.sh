#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium for the browser tests (tests/site/browser.test.ts).
exec bash "$(dirname "$0")/install-debian-package.sh" setup-browser chromium '[ -x /usr/bin/chromium ]' 'the browser tests'
