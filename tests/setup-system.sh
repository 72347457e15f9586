#!/usr/bin/env bash
# System packages the tests need, installed only when missing (idempotent, non-interactive).
# curl: the endpoint tests query the live server with it. Other engineers add their own
# (e.g. Chromium for the query-page test) to PACKAGES below.
set -euo pipefail

PACKAGES=()
command -v curl >/dev/null 2>&1 || PACKAGES+=(curl)
# chromium: tests/test_browser.py drives it headless (Debian's package gives /usr/bin/chromium).
[ -x /usr/bin/chromium ] || PACKAGES+=(chromium)

if [ "${#PACKAGES[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}"
fi
