package allpairs.support;

import allpairs.kernel.ElementType;
import allpairs.kernel.Kernel;
import allpairs.kernel.KernelKind;
import allpairs.kernel.Rows;

/**
 * A kernel exactly as another computes, without its candidate filter: a run with it takes the tiled
 * path, the reference the join path's output must equal byte for byte.
 */
public final class TilesOnlyKernel<S> implements Kernel<S> {
    private static final long serialVersionUID = 1L;
    private final Kernel<S> inner;

    public TilesOnlyKernel(Kernel<S> inner) {
        this.inner = inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public ElementType elementType() {
        return inner.elementType();
    }

    @Override
    public boolean symmetric() {
        return inner.symmetric();
    }

    @Override
    public KernelKind kind() {
        return inner.kind();
    }

    @Override
    public long scratchBytes(int maxLength) {
        return inner.scratchBytes(maxLength);
    }

    @Override
    public int minTileWidth() {
        return inner.minTileWidth();
    }

    @Override
    public boolean usesBound() {
        return inner.usesBound();
    }

    @Override
    public double pairCost(int lenA, int lenB) {
        return inner.pairCost(lenA, lenB);
    }

    @Override
    public S newScratch(int maxLength) {
        return inner.newScratch(maxLength);
    }

    @Override
    public double compute(Rows a, int i, Rows b, int j, S scratch) {
        return inner.compute(a, i, b, j, scratch);
    }

    @Override
    public void computeRow(Rows a, int i, Rows b, int jFrom, int jTo, double bound, S scratch, double[] out,
                           int outOffset) {
        inner.computeRow(a, i, b, jFrom, jTo, bound, scratch, out, outOffset);
    }
}
