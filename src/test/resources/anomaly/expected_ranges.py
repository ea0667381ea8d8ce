"""Expected ranges of the anomaly strategies on the generated histories of AnomalyStrategiesTest.

Independent of the Java code: numpy for mean and population standard deviation (np.std, ddof=0, the value
Deequ's OnlineNormalStrategy reaches by Welford's updates), scipy.stats.median_abs_deviation(scale="normal")
for the robust strategy, and Holt-Winters written out from its textbook recurrences (statsmodels is not
installed here). Run: python3 expected_ranges.py
"""
import numpy as np
from scipy.stats import median_abs_deviation

LEVEL = [1000, 1012, 995, 1003, 990, 1008, 997, 1005, 1001, 994, 1010, 999]
TREND = [round(1000 * 1.005 ** i, 1) for i in range(30)]
WEEK = [100, 120, 130, 125, 110, 60, 50]
NOISE = [0, 2, -1, 3, -2, 1, -3, 2, 0, -1, 1, 2, -2, 0, 3, -1, 1, 0, -2, 2, 1, -3, 0, 1, 2, -1, 0, -2]
SEASONAL = [WEEK[i % 7] + 0.5 * i + NOISE[i] for i in range(28)]


def z_score(history, current, max_z=3.0):
    series = np.array(history + [current], dtype=float)
    m, s = series.mean(), series.std(ddof=0)
    return m - max_z * s, m + max_z * s


def mad(history, max_z=3.5):
    h = np.array(history, dtype=float)
    med = np.median(h)
    spread = median_abs_deviation(h, scale="normal")
    return med - max_z * spread, med + max_z * spread


def holt_winters(series, period, alpha, beta, gamma, max_z=3.0):
    x = list(map(float, series))
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


print("level z_score 1300", z_score(LEVEL, 1300))
print("level z_score 1006", z_score(LEVEL, 1006))
print("level mad", mad(LEVEL))
print("trend last", TREND[-1], "previous", TREND[-2])
print("trend z_score", z_score(TREND[:-1], TREND[-1]))
print("trend z_score 1.5", z_score(TREND[:-1], TREND[-1], 1.5))
print("trend mad", mad(TREND[:-1]))
print("seasonal series", SEASONAL)
print("seasonal hw", holt_winters(SEASONAL, 7, 0.3, 0.05, 0.2))
print("seasonal z_score 130", z_score(SEASONAL, 130))
print("seasonal mad", mad(SEASONAL))
