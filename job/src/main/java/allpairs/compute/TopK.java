package allpairs.compute;

import java.io.Serializable;

/**
 * A bounded selection of the K best (partner, value) candidates of one row: ascending values for
 * a DISTANCE kernel, descending for a SCORE kernel, ties to the lower partner index. Kept as a
 * small max-heap of the current worst-of-best, so a row is never materialised.
 */
public final class TopK implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int k;
    private final boolean ascending;
    private final int[] partner;
    private final double[] value;
    private int size;

    /**
     * @param candidates the most candidates it will be offered between clears (a tile's width or
     *                   height): it keeps min(K, candidates) slots, so K alone sizes nothing
     */
    public TopK(int k, int candidates, boolean ascending) {
        this.k = k;
        this.ascending = ascending;
        int slots = Math.max(0, Math.min(k, candidates));
        this.partner = new int[slots];
        this.value = new double[slots];
    }

    /** The slots it holds: min(K, candidates). */
    public int capacity() {
        return value.length;
    }

    /** Candidates held now. */
    public int size() {
        return size;
    }

    /** The partner of the K-th best held (the worst kept), with {@link #threshold} its value once K are held. */
    public int worstPartner() {
        return partner[0];
    }

    /** The partner of held candidate e (0 .. size-1, in no particular order). */
    public int partner(int e) {
        return partner[e];
    }

    public void clear() {
        size = 0;
    }

    /** True when (j, v) ranks before (j2, v2). */
    public boolean better(int j, double v, int j2, double v2) {
        int byValue = ascending ? Double.compare(v, v2) : Double.compare(v2, v);
        return byValue != 0 ? byValue < 0 : j < j2;
    }

    /**
     * The K-th best value offered since the last clear, or the unbounded value (+inf ascending,
     * -inf descending) while fewer than K were offered: a later candidate beyond it can never be kept.
     */
    public double threshold() {
        if (size < k) {
            return ascending ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        return value[0];
    }

    public void offer(int j, double v) {
        if (size < k) {
            partner[size] = j;
            value[size] = v;
            siftUp(size++);
        } else if (better(j, v, partner[0], value[0])) {
            partner[0] = j;
            value[0] = v;
            siftDown(0);
        }
    }

    /** Adds the kept candidates of row i to {@code out} (in no particular order) and clears. */
    public void drainTo(int i, EdgePiece out) {
        for (int e = 0; e < size; e++) {
            out.add(i, partner[e], value[e]);
        }
        size = 0;
    }

    /**
     * Each row's K best of {@code all}, rows ascending and each row's best first (ties to the lower
     * partner): what a row band keeps of its candidates, and a sparse tile of its parts'.
     */
    public static EdgePiece bestPerRow(EdgePiece all, int k, boolean ascending) {
        TopK rank = new TopK(1, 1, ascending);
        int[] order = all.sortedIndices((a, b) -> {
            if (all.row(a) != all.row(b)) {
                return Integer.compare(all.row(a), all.row(b));
            }
            if (all.col(a) == all.col(b)) {
                return 0;
            }
            return rank.better(all.col(a), all.value(a), all.col(b), all.value(b)) ? -1 : 1;
        });
        int[] keep = new int[order.length];
        int kept = 0;
        int run = 0;
        for (int e = 0; e < order.length; e++) {
            boolean sameRow = e > 0 && all.row(order[e]) == all.row(order[e - 1]);
            run = sameRow ? run + 1 : 0;
            if (run < k) {
                keep[kept++] = order[e];
            }
        }
        return all.select(keep, kept);
    }

    // The root is the worst kept candidate.
    private boolean worse(int a, int b) {
        return better(partner[b], value[b], partner[a], value[a]);
    }

    private void siftUp(int n) {
        while (n > 0) {
            int parent = (n - 1) / 2;
            if (!worse(n, parent)) {
                return;
            }
            swap(n, parent);
            n = parent;
        }
    }

    private void siftDown(int n) {
        while (true) {
            int l = 2 * n + 1;
            int r = l + 1;
            int worst = n;
            if (l < size && worse(l, worst)) {
                worst = l;
            }
            if (r < size && worse(r, worst)) {
                worst = r;
            }
            if (worst == n) {
                return;
            }
            swap(n, worst);
            n = worst;
        }
    }

    private void swap(int a, int b) {
        int p = partner[a];
        partner[a] = partner[b];
        partner[b] = p;
        double v = value[a];
        value[a] = value[b];
        value[b] = v;
    }
}
