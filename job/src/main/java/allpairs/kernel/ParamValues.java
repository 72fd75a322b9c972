package allpairs.kernel;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Validated parameter values: every declared parameter, as Integer, Double, String, or null when unset. */
public final class ParamValues implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Map<String, Object> values;

    public ParamValues(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public static ParamValues none() {
        return new ParamValues(Map.of());
    }

    public boolean isSet(String name) {
        return values.get(name) != null;
    }

    public double getDouble(String name) {
        return ((Number) require(name)).doubleValue();
    }

    public String getString(String name) {
        return (String) require(name);
    }

    public int getInt(String name) {
        return ((Number) require(name)).intValue();
    }

    public Map<String, Object> asMap() {
        return values;
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("parameter " + name + " is not set");
        }
        return v;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
