#!/usr/bin/env python3
"""The RapidFuzz peer of the reads benchmark (bench/bench.sh e2e-reads, ReadsEndToEnd.java).

Usage: rapidfuzz_cdist.py READS.txt WORKERS CUTOFF DENSE.npy EDGES.npy

Times rapidfuzz.process.cdist (Levenshtein distance, all pairs of the reads, WORKERS threads) on
the full matrix and with score_cutoff=CUTOFF, after a small untimed warm-up; the matrix stays in
memory (nothing is written). Then checks the job's outputs against it: the dense matrix
DENSE.npy equal to cdist's, the edge list EDGES.npy equal to the pairs i < j with distance <=
CUTOFF in (i, j) order. Prints one JSON line.
"""
import json
import sys
import time

import numpy as np
import rapidfuzz
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein


def main():
    reads_path, workers, cutoff, dense_path, edges_path = sys.argv[1:6]
    workers, cutoff = int(workers), int(cutoff)
    with open(reads_path) as f:
        reads = [line.rstrip("\n") for line in f]
    process.cdist(reads[:300], reads[:300], scorer=Levenshtein.distance, workers=workers)  # warm-up

    start = time.perf_counter()
    dense = process.cdist(reads, reads, scorer=Levenshtein.distance, workers=workers, dtype=np.int32)
    dense_seconds = time.perf_counter() - start

    start = time.perf_counter()
    cut = process.cdist(reads, reads, scorer=Levenshtein.distance, workers=workers, dtype=np.int32,
                        score_cutoff=cutoff)
    cutoff_seconds = time.perf_counter() - start

    ours = np.load(dense_path)
    edges = np.load(edges_path)
    i, j = np.nonzero(np.triu(dense <= cutoff, k=1))  # row-major: sorted by (i, j)
    print(json.dumps({
        "rapidfuzz": rapidfuzz.__version__,
        "workers": workers,
        "reads": len(reads),
        "dense_seconds": round(dense_seconds, 3),
        "cutoff_seconds": round(cutoff_seconds, 3),
        "cutoff_agrees_within_cutoff": bool(np.array_equal(np.minimum(cut, cutoff + 1), np.minimum(dense, cutoff + 1))),
        "dense_identical": bool(ours.shape == dense.shape and np.array_equal(ours, dense)),
        "edges": int(len(i)),
        "edges_identical": bool(len(edges) == len(i) and np.array_equal(edges["i"], i)
                                and np.array_equal(edges["j"], j)
                                and np.array_equal(edges["value"], dense[i, j])),
    }))


if __name__ == "__main__":
    main()
