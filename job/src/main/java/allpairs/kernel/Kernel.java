package allpairs.kernel;

import java.io.Serializable;

/**
 * A pair function evaluated for every (i, j). Its scratch is created once per Spark partition and
 * reused for every pair the partition computes, so {@link #compute} must never allocate.
 * Implementations are shipped to executors: keep them stateless and serializable.
 *
 * @param <S> the scratch type (for example a {@code double[]} table)
 */
public interface Kernel<S> extends Serializable {
    /** The name users select with {@code --kernel}. */
    String name();

    /** If true, compute(a, b) == compute(b, a) bit for bit and only i <= j is evaluated. */
    boolean symmetric();

    /** The per-partition scratch for rows of {@code n} values. */
    S newScratch(int n);

    /** The value of the pair (i, j), using (and overwriting) {@code scratch}. */
    double compute(Int8Rows rows, int i, int j, S scratch);
}
