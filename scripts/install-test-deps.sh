#!/usr/bin/env bash
# Installs what the browser tests need: Debian's `chromium` (headless) and fonts for
# its screenshots. Safe to run again; does nothing when chromium is already there.
# Tests that need it skip with a message when it is absent.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
  echo "install-test-deps: chromium present ($(chromium --version 2>/dev/null || echo unknown version))"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-deps: no apt-get; install Chromium yourself (or set UNSPIN_CHROMIUM) to run the browser tests" >&2
  exit 0
fi
sudo=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "install-test-deps: installed $(chromium --version 2>/dev/null || echo chromium)"
