#!/usr/bin/env bash
# Installs what the test suite needs beyond the .NET SDK: PostgreSQL (the production database,
# tested for real), Debian's Chromium (driven by Playwright) and the fonts PDFs are printed with. Idempotent; needs root for apt-get.
set -euo pipefail
need=()
ls -d /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -ci dejavu >/dev/null || need+=(fonts-dejavu-core)
# Passbooks and payslips are printed in the homeworker's script: Bengali, Khmer, Tamil… (Noto).
fc-list 2>/dev/null | grep -ci "Noto Sans Bengali" >/dev/null || need+=(fonts-noto-core)
# SkiaSharp finds those fonts through fontconfig. (grep -c reads all of fc-list's output: with -q it
# would stop early and pipefail would count fc-list's broken pipe as "not installed".)
ls /usr/lib/x86_64-linux-gnu/libfontconfig.so.1 /usr/lib/*/libfontconfig.so.1 >/dev/null 2>&1 || need+=(libfontconfig1)
# The browser tests inject axe-core (the accessibility checker) from npm into every page they walk.
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# axe-core at the version package-lock.json pins, into tests/CommonThread.BrowserTests/node_modules
# (the tests inject node_modules/axe-core/axe.min.js from there: no CDN).
(cd "$(dirname "$0")/../tests/CommonThread.BrowserTests" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
# Leaflet at the version src/CommonThread.Web/package-lock.json pins: the app serves its own committed copy
# (wwwroot/lib/leaflet, so it runs without node), and VendoredLeafletSpecs checks that copy against this one.
(cd "$(dirname "$0")/../src/CommonThread.Web" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
