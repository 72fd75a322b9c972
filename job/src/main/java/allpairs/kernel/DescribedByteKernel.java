package allpairs.kernel;

/**
 * A {@link ByteKernel} whose fixed metadata (name, description, element type, symmetry, kind) is
 * given to its constructor once, instead of five one-line overrides in every kernel. Plug-ins may
 * extend it or implement the metadata methods on {@link ByteKernel} themselves.
 */
public abstract class DescribedByteKernel<S> extends ByteKernel<S> {
    private static final long serialVersionUID = 1L;

    private final Info info;

    /** The five values in one serializable field. */
    private record Info(String name, String description, ElementType elementType, boolean symmetric,
                        KernelKind kind) implements java.io.Serializable {
    }

    protected DescribedByteKernel(String name, String description, ElementType elementType, boolean symmetric,
                                  KernelKind kind) {
        this.info = new Info(name, description, elementType, symmetric, kind);
    }

    @Override
    public final String name() {
        return info.name();
    }

    @Override
    public final String description() {
        return info.description();
    }

    @Override
    public final ElementType elementType() {
        return info.elementType();
    }

    @Override
    public final boolean symmetric() {
        return info.symmetric();
    }

    @Override
    public final KernelKind kind() {
        return info.kind();
    }
}
