#!/usr/bin/env bash
# Installs Debian's python3-rdflib, the independent SPARQL client the endpoint's test uses
# (tests/site/sparql.test.ts drives rdflib's SPARQLStore against `partnership serve`). Debian's
# package serves Debian's interpreter, /usr/bin/python3 (another python3 may come first on PATH).
exec bash "$(dirname "$0")/install-debian-package.sh" setup-sparql-client python3-rdflib "/usr/bin/python3 -c 'import rdflib'" 'the rdflib client test'
