#!/usr/bin/env bash
# Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium; no browser can be downloaded here):
# installed with apt when missing. Usage: source .ci/chromium.sh; ent_chromium_ensure

ent_chromium_ensure() {
  if [ -x /usr/bin/chromium ]; then
    return 0
  fi

  echo "Installing Chromium (Debian package chromium) for the browser tests..."
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null || {
    echo "Could not install Chromium; the browser tests will fail and say how to provide it."; return 1; }
  echo "$(/usr/bin/chromium --version 2>/dev/null) installed."
}
