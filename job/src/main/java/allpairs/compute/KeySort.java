package allpairs.compute;

/** The stable merge sort {@link TopKBounds} ranks a line's entries with, on its preallocated arrays (no allocation). */
final class KeySort {
    private KeySort() {
    }

    /** Stable merge sort of order[0..n) by keys (ties keep the lower partner first). */
    static void sort(int[] order, long[] keys, int[] spareOrder, long[] spareKeys, int n) {
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(n, lo + width);
                int hi = Math.min(n, lo + 2 * width);
                int a = lo;
                int b = mid;
                for (int t = lo; t < hi; t++) {
                    if (a < mid && (b >= hi || keys[a] <= keys[b])) {
                        spareOrder[t] = order[a];
                        spareKeys[t] = keys[a++];
                    } else {
                        spareOrder[t] = order[b];
                        spareKeys[t] = keys[b++];
                    }
                }
            }
            System.arraycopy(spareOrder, 0, order, 0, n);
            System.arraycopy(spareKeys, 0, keys, 0, n);
        }
    }
}
