package allpairs.kernel;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;

/**
 * Counts the filled entries of the Vector API's operator caches ({@code VectorOperators.ImplCache}, one per
 * kind of operation and element type). Needs {@code --add-opens jdk.incubator.vector/jdk.incubator.vector=ALL-UNNAMED}.
 */
final class OperatorCaches {
    private static final List<String> TYPES = List.of("Byte", "Short", "Int", "Long", "Float", "Double");

    private OperatorCaches() {
    }

    static int filled() throws ReflectiveOperationException {
        int n = 0;
        for (String t : TYPES) {
            Class<?> vectors = Class.forName("jdk.incubator.vector." + t + "Vector");
            for (Field f : vectors.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType().getSimpleName().equals("ImplCache")) {
                    f.setAccessible(true);
                    Object cache = f.get(null);
                    Field entries = cache.getClass().getDeclaredField("cache");
                    entries.setAccessible(true);
                    for (Object e : (Object[]) entries.get(cache)) {
                        n += e == null ? 0 : 1;
                    }
                }
            }
        }
        return n;
    }
}
