package allpairs.kernel;

import allpairs.UserError;
import java.util.Map;
import java.util.TreeMap;

/** The kernels a user can name with {@code --kernel}. */
public final class Kernels {
    private static final Map<String, Kernel<?>> BY_NAME = new TreeMap<>();

    static {
        register(new SeedKernel());
    }

    private Kernels() {
    }

    private static void register(Kernel<?> kernel) {
        BY_NAME.put(kernel.name(), kernel);
    }

    public static Kernel<?> byName(String name) {
        Kernel<?> kernel = BY_NAME.get(name);
        if (kernel == null) {
            throw new UserError("unknown kernel '" + name + "' (known: " + String.join(", ", BY_NAME.keySet()) + ")",
                    "option --kernel");
        }
        return kernel;
    }

    public static Iterable<String> names() {
        return BY_NAME.keySet();
    }
}
