package allpairs.support;

import allpairs.kernel.DoubleKernel;
import allpairs.kernel.KernelKind;
import allpairs.kernel.Param;
import allpairs.kernel.ParamValues;
import java.util.List;

/**
 * A user kernel added from the test classpath through META-INF/services: weight·Σx − Σy.
 * Not symmetric, so it also exercises the full (unmirrored) square plan.
 */
public final class WeightedDifferenceKernel extends DoubleKernel<double[]> {
    private static final long serialVersionUID = 1L;
    public static final String NAME = "test-weighted-difference";
    private final double weight;
    private final int skip;

    public WeightedDifferenceKernel() {
        this(2.0, 0);
    }

    private WeightedDifferenceKernel(double weight, int skip) {
        this.weight = weight;
        this.skip = skip;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "test kernel: weight * sum(x[skip:]) - sum(y[skip:])";
    }

    @Override
    public boolean symmetric() {
        return false;
    }

    @Override
    public KernelKind kind() {
        return KernelKind.SCORE;
    }

    @Override
    public List<Param> params() {
        return List.of(Param.ofDouble("weight", 2.0, -10, 10, "factor on the first row's sum"),
                Param.ofInt("skip", 0, 0, 100, "leading elements to ignore"));
    }

    @Override
    public WeightedDifferenceKernel configure(ParamValues values) {
        return new WeightedDifferenceKernel(values.getDouble("weight"), values.getInt("skip"));
    }

    @Override
    public double[] newScratch(int maxLength) {
        return new double[1];
    }

    @Override
    protected double compute(double[] xs, int xOff, int xLen, double[] ys, int yOff, int yLen, double[] scratch) {
        double sx = 0;
        for (int k = skip; k < xLen; k++) {
            sx += xs[xOff + k];
        }
        double sy = 0;
        for (int k = skip; k < yLen; k++) {
            sy += ys[yOff + k];
        }
        return weight * sx - sy;
    }
}
