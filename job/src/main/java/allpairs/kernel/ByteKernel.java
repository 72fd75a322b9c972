package allpairs.kernel;

/** Base for kernels over byte rows (INT8, UINT8, SYMBOL): rows arrive as array slices. */
public abstract class ByteKernel<S> implements Kernel<S> {
    private static final long serialVersionUID = 1L;

    @Override
    public final double compute(Rows a, int i, Rows b, int j, S scratch) {
        ByteRows x = (ByteRows) a;
        ByteRows y = (ByteRows) b;
        return compute(x.data(), x.offset(i), x.length(i), y.data(), y.offset(j), y.length(j), scratch);
    }

    /** x = xs[xOff .. xOff+xLen), y = ys[yOff .. yOff+yLen). */
    protected abstract double compute(byte[] xs, int xOff, int xLen, byte[] ys, int yOff, int yLen, S scratch);
}
