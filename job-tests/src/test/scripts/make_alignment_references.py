#!/usr/bin/python3
"""Writes the alignment reference tables under job-tests/src/test/resources/allpairs/align/ with
Biopython (Debian python3-biopython), an implementation independent of ours:

  matrices.txt   every built-in matrix as Biopython loads it (symbols, then the K x K scores)
  CASE.tsv       random rows of four length classes (1-12, ~64, ~300, >1000) and the score of
                 every pair i <= j by Bio.Align.PairwiseAligner, for nw (global) and sw (local)

Rows carry soft-masked (lower-case) runs and, for protein matrices, symbols outside the matrix
(J, O, U), which our kernels score as the wildcard X; the reference aligns the rows with that rule
applied (upper case, unknown -> X or N), so the table checks the rule too.

Run from the repository root:  /usr/bin/python3 job-tests/src/test/scripts/make_alignment_references.py
"""
import os
import random
from Bio.Align import PairwiseAligner, substitution_matrices

OUT = "job-tests/src/test/resources/allpairs/align"
NAMES = ["BLOSUM45", "BLOSUM50", "BLOSUM62", "BLOSUM80", "BLOSUM90", "PAM30", "PAM70", "PAM250", "NUC.4.4"]
# UniProtKB/Swiss-Prot amino-acid composition (%), release 2023
UNIPROT = dict(A=8.25, R=5.53, N=4.06, D=5.45, C=1.37, Q=3.93, E=6.75, G=7.07, H=2.27, I=5.96, L=9.66,
               K=5.84, M=2.42, F=3.86, P=4.70, S=6.56, T=5.34, W=1.08, Y=2.92, V=6.87)


def dump_matrices():
    with open(os.path.join(OUT, "matrices.txt"), "w") as f:
        f.write("# Biopython %s substitution_matrices.load(NAME): NAME SYMBOLS, then K rows of scores\n"
                % __import__("Bio").__version__)
        for name in NAMES:
            m = substitution_matrices.load(name)
            f.write("%s %s\n" % (name, m.alphabet))
            for a in m.alphabet:
                f.write(" ".join("%g" % m[a][b] for b in m.alphabet) + "\n")


def random_row(rnd, length, dna):
    if dna:
        row = [rnd.choice("ACGT") for _ in range(length)]
        extra = "NRYKM"
    else:
        letters, weights = zip(*UNIPROT.items())
        row = rnd.choices(letters, weights, k=length)
        extra = "XBZJOU*"
    for p in range(length):  # a few ambiguity/unknown symbols
        if rnd.random() < 0.01:
            row[p] = rnd.choice(extra)
    if length > 8 and rnd.random() < 0.5:  # a soft-masked run
        a = rnd.randrange(length)
        b = min(length, a + rnd.randint(1, 40))
        row[a:b] = [c.lower() for c in row[a:b]]
    return "".join(row)


def rows_for(rnd, dna):
    lengths = ([rnd.randint(1, 12) for _ in range(6)] + [rnd.randint(50, 80) for _ in range(6)]
               + [rnd.randint(250, 350) for _ in range(4)] + [rnd.randint(1000, 1400) for _ in range(3)])
    rnd.shuffle(lengths)
    return [random_row(rnd, n, dna) for n in lengths]


def as_scored(row, alphabet):
    """The rule our kernels apply: upper case, then anything the matrix lacks -> X (else N)."""
    wildcard = next(w for w in "XN*" if w in alphabet)
    return "".join(c if c in alphabet else wildcard for c in row.upper())


def write_case(path, kernel, settings, rows, aligner, alphabet):
    with open(path, "w") as f:
        f.write("# kernel=%s %s  (Biopython PairwiseAligner, %s mode)\n" % (kernel, " ".join(settings), aligner.mode))
        for r in rows:
            f.write("row\t%s\n" % r)
        scored = [as_scored(r, alphabet) if alphabet else r for r in rows]
        for i in range(len(rows)):
            for j in range(i, len(rows)):
                f.write("score\t%d\t%d\t%s\n" % (i, j, repr(float(aligner.score(scored[i], scored[j])))))


def aligner_for(mode, matrix, gap_open, gap_extend, match=None, mismatch=None):
    a = PairwiseAligner()
    a.mode = mode
    if matrix is not None:
        a.substitution_matrix = substitution_matrices.load(matrix)
    else:
        a.match_score = match
        a.mismatch_score = mismatch
    a.open_gap_score = gap_open
    a.extend_gap_score = gap_extend
    return a


def main():
    os.makedirs(OUT, exist_ok=True)
    dump_matrices()
    rnd = random.Random(14)
    gaps = {"BLOSUM45": (-15, -2), "BLOSUM50": (-13, -2), "BLOSUM62": (-10, -1), "BLOSUM80": (-10, -1),
            "BLOSUM90": (-10, -1), "PAM30": (-9, -1), "PAM70": (-10, -1), "PAM250": (-14, -2), "NUC.4.4": (-16, -4)}
    for name in NAMES:
        dna = name == "NUC.4.4"
        rows = rows_for(rnd, dna)
        alphabet = substitution_matrices.load(name).alphabet
        for kernel, mode in (("sw", "local"), ("nw", "global")):
            o, e = gaps[name]
            a = aligner_for(mode, name, o, e)
            settings = ["matrix=" + name.lower() if name.startswith("PAM") else "matrix=" + name,
                        "gap-open=%d" % o, "gap-extend=%d" % e]
            write_case(os.path.join(OUT, "%s-%s.tsv" % (kernel, name)), kernel, settings, rows, a, alphabet)
    # match/mismatch by bit pattern (no matrix): DNA rows, case-sensitive
    rows = [r.upper() for r in rows_for(rnd, True)]
    for kernel, mode in (("sw", "local"), ("nw", "global")):
        a = aligner_for(mode, None, -5, -2, match=2, mismatch=-3)
        write_case(os.path.join(OUT, "%s-match-mismatch.tsv" % kernel), kernel,
                   ["match=2", "mismatch=-3", "gap-open=-5", "gap-extend=-2"], rows, a, None)
    saturation(rnd)


def saturation(rnd):
    """Scores beyond 16 bits: near-identical W/C-rich rows (sw, nw above 32767), and a long row
    against short ones with steep gaps (nw below -32768)."""
    base = [rnd.choice("WWWWC") for _ in range(3600)]
    rows = ["".join(base)]
    for _ in range(2):
        r = list(base)
        for p in range(len(r)):
            if rnd.random() < 0.02:
                r[p] = rnd.choice("ACDEFGHIKLMNPQRSTVWY")
        rows.append("".join(r))
    rows.append("".join(rnd.choice("ACDEFGHIKLMNPQRSTVWY") for _ in range(40)))
    rows.append("".join(rnd.choice("ACDEFGHIKLMNPQRSTVWY") for _ in range(300)))
    alphabet = substitution_matrices.load("BLOSUM62").alphabet
    for kernel, mode in (("sw", "local"), ("nw", "global")):
        a = aligner_for(mode, "BLOSUM62", -11, -10)
        write_case(os.path.join(OUT, "%s-saturation.tsv" % kernel), kernel,
                   ["matrix=BLOSUM62", "gap-open=-11", "gap-extend=-10"], rows, a, alphabet)


if __name__ == "__main__":
    main()
