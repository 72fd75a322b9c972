#!/usr/bin/env python3
"""The numba peer of the DTW benchmark (bench/bench.sh e2e dtw, DtwEndToEnd.java).

Usage: dtw_numba.py INPUT.npy WINDOW THREADS JOB_DENSE.npy

The plain DTW loop (dtaidistance's definition: squared differences, min of three, sqrt of the total;
band |i - j| <= WINDOW, or none for WINDOW < 0) under numba, all pairs i <= j with prange over
THREADS threads (rows paired first with last, so the threads get equal work), compiled on a few rows
before timing. Then compares its matrix with the job's dense output. Prints one JSON line.
"""
import json
import sys
import time

import numpy as np
import numba
from numba import njit, prange


@njit(nogil=True, cache=False)
def dtw(x, y, w, prev, cur):
    n = x.shape[0]
    m = y.shape[0]
    for j in range(m + 1):
        prev[j] = np.inf
    prev[0] = 0.0
    for i in range(1, n + 1):
        lo = max(1, i - max(0, n - m) - w)
        hi = min(m, i + max(0, m - n) + w)
        cur[lo - 1] = np.inf
        left = np.inf
        xi = x[i - 1]
        for j in range(lo, hi + 1):
            d = xi - y[j - 1]
            left = d * d + min(prev[j - 1], prev[j], left)
            cur[j] = left
        if hi < m:
            cur[hi + 1] = np.inf
        prev, cur = cur, prev
    return np.sqrt(prev[m])


@njit(parallel=True, cache=False)
def matrix(X, w):
    m, n = X.shape
    out = np.zeros((m, m))
    half = (m + 1) // 2
    for p in prange(half):
        prev = np.empty(n + 1)
        cur = np.empty(n + 1)
        first = np.int64(p)  # prange's index may be unsigned: mixed with m it would type as float
        for t in range(2):
            i = first if t == 0 else np.int64(m) - 1 - first
            if t == 1 and i == first:
                continue  # the middle row of an odd m
            for j in range(i, m):
                d = dtw(X[i], X[j], w, prev, cur)
                out[i, j] = d
                out[j, i] = d
    return out


def main():
    path, window, threads, job_dense = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    numba.set_num_threads(threads)
    X = np.ascontiguousarray(np.load(path), dtype=np.float64)
    w = window if window >= 0 else X.shape[1]
    matrix(X[:8], w)  # compile, untimed
    start = time.perf_counter()
    d = matrix(X, w)
    seconds = time.perf_counter() - start
    job = np.load(job_dense)
    print(json.dumps({"numba": numba.__version__, "threads": threads, "seconds": round(seconds, 3),
                      "identical_entries": int(np.sum(job == d)), "entries": int(d.size),
                      "max_abs_diff": float(np.max(np.abs(job - d)))}))


if __name__ == "__main__":
    main()
