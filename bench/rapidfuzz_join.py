#!/usr/bin/env python3
"""The RapidFuzz peer of the join benchmark (bench/bench.sh e2e join, JoinEndToEnd.java).

Usage: rapidfuzz_join.py READS.txt WORKERS CUTOFF CHUNK

All pairs i < j of the reads within CUTOFF edits, as a RapidFuzz user finds them without a filter:
rapidfuzz.process.cdist(scorer=Levenshtein.distance, score_cutoff=CUTOFF, workers=WORKERS) of
each chunk of CHUNK rows against itself and every later row (the upper triangle, so each pair is
computed once; the whole matrix of 10^5 reads would not fit in memory). The edges are gathered in
(i, j) order as the job's .npy edge list stores them (records '<i8', '<i8', '<f8'); prints one
JSON line with the seconds and CPU seconds (reading the file excluded, a small untimed warm-up first), the edge
count and the SHA-256 of those records, which JoinEndToEnd compares with the job's output.
"""
import hashlib
import json
import sys
import time

import numpy as np
import rapidfuzz
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

EDGE = np.dtype([("i", "<i8"), ("j", "<i8"), ("value", "<f8")])


def main():
    reads_path, workers, cutoff, chunk = sys.argv[1:5]
    workers, cutoff, chunk = int(workers), int(cutoff), int(chunk)
    with open(reads_path) as f:
        reads = [line.rstrip("\n") for line in f]
    process.cdist(reads[:300], reads[:300], scorer=Levenshtein.distance, workers=workers)  # warm-up

    digest = hashlib.sha256()
    edges = 0
    start = time.perf_counter()
    cpu = time.process_time()  # every thread of this process: what a loaded machine cannot blur
    for a in range(0, len(reads), chunk):
        b = min(len(reads), a + chunk)
        block = process.cdist(reads[a:b], reads[a:], scorer=Levenshtein.distance, workers=workers,
                              dtype=np.uint8, score_cutoff=cutoff)
        r, c = np.nonzero(block <= cutoff)  # row-major: sorted by (i, j)
        j = c + a
        i = r + a
        upper = j > i
        out = np.empty(int(upper.sum()), dtype=EDGE)
        out["i"], out["j"], out["value"] = i[upper], j[upper], block[r[upper], c[upper]]
        digest.update(out.tobytes())
        edges += len(out)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    print(json.dumps({
        "rapidfuzz": rapidfuzz.__version__,
        "workers": workers,
        "reads": len(reads),
        "chunk": chunk,
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu, 3),
        "edges": edges,
        "sha256": digest.hexdigest(),
    }))


if __name__ == "__main__":
    main()
