#!/usr/bin/env bash
# Installs the system programs the tests use, from Debian's packages, if they are missing:
# Chromium (pa11y and browser tests), poppler-utils and qpdf (PDF checks), unzip (kits),
# and Java (the Nu Html Checker). Needs root (or sudo) only when something is missing.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdfinfo >/dev/null 2>&1 || need+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || need+=(qpdf)
command -v unzip >/dev/null 2>&1 || need+=(unzip)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
if [ ${#need[@]} -eq 0 ]; then
  echo "Test tools already installed."
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing: ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
