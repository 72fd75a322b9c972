package allpairs.kernel;

import java.io.Serializable;

/**
 * A kernel parameter as users set it with {@code --kernel-param name=value}.
 *
 * @param name the key
 * @param type INT, DOUBLE or STRING (a name or a path; min and max do not apply)
 * @param defaultValue the default as text, or null for "none" (the parameter is then unset)
 * @param min smallest allowed value (inclusive)
 * @param max largest allowed value (inclusive)
 * @param description one line for {@code allpairs kernels}
 */
public record Param(String name, Type type, String defaultValue, double min, double max, String description)
        implements Serializable {
    public enum Type { INT, DOUBLE, STRING }

    public static Param ofInt(String name, Integer defaultValue, int min, int max, String description) {
        return new Param(name, Type.INT, defaultValue == null ? null : defaultValue.toString(), min, max, description);
    }

    public static Param ofDouble(String name, double defaultValue, double min, double max, String description) {
        return new Param(name, Type.DOUBLE, Double.toString(defaultValue), min, max, description);
    }

    /** A number without a default: unset unless the user gives it (so the kernel can tell). */
    public static Param ofDouble(String name, double min, double max, String description) {
        return new Param(name, Type.DOUBLE, null, min, max, description);
    }

    /** A text value (a name or a path), unset unless the user gives it. */
    public static Param ofString(String name, String description) {
        return new Param(name, Type.STRING, null, Double.NaN, Double.NaN, description);
    }
}
