#!/usr/bin/env bash
# Installs Debian's python3-rdflib, the independent SPARQL client the endpoint's test uses
# (tests/site/sparql.test.ts drives rdflib's SPARQLStore against `partnership serve`).
# Idempotent and non-interactive; uses sudo only when not root. A failure here is not fatal:
# that test then skips and says why.
set -uo pipefail
# Debian's package serves Debian's interpreter, /usr/bin/python3 (another python3 may come first on PATH).
if /usr/bin/python3 -c 'import rdflib' >/dev/null 2>&1; then
  echo "setup-sparql-client: rdflib present"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-sparql-client: apt-get not found; the rdflib client test will be skipped" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "setup-sparql-client: not root and no sudo; the rdflib client test will be skipped" >&2
    exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
if $SUDO apt-get install -y -qq --no-install-recommends python3-rdflib || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends python3-rdflib; }; then
  echo "setup-sparql-client: installed python3-rdflib"
else
  echo "setup-sparql-client: could not install python3-rdflib; the rdflib client test will be skipped" >&2
fi
exit 0
