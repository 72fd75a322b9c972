# Writes the NumPy-made test inputs in this folder (run with NumPy >= 1.17; committed outputs,
# so the tests do not need Python). Each file holds the same 3x4 values in a different dtype,
# byte order and memory order; values.txt lists them row by row as the tests expect them.
import numpy as np

values = np.array([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]])
signed = values - 5          # includes negatives
for dt in ["i1", "u1", "i2", "u2", "i4", "u4", "i8", "u8", "f4", "f8"]:
    for order in "<>":
        if dt[1] == "1" and order == ">":
            continue
        base = signed if dt[0] in "if" else values
        a = base.astype(np.dtype(order + dt))
        np.save(f"m3x4_{dt}_{'le' if order == '<' else 'be'}_c.npy", a)
        np.save(f"m3x4_{dt}_{'le' if order == '<' else 'be'}_f.npy", np.asfortranarray(a))
np.save("m2x3_f8_nan.npy", np.array([[0.0, 1.5, np.nan], [2.0, 3.0, 4.0]]))
np.save("m2x3_f8_inf.npy", np.array([[0.0, 1.5, 2.0], [2.0, -np.inf, 4.0]]))
np.save("m2x2_bool.npy", np.array([[True, False], [False, True]]))
np.save("m2x2_f2.npy", np.zeros((2, 2), dtype=np.float16))
np.save("m2x2_c16.npy", np.zeros((2, 2), dtype=np.complex128))
np.save("m2x2_U3.npy", np.array([["abc", "de"], ["f", "gh"]]))
np.save("m2x2_object.npy", np.array([[1, "x"], [None, 2.5]], dtype=object), allow_pickle=True)
np.save("m2x2_i8_big.npy", np.array([[1, 2], [3, 2**40]], dtype=np.int64))
np.save("m2x2_u8_huge.npy", np.array([[1, 2], [3, 2**64 - 1]], dtype=np.uint64))
# ASCII letters as u1 and i1: valid rows for the sequence kernels
words = [b"kitten", b"sittin", b"mitten"]
np.save("words_u1.npy", np.array([list(w) for w in words], dtype=np.uint8))
np.save("words_i1.npy", np.array([list(w) for w in words], dtype=np.int8))
with open("values.txt", "w") as f:
    f.write("signed (i*, f*): " + " ".join(str(v) for v in signed.ravel()) + "\n")
    f.write("unsigned (u*): " + " ".join(str(v) for v in values.ravel()) + "\n")

# Dense output variants of the shared seed fixture (../shared/fixtures/seed_out_16x8.npy):
# float32 and SciPy's condensed (pdist) order, which is the upper triangle row by row.
import os
shared = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "..", "..", "shared", "fixtures")
D = np.load(os.path.join(shared, "seed_out_16x8.npy"))
np.save("seed_out_16x8_f32.npy", D.astype("<f4"))
np.save("seed_out_16x8_condensed.npy", D[np.triu_indices(D.shape[0], 1)])
np.save("seed_out_16x8_condensed_f32.npy", D[np.triu_indices(D.shape[0], 1)].astype("<f4"))
# An edge list as the job writes it: a structured array (i int64, j int64, value f8).
edges = np.zeros(3, dtype=[("i", "<i8"), ("j", "<i8"), ("value", "<f8")])
edges["i"] = [0, 0, 2]; edges["j"] = [1, 2, 1]; edges["value"] = [1.5, -2.0, 3.25]
np.save("edges3.npy", edges)
