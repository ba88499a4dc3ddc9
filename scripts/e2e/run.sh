#!/usr/bin/env bash
# The VS Code e2e suite: installs code-server & co. if needed (scripts/e2e/setup.sh), packages the
# extension (.vsix), and drives a real VS Code through it. Screenshots: apps/vscode/test-results/e2e/.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/e2e/setup.sh
npm run package -w apps/vscode
node apps/vscode/test/e2e/kube-dns.e2e.mjs --vsix apps/vscode/kube-dns-tools.vsix "$@"
