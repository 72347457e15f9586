#!/usr/bin/env bash
# Set up everything the tests need on a fresh machine, then run them.
# System packages (Chromium for the query-page test, curl) come from tests/setup-system.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f tests/setup-system.sh ]; then bash tests/setup-system.sh; fi
python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'
python3 -m ruff check .
python3 -m pytest "$@"
