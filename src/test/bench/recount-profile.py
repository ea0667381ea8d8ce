#!/usr/bin/python3
"""Recounts the figures of a run's profile with pandas and NumPy, from the CSV itself, and prints each mismatch.

  java -jar target/driftwatch.jar check --rules ../shared/bench/bench.yaml --snapshot ds_1m.csv \
       --reference ds_1m_shift03.csv --json run.json
  /usr/bin/python3 src/test/bench/recount-profile.py run.json ds_1m.csv

Per split: rows; per column: values, missing (empty or blank), distinct values (where exact); numbers: count, mean,
standard deviation, min, max, zeros, quantiles (NumPy's linear; a figure that is not exact must hold the truth
between its bounds), histogram buckets (numpy.histogram over [min, max]); label counts, tag counts; text columns:
texts, empty texts, mean and max length, words (maximal runs of ASCII letters and digits, lower-cased: the generated
data is ASCII), vocabulary size and the most frequent words. Needs pandas (Debian's python3-pandas).
"""
import collections
import json
import re
import sys

import numpy as np
import pandas as pd

WORD = re.compile(r'[A-Za-z0-9]+')


class Recount:
    def __init__(self):
        self.checked = 0
        self.mismatches = []

    def equal(self, what, figure, truth, relative=0.0):
        self.checked += 1
        if isinstance(figure, float) or isinstance(truth, float):
            ok = abs(figure - truth) <= relative * max(1.0, abs(truth))
        else:
            ok = figure == truth
        if not ok:
            self.mismatches.append((what, figure, truth))

    def holds(self, what, figure, truth):
        """A figure as {value, exact, lower, upper}: exact and equal, or bounds that hold the truth."""
        self.checked += 1
        ok = figure['value'] == truth if figure['exact'] else figure['lower'] - 1e-9 <= truth <= figure['upper'] + 1e-9
        if not ok:
            self.mismatches.append((what, figure, truth))


def present(values):
    return values[values.str.strip() != '']


def numbers(r, where, n, values):
    x = pd.to_numeric(values.str.strip(), errors='coerce').dropna().to_numpy()
    r.equal(where + ' numbers', n['count'], len(x))
    if len(x) == 0:
        return
    r.equal(where + ' mean', n['mean'], float(x.mean()), 1e-9)
    r.equal(where + ' stdDev', n['stdDev'], float(x.std(ddof=1)) if len(x) > 1 else 0.0, 1e-9)
    r.equal(where + ' min', n['min'], float(x.min()))
    r.equal(where + ' max', n['max'], float(x.max()))
    r.equal(where + ' zeros', n['zeros'], int((x == 0).sum()))
    for name, figure in n['quantiles'].items():
        r.holds(where + ' ' + name, figure, float(np.quantile(x, int(name[1:]) / 100)))
    buckets = n['histogram']
    if buckets and buckets[0]['count']['exact']:
        counts, _ = np.histogram(x, bins=len(buckets), range=(x.min(), x.max()))
        for i, bucket in enumerate(buckets):
            r.holds(f'{where} bucket {i}', bucket['count'], int(counts[i]))


def text(r, where, t, values):
    lengths = values.str.len().to_numpy()
    r.equal(where + ' texts', t['texts'], len(values))
    r.equal(where + ' empty', t['empty'], int((values.str.strip() == '').sum()))
    r.equal(where + ' mean length', t['chars']['mean'], float(lengths.mean()), 1e-9)
    r.equal(where + ' max length', t['chars']['max'], float(lengths.max()))
    words = collections.Counter()
    for s in present(values):
        words.update(w.lower() for w in WORD.findall(s))
    r.equal(where + ' words', t['wordCount'], sum(words.values()))
    r.holds(where + ' vocabulary', t['vocabularySize'], len(words))
    for entry in t['frequentWords']:
        r.holds(f"{where} word {entry['value']}", entry['count'], words.get(entry['value'], 0))


def main(run, csv):
    profile = json.load(open(run))['profile']
    rows = pd.read_csv(csv, dtype=str, keep_default_na=False)
    r = Recount()
    for split, sp in profile['splits'].items():
        sub = rows[rows['split'] == ('' if split == '(none)' else split)]
        r.equal(split + ' rows', sp['rows'], len(sub))
        for column, c in sp['columns'].items():
            where = f'{split}.{column}'
            values = sub[column]
            r.equal(where + ' values', c['count'], len(values))
            r.equal(where + ' missing', sum(n for reason, n in c['missingByReason'].items()
                                          if reason in ('empty', 'blank', 'null')), int((values.str.strip() == '').sum()))
            if c.get('distinct'):
                r.holds(where + ' distinct', c['distinct'], present(values).nunique())
            if c.get('numeric'):
                numbers(r, where, c['numeric'], values)
            if c.get('text'):
                text(r, where, c['text'], values)
        if sp.get('labels'):
            counts = present(sub[sp['labels']['column']]).value_counts()
            for label, figure in sp['labels']['counts'].items():
                r.holds(f'{split} label {label}', figure, int(counts.get(label, 0)))
        if sp.get('tags'):
            counts = present(sub[sp['tags']['column']]).value_counts()
            for entry in sp['tags']['frequencies']:
                r.holds(f"{split} tag {entry['value']}", entry['count'], int(counts.get(entry['value'], 0)))
    print(f'{r.checked} figures recounted, {len(r.mismatches)} mismatches')
    for m in r.mismatches[:50]:
        print('MISMATCH', *m)
    return 1 if r.mismatches else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1], sys.argv[2]))
