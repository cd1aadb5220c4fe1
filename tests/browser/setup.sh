#!/usr/bin/env bash
# Installs playwright-core (pinned by package-lock.json) into the build folder for the browser
# test. Exit 77 (skip) when node, npm or chromium is missing; the test itself then skips too.
set -euo pipefail
src="$1"   # tests/browser in the source tree
dest="$2"  # its copy in the build tree
for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool is missing; install Node.js to run the browser test"
    exit 77
  fi
done
if [ ! -x "${ENTENTE_CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "SKIP: /usr/bin/chromium is missing; run scripts/install-deps"
  exit 77
fi
mkdir -p "$dest"
cp "$src/package.json" "$src/package-lock.json" "$src/report_test.mjs" "$dest/"
cd "$dest"
if [ -f node_modules/playwright-core/package.json ] && cmp -s package-lock.json node_modules/.entente-lock 2>/dev/null; then
  echo "playwright-core already installed in $dest"
  exit 0
fi
# Never let playwright fetch a browser of its own: the test uses Debian's chromium.
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
cp package-lock.json node_modules/.entente-lock
echo "installed playwright-core in $dest"
