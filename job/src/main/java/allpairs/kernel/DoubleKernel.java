package allpairs.kernel;

/** Base for kernels over double rows (DOUBLE elements): rows arrive as array slices. */
public abstract class DoubleKernel<S> implements Kernel<S> {
    private static final long serialVersionUID = 1L;

    @Override
    public final ElementType elementType() {
        return ElementType.DOUBLE;
    }

    @Override
    public final double compute(Rows a, int i, Rows b, int j, S scratch) {
        DoubleRows x = (DoubleRows) a;
        DoubleRows y = (DoubleRows) b;
        return compute(x.data(), x.offset(i), x.length(i), y.data(), y.offset(j), y.length(j), scratch);
    }

    /** x = xs[xOff .. xOff+xLen), y = ys[yOff .. yOff+yLen). */
    protected abstract double compute(double[] xs, int xOff, int xLen, double[] ys, int yOff, int yLen, S scratch);
}
