package allpairs.kernel;

/**
 * levenshtein's exact candidate filter for "distance at most k" (PassJoin, Li et al., VLDB 2012).
 *
 * <p>An indexed row y of length l >= k+1 is cut into k+1 even segments. If x is within k edits of
 * y, the k edits miss at least one segment, which then appears in x unchanged, shifted by the edits
 * before it: x probes only the substrings the multi-match-aware selection allows (for segment i,
 * 0-based, at start p, and Δ = len x - l, starts from max(p - i, p + Δ - (k - i)) to
 * min(p + i, p + Δ + (k - i))), O(k²) per length l in [len x - k, len x]. A pair is accepted at
 * the first segment that matches in its window, at the first start there, so it is verified once.
 * Rows shorter than k+1 cannot be cut: they are filed under their length alone and meet every row
 * within k of it (brute force among short rows, which are few and cheap).
 */
public final class SegmentFilter implements CandidateFilter {
    private static final long serialVersionUID = 1L;
    /** The largest k served: keys per row grow as k³ (see docs/join.md). */
    public static final int MAX_K = 16;
    /** Buckets per length: tag + 1 with tag -1 (short row) .. MAX_K (segment). */
    private static final int TAGS = MAX_K + 2;
    /** Lengths above this do not fit the bucket int; the join is not used for them. */
    public static final int MAX_LENGTH = Integer.MAX_VALUE / TAGS - 1;
    private final int k;

    public SegmentFilter(int k) {
        if (k < 0 || k > MAX_K) {
            throw new IllegalArgumentException("k out of range: " + k);
        }
        this.k = k;
    }

    public int k() {
        return k;
    }

    @Override
    public void indexKeys(Rows rows, int y, Keys out) {
        ByteRows r = (ByteRows) rows;
        int l = r.length(y);
        if (l <= k) {
            out.add(0, bucket(l, -1), 0);
            return;
        }
        for (int i = 0; i <= k; i++) {
            int p = segStart(l, i);
            out.add(hash(r.data(), r.offset(y) + p, segLength(l, i)), bucket(l, i), 0);
        }
    }

    @Override
    public void probeKeys(Rows rows, int x, Keys out) {
        ByteRows r = (ByteRows) rows;
        int lx = r.length(x);
        for (int l = Math.max(0, lx - k); l <= lx; l++) {
            if (l <= k) {
                out.add(0, bucket(l, -1), 0);
                continue;
            }
            for (int i = 0; i <= k; i++) {
                int len = segLength(l, i);
                for (int s = windowLo(l, lx, i); s <= windowHi(l, lx, i); s++) {
                    out.add(hash(r.data(), r.offset(x) + s, len), bucket(l, i), s);
                }
            }
        }
    }

    @Override
    public boolean accept(Rows ys, int y, Rows xs, int x, int bucket, int pos) {
        ByteRows ry = (ByteRows) ys;
        ByteRows rx = (ByteRows) xs;
        int ly = ry.length(y);
        int lx = rx.length(x);
        int tag = bucket % TAGS - 1;
        if (ly > lx || lx - ly > k || bucket / TAGS != ly) {
            return false;
        }
        if (tag < 0) {
            return ly <= k;
        }
        if (ly <= k || pos < windowLo(ly, lx, tag) || pos > windowHi(ly, lx, tag)
                || !segmentAt(ry, y, rx, x, tag, pos)) {
            return false;
        }
        for (int j = 0; j <= tag; j++) { // an earlier segment, or start, that matches takes the pair
            for (int s = windowLo(ly, lx, j); s <= (j < tag ? windowHi(ly, lx, j) : pos - 1); s++) {
                if (segmentAt(ry, y, rx, x, j, s)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** True when segment i of y equals x at start s. */
    private boolean segmentAt(ByteRows ry, int y, ByteRows rx, int x, int i, int s) {
        int ly = ry.length(y);
        int len = segLength(ly, i);
        return java.util.Arrays.equals(ry.data(), ry.offset(y) + segStart(ly, i), ry.offset(y) + segStart(ly, i) + len,
                rx.data(), rx.offset(x) + s, rx.offset(x) + s + len);
    }

    int bucket(int l, int tag) {
        return l * TAGS + tag + 1;
    }

    /** Segments 0 .. k - l%(k+1) have floor(l/(k+1)) symbols, the rest one more (PassJoin's even partition). */
    int segLength(int l, int i) {
        int base = l / (k + 1);
        return i < k + 1 - l % (k + 1) ? base : base + 1;
    }

    int segStart(int l, int i) {
        int base = l / (k + 1);
        int shorter = k + 1 - l % (k + 1);
        return i <= shorter ? i * base : shorter * base + (i - shorter) * (base + 1);
    }

    /** First start in x (length lx) where segment i of a length-l row is looked for. */
    int windowLo(int l, int lx, int i) {
        int p = segStart(l, i);
        return Math.max(0, Math.max(p - i, p + (lx - l) - (k - i)));
    }

    /** Last start (inclusive); below {@link #windowLo} when the window is empty. */
    int windowHi(int l, int lx, int i) {
        int p = segStart(l, i);
        return Math.min(lx - segLength(l, i), Math.min(p + i, p + (lx - l) + (k - i)));
    }

    /** FNV-1a over the bytes, then a 64-bit finaliser (murmur3's fmix64). */
    public static long hash(byte[] data, int off, int len) {
        long h = 0xcbf29ce484222325L;
        for (int b = off; b < off + len; b++) {
            h = (h ^ (data[b] & 0xff)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
