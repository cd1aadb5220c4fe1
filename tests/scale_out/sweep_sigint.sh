#!/usr/bin/env bash
# Ctrl-C stops `entente sweep` cleanly: SIGINT while a long sweep runs ends it with exit code
# 130 and a message, and -o is left as it was (no file, not a partial one). The sweep is sized
# to take minutes, so the signal always lands mid-run; the script waits for entente's worker
# threads (started after the Ctrl-C handler is set) before sending it.
# usage: sweep_sigint.sh ENTENTE SOURCE_DIR WORK_DIR
set -euo pipefail
entente=$1
source_dir=$2
work=$3
rm -rf "$work"
mkdir -p "$work"
cat >"$work/long.yaml" <<YAML
scenario: $source_dir/scenarios/us-rok-2021.yaml
models: [median, ktab-smp]
draws: 4000000
base: {seed: 7, noise_percent: 10}
grid:
  noise_percent: [5, 10, 15, 20]
YAML
"$entente" sweep "$work/long.yaml" -o "$work/out.csv" 2>"$work/stderr" &
pid=$!
# Wait (at most 20 s) until the process runs more than one thread: the sweep has started.
for _ in $(seq 200); do
  threads=$(awk '/^Threads:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
  [ "${threads:-0}" -gt 1 ] && break
  sleep 0.1
done
sleep 0.5
kill -INT "$pid"
start=$(date +%s)
set +e
wait "$pid"
code=$?
set -e
took=$(($(date +%s) - start))
cat "$work/stderr"
if [ "$code" -ne 130 ]; then
  echo "expected exit code 130 after SIGINT, got $code" >&2
  exit 1
fi
if ! grep -q "interrupted: sweep stopped, nothing written to $work/out.csv" "$work/stderr"; then
  echo "no 'interrupted' message on stderr (was the signal handled?)" >&2
  exit 1
fi
if [ -e "$work/out.csv" ]; then
  echo "$work/out.csv exists after an interrupted sweep" >&2
  exit 1
fi
extra=$(ls -A "$work" | grep -v -x -e long.yaml -e stderr || true)
if [ -n "$extra" ]; then
  echo "files left in $work after an interrupted sweep: $extra" >&2
  exit 1
fi
echo "SIGINT: exit 130 after ${took}s, nothing written"
