package allpairs.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Rows for the threshold join's exactness tests: families of a template with up to k + 2 random
 * edits (pairs on both sides of the threshold), identical copies, rows shorter than k + 1, empty
 * rows, poly-A and repeats; symbols from the top of the byte range (>= 128) and a few low ones.
 * Also the plain edit-distance DP the tests compare against.
 */
public final class JoinRowsFixture {
    private JoinRowsFixture() {
    }

    /** About {@code count} rows of template lengths lo..hi, in shuffled order. */
    public static byte[][] mixed(SplittableRandom rnd, int count, int lo, int hi, int k) {
        List<byte[]> rows = new ArrayList<>();
        while (rows.size() < count) {
            byte[] template = KernelTestSupport.randomSymbols(lo + rnd.nextInt(hi - lo + 1), 4, rnd);
            int family = 1 + rnd.nextInt(5);
            for (int f = 0; f < family; f++) {
                rows.add(rnd.nextInt(4) == 0 ? template.clone() : mutate(template, rnd.nextInt(k + 3), rnd));
            }
            if (rnd.nextInt(8) == 0) {
                rows.add(KernelTestSupport.randomSymbols(rnd.nextInt(k + 2), 3, rnd)); // shorter than k + 1
            }
        }
        rows.add(new byte[0]);
        rows.add(new byte[0]);
        Collections.shuffle(rows, new java.util.Random(rnd.nextLong()));
        return rows.toArray(new byte[0][]);
    }

    /** Poly-A, dinucleotide repeats and their mutants, identical copies, and short and empty rows. */
    public static byte[][] lowComplexity(SplittableRandom rnd, int count, int k) {
        List<byte[]> rows = new ArrayList<>();
        while (rows.size() < count) {
            int len = rnd.nextInt(30);
            byte[] row = new byte[len];
            int period = 1 + rnd.nextInt(3);
            for (int p = 0; p < len; p++) {
                row[p] = (byte) (p % period == 0 ? 'A' : 200 + p % period);
            }
            rows.add(row);
            rows.add(mutate(row, rnd.nextInt(k + 2), rnd));
            if (rnd.nextBoolean()) {
                rows.add(row.clone());
            }
        }
        return rows.toArray(new byte[0][]);
    }

    /** The template with {@code edits} random substitutions, insertions and deletions. */
    public static byte[] mutate(byte[] template, int edits, SplittableRandom rnd) {
        List<Byte> s = new ArrayList<>();
        for (byte b : template) {
            s.add(b);
        }
        for (int e = 0; e < edits; e++) {
            int op = rnd.nextInt(3);
            byte sym = (byte) (255 - rnd.nextInt(4));
            if (op == 0 && !s.isEmpty()) {
                s.set(rnd.nextInt(s.size()), sym);
            } else if (op == 1 || s.isEmpty()) {
                s.add(rnd.nextInt(s.size() + 1), sym);
            } else {
                s.remove(rnd.nextInt(s.size()));
            }
        }
        byte[] out = new byte[s.size()];
        for (int p = 0; p < out.length; p++) {
            out[p] = s.get(p);
        }
        return out;
    }

    /** Textbook DP, two rows: the independent reference. */
    public static int editDistance(byte[] a, byte[] b) {
        int[] prev = new int[b.length + 1];
        int[] cur = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length; j++) {
                cur[j] = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length];
    }

    /** The rows packed as {@link ByteRows}, with ids r0, r1, ... */
    public static ByteRows rows(byte[][] rows) {
        String[] ids = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            ids[i] = "r" + i;
        }
        return KernelTestSupport.ragged(ids, rows);
    }
}
