"""Which of the 25 real Made With ML snapshots each anomaly strategy flags (MadeWithMlAnomalyTest).

Independent of the Java code: the labelled table of each snapshot is read here with json/csv (the same files the
test's rules files name), the row count and the share of rows tagged natural-language-processing are counted, and
each strategy is written out with numpy/scipy (z_score, mad and holt_winters as in expected_ranges.py). Snapshot i
is judged against snapshots 1 .. i-1 that have the figure, oldest first, once min_history (1 for the changes, the
engine's default 5 for the others) earlier values are there.
Run: python3 madewithml_flags.py [path to shared/datasets/madewithml/snapshots]
"""
import csv
import json
import os
import sys

import numpy as np
from scipy.stats import median_abs_deviation

csv.field_size_limit(1 << 30)
ROOT = sys.argv[1] if len(sys.argv) > 1 else "../../../../../shared/datasets/madewithml/snapshots"
TAG = "natural-language-processing"


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def table(folder):
    """(rows, tags per row or None) of the snapshot's labelled table."""
    n = int(folder[1:3])
    d = os.path.join(ROOT, folder, "datasets")
    if n <= 20:
        with open(os.path.join(d, "projects.json"), encoding="utf-8") as f:
            projects = json.load(f)
        return [p["tags"] if n <= 17 else [p["tag"]] for p in projects]
    if n == 21:
        return [None for _ in read_csv(os.path.join(d, "projects.csv"))]
    files = ["labeled_projects.csv"] if n <= 23 else ["dataset.csv", "holdout.csv"]
    return [[r["tag"]] for f in files for r in read_csv(os.path.join(d, f))]


def z_score(history, current, max_z=3.0):
    series = np.array(history + [current], dtype=float)
    m, s = series.mean(), series.std(ddof=0)
    return m - max_z * s, m + max_z * s


def mad(history, current, max_z=3.5):
    h = np.array(history, dtype=float)
    med = np.median(h)
    spread = median_abs_deviation(h, scale="normal")
    return med - max_z * spread, med + max_z * spread


def holt_winters(history, current, period=2, alpha=0.3, beta=0.05, gamma=0.2, max_z=3.0):
    x = list(map(float, history))
    first = sum(x[:period]) / period
    second = sum(x[period:2 * period]) / period
    level, trend = first, (second - first) / period
    season = {i: x[i] - first for i in range(period)}
    errors = []
    for t in range(period, len(x)):
        forecast = level + trend + season[t - period]
        errors.append(x[t] - forecast)
        previous = level
        level = alpha * (x[t] - season[t - period]) + (1 - alpha) * (level + trend)
        trend = beta * (level - previous) + (1 - beta) * trend
        season[t] = gamma * (x[t] - level) + (1 - gamma) * season[t - period]
    forecast = level + trend + season[len(x) - period]
    rmse = (sum(e * e for e in errors) / len(errors)) ** 0.5
    return forecast - max_z * rmse, forecast + max_z * rmse


def absolute(step):
    return lambda history, current: (history[-1] - step, history[-1] + step)


def relative(fraction):
    return lambda history, current: (history[-1] * (1 - fraction), history[-1] * (1 + fraction))


def flags(series, strategy, min_history):
    """The snapshots whose value leaves the expected range, and those judged at all."""
    flagged, judged, seen = [], [], []
    for name, value in series:
        if value is None:
            continue
        if len(seen) >= min_history:
            low, high = strategy(seen, value)
            judged.append(name)
            # the engine's ranges are closed; 1e-9 absorbs the last bit of floating point
            if value < low - 1e-9 * max(1, abs(low)) or value > high + 1e-9 * max(1, abs(high)):
                flagged.append(name)
        seen.append(value)
    return flagged, judged


folders = sorted(os.listdir(ROOT))
rows, shares = [], []
for folder in folders:
    tags = table(folder)
    name = folder[:3]
    rows.append((name, float(len(tags))))
    if tags[0] is None:
        shares.append((name, None))
    else:
        assert all(t.count(TAG) <= 1 for t in tags), "a row with the tag twice"
        shares.append((name, sum(TAG in t for t in tags) / len(tags)))

print("rows  ", [int(v) for _, v in rows])
print("share ", [None if v is None else round(v, 4) for _, v in shares])
for figure, series, step, fraction in (("row_count", rows, 100, 0.1), ("tag_share", shares, 0.05, 0.1)):
    for strategy, function, least in (("absolute_change", absolute(step), 1), ("relative_change", relative(fraction), 1),
                                      ("z_score", z_score, 5), ("mad", mad, 5), ("seasonal", holt_winters, 5)):
        flagged, judged = flags(series, function, least)
        print(f"{figure:9} {strategy:15} judged {len(judged):2} flagged {' '.join(flagged)}")
