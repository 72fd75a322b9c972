package allpairs.compute;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * A cheap seriation for the preview: average-linkage (UPGMA) clustering of the preview's blocks,
 * and the dendrogram's leaf order. The block means are already average distances between blocks
 * (the mean over their row pairs), so with each block weighted by its rows this is average linkage
 * of the rows, cut no finer than the blocks: the driver's work is bounded by the block count n
 * (O(n²) time with the nearest-neighbour chain, one n × n matrix), never by the rows.
 */
public final class Seriation {
    private Seriation() {
    }

    /**
     * The leaf order of the average-linkage dendrogram of n items.
     *
     * @param distance n × n, symmetric, smaller is closer (non-finite values count as farthest); overwritten
     * @param weight each item's weight (rows per block)
     * @return a permutation of 0..n-1; each subtree's leaves contiguous, the subtree holding the lower index first
     */
    public static int[] averageLinkageOrder(double[][] distance, double[] weight) {
        int n = weight.length;
        if (n <= 2) {
            return identity(n);
        }
        tameNonFinite(distance);
        double[] size = weight.clone();
        int[] node = identity(n); // the dendrogram node each active slot stands for
        int[][] children = new int[2 * n - 1][];
        int[] lowest = Arrays.copyOf(identity(n), 2 * n - 1); // lowest item index under a node
        boolean[] active = new boolean[n];
        Arrays.fill(active, true);
        int next = n;
        Deque<Integer> chain = new ArrayDeque<>();
        for (int remaining = n; remaining > 1; ) {
            if (chain.isEmpty()) {
                chain.push(firstActive(active));
            }
            int a = chain.pop();
            Integer previous = chain.peek();
            int b = nearest(distance, active, a, previous);
            if (previous == null || b != previous) {
                chain.push(a);
                chain.push(b);
                continue;
            }
            chain.pop(); // a and b are each other's nearest: merge them (reducibility keeps the chain valid)
            int keep = Math.min(a, b);
            int gone = Math.max(a, b);
            merge(distance, active, size, keep, gone);
            int left = lowest[node[a]] < lowest[node[b]] ? node[a] : node[b];
            int right = left == node[a] ? node[b] : node[a];
            children[next] = new int[] {left, right};
            lowest[next] = lowest[left];
            node[keep] = next++;
            active[gone] = false;
            remaining--;
        }
        return leaves(children, next - 1, n);
    }

    /** The active item closest to a; ties to the previous chain element, then to the lower index. */
    private static int nearest(double[][] distance, boolean[] active, int a, Integer previous) {
        int best = previous == null ? -1 : previous;
        double bestD = previous == null ? Double.POSITIVE_INFINITY : distance[a][previous];
        for (int b = 0; b < active.length; b++) {
            if (active[b] && b != a && (best < 0 || distance[a][b] < bestD)) {
                best = b;
                bestD = distance[a][b];
            }
        }
        return best;
    }

    /** Lance-Williams for UPGMA: the merged cluster's distance is the size-weighted mean of its parts'. */
    private static void merge(double[][] distance, boolean[] active, double[] size, int keep, int gone) {
        double total = size[keep] + size[gone];
        for (int c = 0; c < active.length; c++) {
            if (active[c] && c != keep && c != gone) {
                double d = (size[keep] * distance[keep][c] + size[gone] * distance[gone][c]) / total;
                distance[keep][c] = d;
                distance[c][keep] = d;
            }
        }
        size[keep] = total;
    }

    private static int[] leaves(int[][] children, int root, int n) {
        int[] order = new int[n];
        int at = 0;
        Deque<Integer> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            int v = stack.pop();
            if (v < n) {
                order[at++] = v;
            } else {
                stack.push(children[v][1]);
                stack.push(children[v][0]);
            }
        }
        return order;
    }

    /** NaN and infinities (a kernel's non-finite values, empty cells) become just farther than the farthest. */
    private static void tameNonFinite(double[][] distance) {
        double max = -Double.MAX_VALUE;
        double min = Double.MAX_VALUE;
        for (double[] row : distance) {
            for (double d : row) {
                if (Double.isFinite(d)) {
                    max = Math.max(max, d);
                    min = Math.min(min, d);
                }
            }
        }
        double far = max < min ? 1 : max + Math.max(1, max - min);
        for (double[] row : distance) {
            for (int j = 0; j < row.length; j++) {
                row[j] = Double.isFinite(row[j]) ? row[j] : far;
            }
        }
    }

    private static int firstActive(boolean[] active) {
        int i = 0;
        while (!active[i]) {
            i++;
        }
        return i;
    }

    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
