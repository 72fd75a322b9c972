package allpairs.support;

/**
 * The seed kernel written a second time, word for word from docs/seed-kernel.md (a 2-D table,
 * the term exactly as the doc's Java line), as an independent reference for tests.
 */
public final class SeedReference {
    private SeedReference() {
    }

    public static double pair(byte[] x, byte[] y) {
        int n = x.length;
        double[][] tmp = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                tmp[a][b] = 0.0;
                for (int k = 0; k < n; k++) {
                    long term = ((long) ((x[k] + y[k]) * (a - b))) & 0xFFFFFFFFL;
                    tmp[a][b] += (double) term;
                }
            }
        }
        double result = 0.0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                result += tmp[a][b];
            }
        }
        return result;
    }

    public static double[] matrix(byte[][] rows) {
        int m = rows.length;
        double[] out = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                out[i * m + j] = pair(rows[i], rows[j]);
            }
        }
        return out;
    }
}
