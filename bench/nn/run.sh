#!/bin/sh
# Runs gograd's nn benchmark and its peers side by side; prints `name ours peer ratio` lines.
# Peers run in their fastest configuration on a 2-core machine: one BLAS thread, one torch thread.
# Usage: bench/nn/run.sh [scale]   (scale multiplies the peers' step counts; default 1)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
py=/usr/bin/python3
peers=$(mktemp)
trap 'rm -f "$peers"' EXIT
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
# Each peer runs twice (its best of three timed loops each time) and keeps its best: on a
# shared machine that is the conservative side to err on.
for i in 1 2; do
	"$py" "$here/numpy_peer.py" "${1:-1}" >>"$peers" || echo "# numpy peer failed" >&2
	"$py" "$here/torch_peer.py" "${1:-1}" >>"$peers" || echo "# torch peer failed" >&2
done
cd "$root"
go run ./bench/nn -peers "$peers"
