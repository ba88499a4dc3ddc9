#!/usr/bin/env bash
# Debian packages the tests use: the real dnsmasq 2.90 (differential tests), dnsperf (benchmarks), and a C
# compiler with libc headers for the forwarder's native batch I/O (packages/udp-batch), and pre-commit (with
# nodeenv) to run the repository's pre-commit hook in apps/cli/test/pre-commit-hook.slow-test.ts.
set -euo pipefail

missing=()
command -v dnsmasq >/dev/null 2>&1 || [ -x /usr/sbin/dnsmasq ] || missing+=(dnsmasq-base)
command -v dnsperf >/dev/null 2>&1 || missing+=(dnsperf)
command -v cc >/dev/null 2>&1 || missing+=(gcc)
dpkg -s libc6-dev >/dev/null 2>&1 || missing+=(libc6-dev)
command -v pre-commit >/dev/null 2>&1 || missing+=(pre-commit)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "install-system-deps: need root to apt-get install ${missing[*]}" >&2; exit 1
  fi
else SUDO=; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
