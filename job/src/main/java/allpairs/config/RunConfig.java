package allpairs.config;

/**
 * How the run behaves besides its result.
 *
 * @param progressSeconds print a progress line on stderr this often; 0 for never
 * @param checkpoint directory of the resumable tile store, or null
 */
public record RunConfig(double progressSeconds, String checkpoint) {
    public static RunConfig quiet() {
        return new RunConfig(0, null);
    }
}
