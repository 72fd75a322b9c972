package allpairs.kernel;

import java.io.Serializable;
import java.util.List;

/**
 * A pair function evaluated for every (i, j): the plug-in interface. Implement it (usually through
 * {@link ByteKernel} or {@link DoubleKernel}), list the class in
 * {@code META-INF/services/allpairs.kernel.Kernel} of your jar, put the jar on the classpath
 * ({@code spark-submit --jars}), and {@code --kernel NAME} finds it.
 *
 * <p>Its scratch is created once per Spark partition, for the longest row the partition will see,
 * and reused for every pair: {@link #compute} must not allocate. Instances are shipped to
 * executors: keep them immutable and serializable, parameters in final fields.
 *
 * @param <S> the scratch type (for example DP rows or a histogram)
 */
public interface Kernel<S> extends Serializable {
    /** The name users select with {@code --kernel}. */
    String name();

    /** One line for {@code allpairs kernels}. */
    default String description() {
        return "";
    }

    /** The element type rows are converted to before they reach {@link #compute}. */
    ElementType elementType();

    /** If true, compute(a, b) == compute(b, a) and only i <= j is evaluated (then mirrored). */
    boolean symmetric();

    /** DISTANCE (smaller is closer) or SCORE (larger is closer). */
    KernelKind kind();

    /** True when every row must have the same length (checked on the driver, exit 2 otherwise). */
    default boolean needsEqualLengths() {
        return false;
    }

    /**
     * Checks the rows before any work (on the driver, for --input and --against): throws a
     * {@link allpairs.UserError} naming {@code where} and the first row this kernel cannot take
     * (for example a symbol a substitution matrix does not score). Default: every row is fine.
     */
    default void checkRows(Rows rows, String where) {
    }

    /** Declared parameters, with defaults and ranges. */
    default List<Param> params() {
        return List.of();
    }

    /** A copy configured with validated values for every declared parameter. */
    default Kernel<S> configure(ParamValues values) {
        return this;
    }

    /**
     * Relative cost of one pair of rows of these lengths, used to balance the work (tiles are
     * packed into partitions by estimated cost). Default: len_a × len_b, a DP table.
     */
    default double pairCost(int lenA, int lenB) {
        return (double) lenA * lenB;
    }

    /**
     * Bytes of the scratch {@link #newScratch} allocates for rows of {@code maxLength}, used to size
     * blocks under --memory-budget. Default: unknown, counted as 0.
     */
    default long scratchBytes(int maxLength) {
        return 0;
    }

    /**
     * The fewest columns per tile at which {@link #computeRow} runs at full speed (a kernel that
     * aligns a tile row's columns in SIMD lanes idles lanes on narrower tiles). The default block
     * size is raised to it where the memory budget allows; {@code --block-size} overrides it.
     * Default: 1 (no preference).
     */
    default int minTileWidth() {
        return 1;
    }

    /**
     * True when {@link #computeRow} uses its bound to stop pairs early. Only then does {@code --top-k}
     * split tile rows into stretches with a tightening bound; a kernel that ignores the bound gets
     * whole rows (fewer calls). Default: false.
     */
    default boolean usesBound() {
        return false;
    }

    /**
     * True when every value {@link #computeRow} stops early (beyond its bound) is also no closer than the
     * exact value: at most it for a DISTANCE, at least it for a SCORE. Then {@code --top-k} bounds mirrored
     * tiles too: a column's K best that include a stopped value are recomputed exactly (docs/kernels.md).
     * Default: false (mirrored tiles are computed unbounded).
     */
    default boolean stoppedValuesAreBounds() {
        return false;
    }

    /**
     * An exact candidate filter for pairs within {@code bound} ({@code --keep below=X} of a DISTANCE,
     * {@code above=X} of a SCORE), or null. With one, the run computes only the pairs the filter lets
     * meet (docs/join.md); without one (the default), every pair, on tiles.
     */
    default CandidateFilter candidateFilter(double bound) {
        return null;
    }

    /**
     * For kernels whose every value is an integer ({@code --dtype int32/int16}): the largest |value| a pair
     * of rows of at most these lengths can take. NaN (the default): values are not integers, and only the
     * float dtypes are written.
     */
    default double integerBound(int lenA, int lenB) {
        return Double.NaN;
    }

    /**
     * The lower bounds {@link #computeRow} rules pairs out with under a bound, as the summary names them
     * ({@code pruned_NAME}), in the order of {@link #pruned}. Default: none.
     */
    default List<String> prunedBy() {
        return List.of();
    }

    /** Pairs each of {@link #prunedBy} ruled out with this scratch so far (the scratch's own counts, not a copy). */
    default long[] pruned(S scratch) {
        return new long[0];
    }

    /**
     * Cheap bounds of the values of row i of a against rows jFrom..jTo-1 of b, into {@code out[outOffset + (j -
     * jFrom)]}: each never closer than the exact value (at most it for a DISTANCE, at least for a SCORE). With
     * them {@code --top-k} visits a tile row's columns best bound first, each under the K-th best value found
     * so far, and stops at the first bound that ranks after it (docs/kernels.md). A bound beyond {@code bound}
     * may be any value beyond it that is still a bound (the kernel may stop refining it there). False (the
     * default): none, nothing written. Must not allocate.
     */
    default boolean lowerBounds(Rows a, int i, Rows b, int jFrom, int jTo, double bound, S scratch, double[] out,
                                int outOffset) {
        return false;
    }

    /**
     * As {@link #computeRow}, for row i against the rows {@code columns[0 .. count-1]} of b (any order), each value
     * into {@code out[base + j]}: the columns {@code --top-k} visits best first ({@link #lowerBounds}). Default:
     * {@link #computeRow} for each.
     */
    default void computeColumns(Rows a, int i, Rows b, int[] columns, int count, double bound, S scratch,
                                double[] out, int base) {
        for (int p = 0; p < count; p++) {
            computeRow(a, i, b, columns[p], columns[p] + 1, bound, scratch, out, base + columns[p]);
        }
    }

    /** The per-partition scratch for rows of at most {@code maxLength} elements. */
    S newScratch(int maxLength);

    /** The value of the pair (row i of a, row j of b), using (and overwriting) {@code scratch}. */
    double compute(Rows a, int i, Rows b, int j, S scratch);

    /**
     * The values of row {@code i} of {@code a} against rows {@code jFrom .. jTo-1} of {@code b}, written
     * to {@code out[outOffset + (j - jFrom)]}: the entry point the tile calls, once per tile row, so a
     * kernel can prepare row i once (bit masks, a query profile) in its scratch and reuse it for every
     * column, or compute several columns at once.
     *
     * <p>The bound lets a kernel stop early. Every pair whose value is within the bound ({@link
     * KernelKind#within}: at most {@code bound} for a DISTANCE, at least for a SCORE) must be exact;
     * any other pair may get any value strictly beyond the bound. {@code kind().unbounded()} asks for
     * every value exact. The caller passes a bound only where values beyond it are dropped, so the
     * output is identical to an unbounded run: {@code --keep below=X} for a distance ({@code above=X}
     * for a score) passes X; {@code --top-k}, for a kernel that {@link #usesBound}, passes the K-th
     * best value found so far in the tile row, calling this for stretches of about 32 columns so the
     * bound tightens along the row (mirrored tiles only for a kernel whose {@link #stoppedValuesAreBounds}:
     * see docs/kernels.md).
     *
     * <p>Default: {@link #compute} for each pair (exact, the bound ignored). Like {@link #compute}, it
     * must not allocate.
     */
    default void computeRow(Rows a, int i, Rows b, int jFrom, int jTo, double bound, S scratch, double[] out,
                            int outOffset) {
        for (int j = jFrom; j < jTo; j++) {
            out[outOffset + (j - jFrom)] = compute(a, i, b, j, scratch);
        }
    }
}
