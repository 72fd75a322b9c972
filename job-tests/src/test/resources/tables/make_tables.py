#!/usr/bin/env python3
"""Writes the table inputs of the table tests (TableInputTest, TableBadInputTest) and their references.

Every file is written by an independent tool: pyarrow (Parquet, ORC), pandas (CSV, JSON lines) or
DuckDB (Parquet, a partitioned Parquet dataset). The references are computed here, not by allpairs:
Levenshtein distances with rapidfuzz over the UTF-8 bytes of each sequence; the DTW series are the
ones of ../allpairs/dtw/series.npz, whose reference matrices make_dtw_references.py wrote.

Run from the repository root (python3 with numpy, pandas, pyarrow, duckdb, rapidfuzz):
    python3 job-tests/src/test/resources/tables/make_tables.py

Files:
  seqs.parquet (pyarrow)   id string, seq string, len int64; 24 rows in shuffled id order
  seqs.orc (pyarrow)       the same rows
  seqs.csv (pandas)        the same rows, header line, one sequence with a comma and a quote
  seqs.jsonl (pandas)      the same rows, one JSON object a line
  seqs_duckdb.parquet, seqs_duckdb.csv, seqs_duckdb.json   the same rows written by DuckDB
  seqs_parts/ (DuckDB)     the same rows as a Parquet dataset partitioned by grp (a, b, c): the
                           partition column is a second string column, so --value-column is needed
  ref_ids.txt, ref_levenshtein.npy   ids in sorted order and the (24, 24) Levenshtein distances
  series.parquet (DuckDB)  id string, v double[]: the 12 walks of series.npz, variable lengths, shuffled
  series_nan.orc (pyarrow) id string, v list<double>: the same walks NaN-padded to 60 values
  series3_flat.parquet (pyarrow)  id string, v list<double>: the 3-channel series of series3.npz as
                           flat rows of 3n values (for --kernel-param channels=3), in archive order
  seqs_bytes.parquet (pyarrow)  id, bin binary (UTF-8 of seq), sym list<int8> (the same bytes, signed)
  seed16.parquet (pyarrow) id int64, v list<int16>: the rows of ../fixtures/seed_A_16x8.npy
  seed16_decimal.parquet   id int32, v list<decimal(6,2)>: the same rows as decimals (x.00)
  bad_*.parquet (pyarrow)  one malformed table each (see TableBadInputTest)
  bad_null.csv (pandas)    a missing sequence (an empty field)
"""
import decimal
import os

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.orc as orc
import pyarrow.parquet as pq
from rapidfuzz.distance import Levenshtein

OUT = "job-tests/src/test/resources/tables"
DTW = "job-tests/src/test/resources/allpairs/dtw"
FIXTURES = "job-tests/src/test/resources/fixtures"


def sequences(rng):
    seqs = ["".join(rng.choice(list("ACGT"), size=int(rng.integers(3, 40)))) for _ in range(21)]
    return seqs + ["ACG,T\"A", "caféACGT", "GATTACA"]  # CSV quoting, UTF-8 bytes, lower case kept


def write_sequences(rng):
    seqs = sequences(rng)
    ids = ["s%02d" % k for k in range(len(seqs))]
    order = rng.permutation(len(seqs))
    df = pd.DataFrame({"id": [ids[k] for k in order], "seq": [seqs[k] for k in order],
                       "len": [len(seqs[k]) for k in order]})
    table = pa.Table.from_pandas(df, preserve_index=False)
    pq.write_table(table, os.path.join(OUT, "seqs.parquet"))
    orc.write_table(table, os.path.join(OUT, "seqs.orc"))
    df.to_csv(os.path.join(OUT, "seqs.csv"), index=False)
    df.to_json(os.path.join(OUT, "seqs.jsonl"), orient="records", lines=True, force_ascii=False)
    df["grp"] = ["abc"[k % 3] for k in range(len(df))]
    con = duckdb.connect()
    con.register("seqs", df)
    con.execute("COPY (SELECT id, seq, len FROM seqs) TO '%s' (FORMAT PARQUET)" % os.path.join(OUT, "seqs_duckdb.parquet"))
    con.execute("COPY (SELECT id, seq, len FROM seqs) TO '%s' (HEADER)" % os.path.join(OUT, "seqs_duckdb.csv"))
    con.execute("COPY (SELECT id, seq, len FROM seqs) TO '%s' (FORMAT JSON)" % os.path.join(OUT, "seqs_duckdb.json"))
    con.execute("COPY seqs TO '%s' (FORMAT PARQUET, PARTITION_BY (grp), OVERWRITE_OR_IGNORE)"
                % os.path.join(OUT, "seqs_parts"))
    encoded_rows = [seqs[k].encode("utf-8") for k in order]
    pq.write_table(pa.table({"id": [ids[k] for k in order],
                             "bin": pa.array(encoded_rows, type=pa.binary()),
                             "sym": pa.array([np.frombuffer(b, dtype=np.int8).tolist() for b in encoded_rows],
                                             type=pa.list_(pa.int8()))}),
                   os.path.join(OUT, "seqs_bytes.parquet"))
    with open(os.path.join(OUT, "ref_ids.txt"), "w") as f:
        f.write("".join(i + "\n" for i in ids))
    encoded = [s.encode("utf-8") for s in seqs]
    ref = np.array([[Levenshtein.distance(a, b) for b in encoded] for a in encoded], dtype=np.float64)
    np.save(os.path.join(OUT, "ref_levenshtein.npy"), ref)


def write_series(rng):
    with np.load(os.path.join(DTW, "series.npz")) as npz:
        names = list(npz.files)
        series = [npz[n] for n in names]
    order = rng.permutation(len(series))
    df = pd.DataFrame({"id": [names[k] for k in order], "v": [series[k].tolist() for k in order]})
    con = duckdb.connect()
    con.register("series", df)
    con.execute("COPY (SELECT id, v::DOUBLE[] AS v FROM series) TO '%s' (FORMAT PARQUET)"
                % os.path.join(OUT, "series.parquet"))
    with np.load(os.path.join(DTW, "series3.npz")) as npz:  # n x 3 arrays: flat rows of 3n values
        flat = {"id": list(npz.files), "v": [npz[n].reshape(-1).tolist() for n in npz.files]}
    pq.write_table(pa.table({"id": flat["id"], "v": pa.array(flat["v"], type=pa.list_(pa.float64()))}),
                   os.path.join(OUT, "series3_flat.parquet"))
    padded = [np.concatenate([s, np.full(60 - len(s), np.nan)]).tolist() for s in series]
    orc.write_table(pa.table({"id": names, "v": pa.array(padded, type=pa.list_(pa.float64()))}),
                    os.path.join(OUT, "series_nan.orc"))


def write_seed():
    a = np.load(os.path.join(FIXTURES, "seed_A_16x8.npy"))
    pq.write_table(pa.table({"id": pa.array(range(100, 100 + len(a)), type=pa.int64()),
                             "v": pa.array([r.tolist() for r in a], type=pa.list_(pa.int16()))}),
                   os.path.join(OUT, "seed16.parquet"))
    pq.write_table(pa.table({"id": pa.array(range(len(a)), type=pa.int32()),
                             "v": pa.array([[decimal.Decimal(int(x)).quantize(decimal.Decimal("0.01")) for x in r]
                                            for r in a], type=pa.list_(pa.decimal128(6, 2)))}),
                   os.path.join(OUT, "seed16_decimal.parquet"))


def write_bad():
    s = pa.string()
    bad = {
        "bad_null_value": pa.table({"id": ["a", "b", "c"], "seq": pa.array(["AC", None, "GT"], type=s)}),
        "bad_empty_id": pa.table({"id": ["a", "", "c"], "seq": ["AC", "CG", "GT"]}),
        "bad_null_id": pa.table({"id": pa.array(["a", "b", None], type=s), "seq": ["AC", "CG", "GT"]}),
        "bad_duplicate_id": pa.table({"id": ["a", "b", "c", "b"], "seq": ["AC", "CG", "GT", "TT"]}),
        "bad_out_of_range": pa.table({"id": ["a", "b"], "v": pa.array([[1, 2, 3], [4, 300, 6]],
                                                                      type=pa.list_(pa.int16()))}),
        "bad_null_element": pa.table({"id": ["a", "b"], "v": pa.array([[1.0, None, 3.0], [4.0, 5.0]],
                                                                      type=pa.list_(pa.float64()))}),
        "bad_number_after_nan": pa.table({"id": ["a", "b"], "v": pa.array([[1.0, 2.0], [4.0, float("nan"), 5.0]],
                                                                          type=pa.list_(pa.float64()))}),
        "bad_fraction": pa.table({"id": ["a", "b"], "v": pa.array([[decimal.Decimal("1.00"), decimal.Decimal("2.50")],
                                                                  [decimal.Decimal("3.00")]],
                                                                 type=pa.list_(pa.decimal128(6, 2)))}),
        "bad_wrong_type": pa.table({"id": ["a", "b"], "v": pa.array([1, 2], type=pa.int64())}),
        "bad_two_candidates": pa.table({"id": ["a", "b"], "seq": ["AC", "GT"], "other": ["A", "C"]}),
        "bad_empty": pa.table({"id": pa.array([], type=s), "seq": pa.array([], type=s)}),
    }
    for name, table in bad.items():
        pq.write_table(table, os.path.join(OUT, name + ".parquet"))
    # pandas writes a missing value as an empty field; Spark's CSV reader reads it as null
    pd.DataFrame({"id": ["a", "b", "c"], "seq": ["AC", None, "GT"]}).to_csv(os.path.join(OUT, "bad_null.csv"),
                                                                          index=False)


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(15)
    write_sequences(rng)
    write_series(rng)
    write_seed()
    write_bad()


if __name__ == "__main__":
    main()
