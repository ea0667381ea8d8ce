#!/bin/bash
# Runs a command and prints the CPU seconds (user + system) of each group of its threads (by name, digits dropped),
# read from /proc/<pid>/task/*/stat every 0.2 s until it ends, the largest value seen per thread:
#   src/test/bench/thread-cpu.sh java -Xmx512m -jar target/driftwatch.jar check --rules ... --snapshot ... --reference ...
# Linux only; the clock tick is taken as 100 Hz.
"$@" > /dev/null 2>&1 &
pid=$!
log=$(mktemp)
while kill -0 "$pid" 2> /dev/null; do
  for t in /proc/"$pid"/task/*; do
    echo "$(cat "$t"/comm 2> /dev/null)|$(awk '{print $14 + $15}' "$t"/stat 2> /dev/null)|$(basename "$t")"
  done >> "$log" 2> /dev/null
  sleep 0.2
done
python3 - "$log" <<'PY'
import collections, re, sys
best = {}
for line in open(sys.argv[1]):
    parts = line.strip().split('|')
    if len(parts) < 3 or not parts[1]:
        continue
    best[parts[2]] = (parts[0], max(int(parts[1]), best.get(parts[2], ('', 0))[1]))
groups = collections.Counter()
for name, ticks in best.values():
    groups[re.sub(r'\d+$', 'N', name)] += ticks
for name, ticks in groups.most_common():
    if ticks:
        print(f"{ticks / 100:8.2f} s  {name}")
print(f"{sum(groups.values()) / 100:8.2f} s  in all")
PY
rm -f "$log"
