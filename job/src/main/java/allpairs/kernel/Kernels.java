package allpairs.kernel;

import allpairs.NumberSyntax;
import allpairs.UserError;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The kernels users can name with {@code --kernel}: every {@link Kernel} listed in a
 * {@code META-INF/services/allpairs.kernel.Kernel} on the classpath (ours and any user jar's).
 */
public final class Kernels {
    private Kernels() {
    }

    /** All kernels by name, freshly loaded (so a jar added to the classpath is seen). */
    public static Map<String, Kernel<?>> all() {
        Map<String, Kernel<?>> byName = new TreeMap<>();
        for (Kernel<?> k : ServiceLoader.load(Kernel.class, Kernels.class.getClassLoader())) {
            byName.putIfAbsent(k.name(), k);
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            for (Kernel<?> k : ServiceLoader.load(Kernel.class, context)) {
                byName.putIfAbsent(k.name(), k);
            }
        }
        return byName;
    }

    public static Collection<String> names() {
        return all().keySet();
    }

    /** The kernel named {@code name}, unconfigured. */
    public static Kernel<?> byName(String name) {
        Map<String, Kernel<?>> all = all();
        Kernel<?> kernel = all.get(name);
        if (kernel == null) {
            throw new UserError("unknown kernel '" + name + "' (known: " + String.join(", ", all.keySet()) + ")",
                    "option --kernel");
        }
        return kernel;
    }

    /** The kernel named {@code name}, configured from {@code key=value} settings (validated). */
    public static Kernel<?> configured(String name, List<String> settings) {
        Kernel<?> kernel = byName(name);
        return kernel.configure(parse(kernel, settings));
    }

    /** Validates settings against the kernel's declared parameters and fills in defaults. */
    public static ParamValues parse(Kernel<?> kernel, List<String> settings) {
        Map<String, Param> declared = new LinkedHashMap<>();
        for (Param p : kernel.params()) {
            declared.put(p.name(), p);
        }
        Map<String, Object> values = new TreeMap<>();
        for (Param p : declared.values()) {
            values.put(p.name(), p.defaultValue() == null ? null : convert(kernel, p, p.defaultValue()));
        }
        Map<String, String> given = new TreeMap<>();
        for (String setting : settings) {
            int eq = setting.indexOf('=');
            if (eq <= 0) {
                throw new UserError("Cannot parse '" + setting + "': expected key=value", "option --kernel-param");
            }
            String key = setting.substring(0, eq).trim();
            Param p = declared.get(key);
            if (p == null) {
                throw new UserError("kernel " + kernel.name() + " has no parameter '" + key + "'"
                        + (declared.isEmpty() ? " (it takes none)" : " (known: " + String.join(", ", declared.keySet()) + ")"),
                        "option --kernel-param");
            }
            String text = setting.substring(eq + 1).trim();
            String earlier = given.putIfAbsent(key, text);
            if (earlier != null && !earlier.equals(text)) {
                throw new UserError("kernel parameter " + key + " given twice ('" + earlier + "' and '" + text + "')",
                        "option --kernel-param " + key);
            }
            values.put(key, convert(kernel, p, text));
        }
        return new ParamValues(values);
    }

    private static Object convert(Kernel<?> kernel, Param p, String text) {
        String where = "option --kernel-param " + p.name();
        if (p.type() == Param.Type.STRING) {
            if (text.isEmpty()) {
                throw new UserError("Cannot set " + p.name() + " of kernel " + kernel.name() + " to an empty value", where);
            }
            return text;
        }
        double value;
        Object typed;
        try {
            if (p.type() == Param.Type.INT) {
                int v = NumberSyntax.parseInt(text);
                value = v;
                typed = v;
            } else {
                double v = NumberSyntax.parseDouble(text);
                value = v;
                typed = v;
            }
        } catch (NumberSyntax.Invalid e) {
            throw new UserError("Cannot set " + p.name() + " of kernel " + kernel.name() + " to '" + text + "': "
                    + e.getMessage(), where);
        }
        if (value < p.min() || value > p.max()) {
            throw new UserError("Cannot set " + p.name() + " of kernel " + kernel.name() + " to " + text
                    + ": must be between " + format(p, p.min()) + " and " + format(p, p.max()) + negativeGapHint(p, text, value),
                    where);
        }
        return typed;
    }

    /** Gap penalties are often given as positive costs (BLAST, EMBOSS): name the negative score meant. */
    private static String negativeGapHint(Param p, String text, double value) {
        if (!p.name().startsWith("gap-") || value <= 0 || -value < p.min()) {
            return "";
        }
        return "; gap scores are negative here: " + p.name() + "=-" + text.strip().replaceFirst("^\\+", "")
                + " (BLAST's -gapopen 11 -gapextend 1 is gap-open=-12 gap-extend=-1)";
    }

    static String format(Param p, double v) {
        return p.type() == Param.Type.INT ? Long.toString((long) v) : Double.toString(v);
    }
}
