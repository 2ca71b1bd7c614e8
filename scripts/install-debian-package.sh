#!/usr/bin/env bash
# Installs one Debian package for the tests, unless a check says it is there already:
#   bash scripts/install-debian-package.sh <label> <package> <check command> <what skips without it>
# Idempotent and non-interactive; uses sudo only when not root. A failure here is not fatal: the
# tests that need the package then skip and say why.
set -uo pipefail
label=$1 package=$2 check=$3 skipped=$4
if bash -c "$check" >/dev/null 2>&1; then
  echo "$label: $package present"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "$label: apt-get not found; $skipped will be skipped" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "$label: not root and no sudo; $skipped will be skipped" >&2
    exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
# Without an update first when the package lists already have it (a second package in one CI run).
if $SUDO apt-get install -y -qq --no-install-recommends "$package" || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "$package"; }; then
  echo "$label: installed $package"
else
  echo "$label: could not install $package; $skipped will be skipped" >&2
fi
exit 0
