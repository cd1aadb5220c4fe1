#!/usr/bin/env bash
# Runs docs/scale-out.md's GNU parallel one-liner as written (four shards, then merge) with
# this build's entente first on PATH, and checks its output is byte for byte the one-machine
# `entente simulate` of the same run. Skips (ctest SKIP_REGULAR_EXPRESSION) without parallel.
# usage: gnu_parallel.sh ENTENTE SOURCE_DIR WORK_DIR
set -euo pipefail
entente=$1
source_dir=$2
work=$3
if ! command -v parallel >/dev/null 2>&1; then
  echo "SKIPPED: GNU parallel is not installed (Debian package parallel; make deps installs it)"
  exit 0
fi
line=$(grep -m1 '^parallel .*entente simulate .*--shard ' "$source_dir/docs/scale-out.md" || true)
if [ -z "$line" ]; then
  echo "docs/scale-out.md has no 'parallel ... entente simulate ... --shard' line" >&2
  exit 1
fi
# The same run on one machine: the line's simulate command without the shard and its file.
single=$(sed -e 's/^parallel [^e]*entente /entente /' -e 's/ --shard {}\/[0-9]* -o part-{}\.ent.*$//' <<<"$line")
case "$single" in
  entente\ simulate\ *) ;;
  *) echo "could not derive the one-machine command from: $line" >&2; exit 1 ;;
esac
rm -rf "$work"
mkdir -p "$work/scenarios"
cp "$source_dir/scenarios/"*.yaml "$work/scenarios/"
mkdir -p "$work/bin"
ln -s "$entente" "$work/bin/entente"
export PATH="$work/bin:$PATH" ENTENTE_DB="$work/runs.db"
cd "$work"
expected=$(eval "$single --no-db")
actual=$(eval "$line" 2>"$work/parallel.err") || { cat "$work/parallel.err" >&2; exit 1; }
if [ "$expected" != "$actual" ]; then
  diff <(echo "$expected") <(echo "$actual") >&2 || true
  echo "the GNU parallel run's output differs from: $single" >&2
  exit 1
fi
ls part-*.ent >/dev/null
echo "ok: $line"
echo "equals: $single"
