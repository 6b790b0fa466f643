#!/usr/bin/env bash
# The report tests read PDFs with poppler's pdftotext and pdfinfo (Debian's poppler-utils).
set -euo pipefail
if command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "pdftotext is missing: run 'sudo apt-get install -y poppler-utils'." >&2
  exit 1
fi
echo "Installing Debian's poppler-utils for the report tests..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
