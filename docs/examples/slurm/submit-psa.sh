#!/usr/bin/env bash
# Submits a sarcsim PSA as a Slurm array of SHARDS tasks plus a merge job that waits for them.
# Usage (from the repository root, after `pnpm build`):
#   docs/examples/slurm/submit-psa.sh SCENARIO.json SHARDS OUT_DIR [--draws D --patients N ...]
# Prints the merge job's id; the result is OUT_DIR/psa.json (and OUT_DIR/csv, OUT_DIR/summary.txt).
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: $0 SCENARIO.json SHARDS OUT_DIR [sarcsim psa flags]" >&2
  exit 2
fi
scenario=$1
shards=$2
out=$3
shift 3
here=$(dirname "$0")
mkdir -p "$out/parts"
array_job=$(sbatch --parsable --array="0-$((shards - 1))" --output="$out/parts/%a.log" \
  "$here/psa-shard.sbatch" "$scenario" "$out" "$@")
sbatch --parsable --dependency="afterok:${array_job}" --kill-on-invalid-dep=yes --output="$out/merge.log" \
  "$here/psa-merge.sbatch" "$out"
