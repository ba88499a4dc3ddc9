#!/usr/bin/env bash
# Sets up a fresh clone and runs every test: the README's test command, and what .ci/run calls.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-system-deps.sh
# The forwarder's native batch I/O must build here (it is optional only where there is no C compiler).
export KDT_REQUIRE_NATIVE=1
npm ci --no-audit --no-fund
npm run build
npm run typecheck
# No import cycle, no upward arrow between the folders of packages/core/src (also a core test).
node scripts/check-layers.mjs
npm test
# The pre-commit hook (.pre-commit-hooks.yaml) installed and run by the real pre-commit, offline (a few minutes).
npm run test:pre-commit -w @kube-dns-tools/cli
# The editor end to end: a real VS Code (code-server) drives the packaged extension (scripts/e2e/run.sh).
npm run test:e2e
# Two LSP clients that are not ours (Neovim 0.7, a plain node client) against the server; skips without ../shared/lsp-harness.
npm run test:lsp-harness -w packages/language-server
