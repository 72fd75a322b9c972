package allpairs.config;

import allpairs.kernel.Kernel;
import allpairs.kernel.Kernels;
import allpairs.kernel.ParamValues;
import java.util.List;

/**
 * The kernel by name with its {@code key=value} settings, as the user gave them.
 *
 * @param name the kernel name; null when none was given (there is no default kernel: configuring then fails)
 * @param params {@code key=value} settings, validated by {@link #configure}
 */
public record KernelConfig(String name, List<String> params) {
    public KernelConfig {
        params = params == null ? List.of() : List.copyOf(params);
    }

    /** The kernel configured with validated values (a {@link allpairs.UserError} names a bad setting). */
    public Configured configure() {
        if (name == null) {
            throw new allpairs.UserError("no --kernel given (see 'allpairs kernels')", "option --kernel");
        }
        Kernel<?> kernel = Kernels.byName(name);
        ParamValues values = Kernels.parse(kernel, params);
        return new Configured(kernel.configure(values), values);
    }

    /** A configured kernel and the values it was configured with (they go into a checkpoint's fingerprint). */
    public record Configured(Kernel<?> kernel, ParamValues values) {
    }
}
