#!/usr/bin/env bash
# End-to-end tests of the VS Code extension (after `npm run build`, which `npm test` and
# `npm run test:e2e` run first): installs what is missing (Debian packages and code-server into
# .e2e/), packages the .vsix, then runs
#   - the in-host mocha suite inside a real VS Code (code-server here; @vscode/test-electron with
#     FENGONG_E2E=electron on machines that can download VS Code), and
#   - the Playwright UI checks against the installed .vsix, saving screenshots in test-output/e2e/.
# Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$(date +%s)

bash scripts/e2e/install.sh
node scripts/e2e/build.mjs
npx vsce package --no-dependencies --out fengong.vsix >test-output-vsce.log 2>&1 || { cat test-output-vsce.log; rm -f test-output-vsce.log; exit 1; }
if grep -qi 'warning' test-output-vsce.log; then cat test-output-vsce.log; rm -f test-output-vsce.log; echo "e2e: vsce warned"; exit 1; fi
rm -f test-output-vsce.log
node scripts/e2e/checkVsix.mjs fengong.vsix
echo "e2e: packaged fengong.vsix ($(du -k fengong.vsix | cut -f1) KB)"

if [ "${FENGONG_E2E:-}" = electron ]; then
  node out/test/e2e/runElectron.js
fi
node out/test/e2e/codeServer.js fengong.vsix

echo "e2e: all passed in $(( $(date +%s) - started )) s"
