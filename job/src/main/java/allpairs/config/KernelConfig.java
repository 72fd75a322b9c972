package allpairs.config;

import allpairs.UserError;
import allpairs.kernel.Kernel;
import allpairs.kernel.Kernels;
import allpairs.kernel.ParamValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /**
     * As {@link #configure()}, with what the input implies ({@code channels} of a 3-D array) for each
     * parameter the kernel declares and the user left unset; a user value that contradicts it is an error.
     */
    public Configured configure(Map<String, Integer> implied) {
        Kernel<?> kernel = Kernels.byName(name);
        ParamValues given = Kernels.parse(kernel, params);
        List<String> settings = new ArrayList<>(params);
        implied.forEach((key, value) -> {
            if (kernel.params().stream().noneMatch(p -> p.name().equals(key))) {
                return;
            }
            if (!given.isSet(key)) {
                settings.add(key + "=" + value);
            } else if (given.getInt(key) != value) {
                throw new UserError(key + "=" + given.getInt(key) + " contradicts the input, which has " + value
                        + " " + key + " (the last axis of its arrays)", "option --kernel-param " + key);
            }
        });
        ParamValues values = Kernels.parse(kernel, settings);
        return new Configured(kernel.configure(values), values);
    }

    /** A configured kernel and the values it was configured with (they go into a checkpoint's fingerprint). */
    public record Configured(Kernel<?> kernel, ParamValues values) {
    }
}
