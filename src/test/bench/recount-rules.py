#!/usr/bin/python3
"""Recounts the counts the rules of ../shared/bench/bench.yaml report for a generated file, from the CSV itself with
Python alone, and prints each mismatch.

  java -jar target/driftwatch.jar check --rules ../shared/bench/bench.yaml --snapshot ds_1m.csv \
       --reference ds_1m_shift03.csv --json run.json
  /usr/bin/python3 src/test/bench/recount-rules.py run.json ds_1m.csv

What is recounted, per split: rows; missing values (empty or blank; for age also the token 0, numerically);
duplicate rows (equal in every column but id, as read); rows outside [13, 90] among the numeric ages; spellings of
category equal after normalising; the class balance ratio; per pair of splits, rows of the later split whose id,
whose inputs as written and whose inputs normalised appear in the earlier one; groups of rows with equal normalised
inputs and more than one tag value (rows without tags left out). Normalising: NFKC, lower case, Unicode punctuation
(category P) dropped, runs of whitespace made one space, stripped.
"""
import collections
import csv
import json
import re
import sys
import unicodedata

ORDER = ['train', 'val', 'test']
SPACES = re.compile(r'[ \t\n\x0b\f\r]+')


def normalised(text):
    t = unicodedata.normalize('NFKC', text).lower()
    t = ''.join(c for c in t if not unicodedata.category(c).startswith('P'))
    return SPACES.sub(' ', t).strip()


def number(text):
    try:
        return float(text.strip())
    except ValueError:
        return None


def count_in(message):
    """The first 'N of M' of a message, as two ints."""
    m = re.search(r'([0-9,]+) of ([0-9,]+)', message)
    return (int(m.group(1).replace(',', '')), int(m.group(2).replace(',', ''))) if m else None


def main(run, path):
    results = json.load(open(run))['results']
    with open(path, newline='', encoding='utf-8') as f:
        reader = csv.reader(f)
        header = next(reader)
        col = {name: i for i, name in enumerate(header)}
        rows = list(reader)
    by_split = collections.defaultdict(list)
    for row in rows:
        by_split[row[col['split']] or '(none)'].append(row)
    truth = {}
    for split, srows in by_split.items():
        truth[('rows', split)] = len(srows)
        for c in ('title', 'description', 'score'):
            truth[('inputs-present', c, split)] = sum(1 for r in srows if r[col[c]].strip() == '')
        truth[('age-present', 'age', split)] = sum(1 for r in srows if r[col['age']].strip() == ''
                                                  or number(r[col['age']]) == 0.0)
        seen, repeats = set(), 0
        for r in srows:
            key = tuple(v for i, v in enumerate(r) if i != col['id'])
            repeats += key in seen
            seen.add(key)
        truth[('duplicate-rows', split)] = repeats
        ages = [number(r[col['age']]) for r in srows]
        ages = [a for a in ages if a is not None]
        truth[('age-range', 'age', split)] = sum(1 for a in ages if a < 13 or a > 90)
        spellings = collections.defaultdict(collections.Counter)
        for r in srows:
            if r[col['category']].strip():
                spellings[normalised(r[col['category']])][r[col['category']]] += 1
        multi = [s for s in spellings.values() if len(s) > 1]
        truth[('spellings', split)] = (len(multi), sum(sum(s.values()) for s in multi))
        classes = collections.Counter(r[col['category']] for r in srows if r[col['category']].strip())
        truth[('label-balance', split)] = max(classes.values()) / min(classes.values())
    keys = {
        'id': lambda r: r[col['id']],
        'exact': lambda r: (r[col['title']], r[col['description']]),
        'normalised': lambda r: (normalised(r[col['title']]), normalised(r[col['description']])),
    }
    for mode, key in keys.items():
        for i, earlier in enumerate(ORDER):
            known = {key(r) for r in by_split[earlier]}
            for later in ORDER[i + 1:]:
                truth[('split-leakage', mode, later, earlier)] = sum(1 for r in by_split[later] if key(r) in known)
    groups = collections.defaultdict(set)
    members = collections.Counter()
    for r in rows:
        if r[col['tags']].strip():
            k = (normalised(r[col['title']]), normalised(r[col['description']]))
            groups[k].add(r[col['tags']])
            members[k] += 1
    conflicting = [k for k, tags in groups.items() if len(tags) > 1]
    truth[('conflicting-labels',)] = (len(conflicting), sum(members[k] for k in conflicting))

    checked, mismatches = 0, []

    def check(what, figure, expected):
        nonlocal checked
        checked += 1
        if figure != expected:
            mismatches.append((what, figure, expected))

    for res in results:
        rule, split, msg = res['rule'], res['split'], res['message']
        if rule == 'rows' and 'at least' in msg:
            check(('rows', split), int(res['observed']), truth[('rows', split)])
        elif rule in ('inputs-present', 'age-present', 'age-range'):
            check((rule, res['column'], split), count_in(msg)[0], truth[(rule, res['column'], split)])
        elif rule == 'duplicate-rows':
            check((rule, split), count_in(msg)[0], truth[(rule, split)])
        elif rule == 'spellings':
            m = re.search(r'in ([0-9,]+) rows', msg)
            check((rule, split), (int(res['observed']), int(m.group(1).replace(',', ''))), truth[(rule, split)])
        elif rule == 'label-balance':
            check((rule, split), round(res['observed'], 9), round(truth[(rule, split)], 9))
        elif rule == 'conflicting-labels':
            m = re.search(r'([0-9,]+) groups of rows \(([0-9,]+) rows', msg)
            check((rule,), (int(m.group(1).replace(',', '')), int(m.group(2).replace(',', ''))), truth[(rule,)])
        elif rule == 'split-leakage' and res['observed'] is not None:
            m = re.search(r'rows of (\w+) also appear in (\w+) (by id|with exactly|after normalising|as near)', msg)
            mode = {'by id': 'id', 'with exactly': 'exact', 'after normalising': 'normalised'}.get(m.group(3))
            if mode:
                check((rule, mode, m.group(1), m.group(2)), count_in(msg)[0], truth[(rule, mode, m.group(1), m.group(2))])
    print(f'{checked} counts recounted, {len(mismatches)} mismatches')
    for m in mismatches:
        print('MISMATCH', *m)
    return 1 if mismatches or checked == 0 else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1], sys.argv[2]))
