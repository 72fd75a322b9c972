#!/usr/bin/env python3
"""Inputs of the DTW benchmark (bench/bench.sh e2e dtw, DtwEndToEnd.java).

Usage: dtw_data.py DIR WINDOWS LENGTH WALKS WALK_LENGTH SEED

DIR/ecg.npy: WINDOWS z-normalised windows of LENGTH samples of SciPy's ECG record
(scipy.misc.electrocardiogram, 5 minutes at 360 Hz, shipped with SciPy < 1.12), evenly spaced over
the record (overlapping when the record is too short for disjoint ones). Without that record: seeded
z-normalised random walks instead, and the JSON line says so. DIR/walks.npy: WALKS random walks of
WALK_LENGTH steps (cumulative sums of standard normals, seeded), not normalised.
Prints one JSON line: the source of ecg.npy and the shapes.
"""
import json
import sys
import warnings

import numpy as np


def ecg_record():
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from scipy.misc import electrocardiogram
            return electrocardiogram(), "scipy.misc.electrocardiogram"
    except Exception as e:  # SciPy missing, or >= 1.12 (scipy.datasets needs a download)
        return None, "seeded random walks (no SciPy ECG record: %s)" % e


def main():
    out, windows, length, walks, walk_length, seed = sys.argv[1], *map(int, sys.argv[2:7])
    rng = np.random.default_rng(seed)
    record, source = ecg_record()
    if record is None:
        x = np.cumsum(rng.standard_normal((windows, length)), axis=1)
    else:
        starts = np.linspace(0, len(record) - length, windows).astype(np.int64)
        x = np.stack([record[s:s + length] for s in starts])
    x = (x - x.mean(axis=1, keepdims=True)) / x.std(axis=1, keepdims=True)
    np.save(out + "/ecg.npy", x.astype(np.float64))
    w = np.cumsum(rng.standard_normal((walks, walk_length)), axis=1)
    np.save(out + "/walks.npy", w.astype(np.float64))
    print(json.dumps({"ecg_source": source, "ecg_shape": list(x.shape), "walks_shape": list(w.shape)}))


if __name__ == "__main__":
    main()
