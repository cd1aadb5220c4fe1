#!/usr/bin/env bash
# A Slurm job array of `entente simulate` shards: array task K computes shard K of N and writes
# OUTDIR/part-K.ent; `entente merge OUTDIR/part-*.ent` then prints what one `entente simulate`
# of the same run prints (docs/scale-out.md).
#
#   job=$(sbatch --parsable --array=1-64 scripts/slurm-simulate.sh SCENARIO OUTDIR [simulate options])
#   sbatch --dependency=afterok:$job --wrap "entente merge OUTDIR/part-*.ent -o result.json"
#
# N is the array's size; to re-run one failed task K of a 64-shard run, keep N with SHARDS:
#   sbatch --array=K --export=ALL,SHARDS=64 scripts/slurm-simulate.sh SCENARIO OUTDIR [same options]
#SBATCH --job-name=entente-shard
#SBATCH --cpus-per-task=4
#SBATCH --time=04:00:00
#SBATCH --output=entente-shard-%A_%a.log
set -euo pipefail
if [ $# -lt 2 ] || [ -z "${SLURM_ARRAY_TASK_ID:-}" ]; then
  echo "usage: sbatch --array=1-N $0 SCENARIO OUTDIR [simulate options]" >&2
  exit 2
fi
scenario=$1
outdir=$2
shift 2
k=$SLURM_ARRAY_TASK_ID
n=${SHARDS:-$SLURM_ARRAY_TASK_COUNT}
mkdir -p "$outdir"
exec entente simulate "$scenario" "$@" --threads "${SLURM_CPUS_PER_TASK:-0}" \
  --shard "$k/$n" -o "$outdir/part-$k.ent"
