#!/bin/bash
# Runs the bench gate with each jar given, in turns, ROUNDS times; one line a run: size, round, jar, wall s, user s,
# system s, max RSS KB (/usr/bin/time); then each jar's median wall, user and system s, in how many rounds it took
# less wall time than the first jar, and the median of its wall time over the first jar's in the same round. The order
# turns each round (A B C, then B C A, ...): on these virtual machines the place in a round has weighed more than a
# change of a few per cent (the first jar won 7 of 8 pairs in session 21, the second 6 of 6 in session 22).
# Answers go to /tmp/in-turns-<jar>-<size>.out, to compare between jars.
#   src/test/bench/in-turns.sh ROUNDS 1m|10m JAR...
# Data: PEERS_WORK=/work/peers ../shared/bench/peers.sh gen 1m (and gen 10m). RULES= another rules file: jars before
# the session-14 commit that reads plain files whole need, at 10m, bench.yaml plus the line
# "max_decompressed_bytes: 4294967296" for the 3 GB file.
set -euo pipefail
rounds=$1; size=$2; shift 2
work=${PEERS_WORK:-/work/peers}
rules=${RULES:-$(dirname "$0")/../../../../shared/bench/bench.yaml}
runs=$(mktemp)
trap 'rm -f "$runs"' EXIT
jars=("$@")
for r in $(seq 1 "$rounds"); do
  for k in $(seq 0 $((${#jars[@]} - 1))); do
    jar=${jars[$(((r - 1 + k) % ${#jars[@]}))]}
    name=$(basename "$jar" .jar)
    /usr/bin/time -f "%e %U %S %M" -o /tmp/in-turns.time java -Xmx512m -jar "$jar" check --rules "$rules" \
      --snapshot "$work/data/ds_$size.csv" --reference "$work/data/ds_1m_shift03.csv" \
      > "/tmp/in-turns-$name-$size.out" 2> /dev/null || true
    echo "$size $r $name $(tail -1 /tmp/in-turns.time)" | tee -a "$runs"
  done
done
python3 - "$runs" "$(basename "$1" .jar)" <<'PY'
import statistics
import sys

runs = [line.split() for line in open(sys.argv[1])]
first = sys.argv[2]
jars = list(dict.fromkeys(run[2] for run in runs))
wall = {(run[1], run[2]): float(run[3]) for run in runs}
for jar in jars:
    mine = [run for run in runs if run[2] == jar]
    faster = sum(1 for run in mine if float(run[3]) < wall[(run[1], first)])
    ratio = statistics.median(float(run[3]) / wall[(run[1], first)] for run in mine)
    print(f"{jar}: median wall {statistics.median(float(run[3]) for run in mine):.2f} s, "
          f"user {statistics.median(float(run[4]) for run in mine):.2f} s, "
          f"system {statistics.median(float(run[5]) for run in mine):.2f} s"
          + ("" if jar == first else f", less wall time than {first} in {faster} of {len(mine)} rounds, "
             f"median wall ratio to {first} in a round {ratio:.3f}"))
PY
