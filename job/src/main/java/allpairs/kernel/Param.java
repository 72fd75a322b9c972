package allpairs.kernel;

import java.io.Serializable;

/**
 * A kernel parameter as users set it with {@code --kernel-param name=value}.
 *
 * @param name the key
 * @param type INT or DOUBLE
 * @param defaultValue the default as text, or null for "none" (the parameter is then unset)
 * @param min smallest allowed value (inclusive)
 * @param max largest allowed value (inclusive)
 * @param description one line for {@code allpairs kernels}
 */
public record Param(String name, Type type, String defaultValue, double min, double max, String description)
        implements Serializable {
    public enum Type { INT, DOUBLE }

    public static Param ofInt(String name, Integer defaultValue, int min, int max, String description) {
        return new Param(name, Type.INT, defaultValue == null ? null : defaultValue.toString(), min, max, description);
    }

    public static Param ofDouble(String name, double defaultValue, double min, double max, String description) {
        return new Param(name, Type.DOUBLE, Double.toString(defaultValue), min, max, description);
    }
}
