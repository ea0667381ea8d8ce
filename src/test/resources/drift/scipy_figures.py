# The expected figures of ExactDriftAgainstSciPyTest and SketchDriftBoundsTest, printed by python3 with
# SciPy 1.17.1 and NumPy 2.4.6 from the real files of ../shared/datasets (run from the repository's folder):
#   python3 src/test/resources/drift/scipy_figures.py
import csv
import sys
import numpy as np
from scipy import stats

ROOT = sys.argv[1] if len(sys.argv) > 1 else '../shared/datasets'


def psi(ref, cur):
    ref = np.sort(np.asarray(ref, float)); cur = np.sort(np.asarray(cur, float))
    edges = np.quantile(ref, np.arange(1, 10) / 10)
    r = np.diff(np.concatenate(([0], np.searchsorted(ref, edges, side='right'), [len(ref)]))) / len(ref)
    c = np.diff(np.concatenate(([0], np.searchsorted(cur, edges, side='right'), [len(cur)]))) / len(cur)
    r = np.maximum(r, 1e-4); c = np.maximum(c, 1e-4)
    return float(np.sum((c - r) * np.log(c / r)))


def show(name, ref, cur):
    ref = np.asarray(ref, float); cur = np.asarray(cur, float)
    k = stats.ks_2samp(ref, cur)
    w = stats.wasserstein_distance(ref, cur)
    std = np.std(ref, ddof=1) if len(ref) > 1 else 0.0
    print(f"{name}: n={len(ref)} m={len(cur)} D={float(k.statistic)!r} p={float(k.pvalue)!r} W={float(w)!r} "
          f"W/std={float(w / std) if std > 0 else float(w)!r} psi={psi(ref, cur)!r}")


pima = [float(r['BMI']) for r in csv.DictReader(open(f'{ROOT}/pima-diabetes/diabetes.csv'))]
show('pima BMI halves', pima[:384], pima[384:])
train = [float(r['Fare']) for r in csv.DictReader(open(f'{ROOT}/titanic/train.csv')) if r['Fare'] != '']
test = [float(r['Fare']) for r in csv.DictReader(open(f'{ROOT}/titanic/test.csv')) if r['Fare'] != '']
show('titanic Fare train/test', train, test)
show('titanic Fare train halves', train[:445], train[445:])
adult = [[x.strip() for x in line.split(',')] for line in open(f'{ROOT}/uci-adult/adult.data') if len(line.split(',')) == 15]
adult_test = [[x.strip() for x in line.split(',')] for line in open(f'{ROOT}/uci-adult/adult-test.csv') if len(line.split(',')) == 15]
gain = [float(r[10]) for r in adult]
show('adult capital-gain train/test', gain, [float(r[10]) for r in adult_test])
show('adult capital-gain train halves', gain[:16280], gain[16280:])
show('adult hours-per-week Male/Female', [float(r[12]) for r in adult if r[9] == 'Male'],
     [float(r[12]) for r in adult if r[9] == 'Female'])
show('tiny', [5], [5, 7, 9])
