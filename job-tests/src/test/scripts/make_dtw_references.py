#!/usr/bin/python3
"""Writes the DTW inputs and reference distances under job-tests/src/test/resources/allpairs/dtw/.

The reference is a plain implementation of dtaidistance's documented definition, written here
(dtaidistance itself could not be installed: no network for pip on the machine that made these):
`dtaidistance.dtw.distance(s1, s2, window=W)` and `dtw_ndim.distance(s1, s2, window=W)`, i.e. for
s1 of r steps and s2 of c steps (each step a value, or a vector of d channels)

    D[0][0] = 0, D[i][0] = D[0][j] = inf
    D[i][j] = |s1[i-1] - s2[j-1]|^2 + min(D[i-1][j-1], D[i-1][j], D[i][j-1])
              for max(0, i-1 - max(0, r-c) - W + 1) <= j-1 < min(c, i-1 + max(0, c-r) + W)
              (dtaidistance's loop bounds, 0-based rows i-1 and columns j-1), inf elsewhere
    result = sqrt(D[r][c])

with W = max(r, c) when no window is given (every cell). |.|^2 is the squared Euclidean distance
between steps (dtw_ndim). Our `--kernel-param window=w` is dtaidistance's window=w+1.

Files (every series a random walk, lengths 8..60 steps, seeded):
  series.npz         12 1-D float64 arrays named walk_00.. (np.savez, archive order = row order)
  series_compressed.npz  the same, np.savez_compressed (deflated entries)
  series_nan.npy     the same 12 series as one (12, 60) float64 matrix, NaN after each series' end
  series3.npz        9 2-D arrays (n_i steps x 3 channels), named mv_0..
  series3_nan.npy    the same 9 as one (9, 40, 3) matrix, whole steps of NaN after each end
  series3_flat.npy   the same 9 as rows of n_i*3 values, NaN-padded: (9, 120), for channels=3
  equal3.npy         (7, 25, 3) equal-length 3-channel series, no padding
  ref_<set>_<window>.npy  the (m, m) distance matrix of <set> (series, series3, equal3) for our
                          window = none, 0, 3, 10 (dtaidistance window = None, 1, 4, 11)

Run from the repository root:  python3 job-tests/src/test/scripts/make_dtw_references.py
"""
import math
import os

import numpy as np

OUT = "job-tests/src/test/resources/allpairs/dtw"
WINDOWS = [None, 0, 3, 10]  # ours; dtaidistance's is w + 1


def dtw_reference(s1, s2, window):
    """dtaidistance's distance/dtw_ndim.distance with window (theirs), written out as the full matrix."""
    r, c = len(s1), len(s2)
    if window is None:
        window = max(r, c)
    d = [[math.inf] * (c + 1) for _ in range(r + 1)]
    d[0][0] = 0.0
    for i in range(r):
        j_start = max(0, i - max(0, r - c) - window + 1)
        j_end = min(c, i + max(0, c - r) + window)
        for j in range(j_start, j_end):
            diff = np.atleast_1d(s1[i]) - np.atleast_1d(s2[j])
            cost = 0.0
            for v in diff:  # summed in channel order, as a plain loop
                cost += float(v) * float(v)
            d[i + 1][j + 1] = cost + min(d[i][j], d[i][j + 1], d[i + 1][j])
    return math.sqrt(d[r][c])


def walks(rng, count, min_len, max_len, channels):
    out = []
    for _ in range(count):
        n = int(rng.integers(min_len, max_len + 1))
        steps = rng.normal(size=(n, channels)) if channels > 1 else rng.normal(size=n)
        out.append(np.cumsum(steps, axis=0))
    return out


def matrix(series, window):
    m = len(series)
    ref = np.zeros((m, m))
    for i in range(m):
        for j in range(m):
            ref[i, j] = dtw_reference(series[i], series[j], None if window is None else window + 1)
    return ref


def nan_padded(series, length, channels):
    shape = (len(series), length) if channels == 1 else (len(series), length, channels)
    out = np.full(shape, np.nan)
    for k, s in enumerate(series):
        out[k, :len(s)] = s
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(18)
    series = walks(rng, 12, 8, 60, 1)
    np.savez(os.path.join(OUT, "series.npz"), **{"walk_%02d" % k: s for k, s in enumerate(series)})
    np.savez_compressed(os.path.join(OUT, "series_compressed.npz"),
                        **{"walk_%02d" % k: s for k, s in enumerate(series)})
    np.save(os.path.join(OUT, "series_nan.npy"), nan_padded(series, 60, 1))

    series3 = walks(rng, 9, 5, 40, 3)
    np.savez(os.path.join(OUT, "series3.npz"), **{"mv_%d" % k: s for k, s in enumerate(series3)})
    np.save(os.path.join(OUT, "series3_nan.npy"), nan_padded(series3, 40, 3))
    np.save(os.path.join(OUT, "series3_flat.npy"), nan_padded([s.reshape(-1) for s in series3], 120, 1))

    equal3 = walks(rng, 7, 25, 25, 3)
    np.save(os.path.join(OUT, "equal3.npy"), np.stack(equal3))

    for name, data in [("series", series), ("series3", series3), ("equal3", equal3)]:
        for w in WINDOWS:
            np.save(os.path.join(OUT, "ref_%s_%s.npy" % (name, "none" if w is None else w)), matrix(data, w))


if __name__ == "__main__":
    main()
