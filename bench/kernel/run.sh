#!/usr/bin/env bash
# One command for the kernel benchmark: gograd vs Debian's ipykernel, side by side.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/ensure-deps bench
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
go build -o "$prefix/bin/gograd" .
"$prefix/bin/gograd" install --prefix "$prefix" >/dev/null
JUPYTER_PATH="$prefix/share/jupyter" ${GOGRAD_PYTHON:-/usr/bin/python3} bench/kernel/bench.py gograd python3
