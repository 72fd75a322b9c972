#!/usr/bin/env python3
"""Edges of a pruned DTW run against the dense matrix (bench/bench.sh e2e dtw).

Usage: dtw_check.py DENSE.npy EDGES.npy below X | top K

below X: the pairs i < j with distance <= X in (i, j) order; top K: each row's K best partners
(self excluded), best first, ties to the lower j. Prints one JSON line: identical or not.
"""
import json
import sys

import numpy as np


def main():
    dense, edges, mode, arg = np.load(sys.argv[1]), np.load(sys.argv[2]), sys.argv[3], sys.argv[4]
    m = dense.shape[0]
    if mode == "below":
        i, j = np.nonzero(np.triu(dense <= float(arg), 1))
        want = list(zip(i.tolist(), j.tolist(), dense[i, j].tolist()))
    else:
        k, want = int(arg), []
        for r in range(m):
            row = [(dense[r, c], c) for c in range(m) if c != r]
            row.sort()
            want += [(r, c, v) for v, c in row[:k]]
    got = list(zip(edges["i"].tolist(), edges["j"].tolist(), edges["value"].tolist()))
    print(json.dumps({"check": mode + " " + arg, "edges": len(got), "identical": got == want}))


if __name__ == "__main__":
    main()
