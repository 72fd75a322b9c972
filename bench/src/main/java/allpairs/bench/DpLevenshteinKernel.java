package allpairs.bench;

import allpairs.kernel.DescribedByteKernel;
import allpairs.kernel.ElementType;
import allpairs.kernel.KernelKind;

/**
 * The levenshtein kernel as it was before the bit-parallel rewrite: the two-row textbook DP, one
 * cell at a time. Only here so that JMH shows the rewrite's effect in the same run (cases
 * {@code levenshtein-dp:N}); same results.
 */
public final class DpLevenshteinKernel extends DescribedByteKernel<DpLevenshteinKernel.Scratch> {
    private static final long serialVersionUID = 1L;

    /** Two DP rows over y (previous and current). */
    public static final class Scratch {
        final int[] prev;
        final int[] cur;

        Scratch(int maxLength) {
            prev = new int[maxLength + 1];
            cur = new int[maxLength + 1];
        }
    }

    public DpLevenshteinKernel() {
        super("levenshtein-dp", "", ElementType.SYMBOL, true, KernelKind.DISTANCE);
    }

    @Override
    public Scratch newScratch(int maxLength) {
        return new Scratch(maxLength);
    }

    @Override
    protected double compute(byte[] xs, int xOff, int n, byte[] ys, int yOff, int m, Scratch scratch) {
        int[] prev = scratch.prev;
        int[] cur = scratch.cur;
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            final byte xi = xs[xOff + i - 1];
            cur[0] = i;
            for (int j = 1; j <= m; j++) {
                int best = prev[j - 1] + (xi == ys[yOff + j - 1] ? 0 : 1);
                best = Math.min(best, prev[j] + 1);
                best = Math.min(best, cur[j - 1] + 1);
                cur[j] = best;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
