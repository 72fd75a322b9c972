package allpairs.config;

import allpairs.UserError;

/**
 * How the run behaves besides its result.
 *
 * @param progressSeconds print a progress line on stderr this often; 0 for never
 * @param checkpoint directory of the resumable tile store, or null
 * @param replaceCheckpoint replace a checkpoint of a different job in that directory instead of refusing it
 */
public record RunConfig(double progressSeconds, String checkpoint, boolean replaceCheckpoint) {
    public RunConfig {
        if (replaceCheckpoint && checkpoint == null) {
            throw new UserError("--checkpoint-replace needs --checkpoint DIR", "option --checkpoint-replace");
        }
    }

    public RunConfig(double progressSeconds, String checkpoint) {
        this(progressSeconds, checkpoint, false);
    }

    public static RunConfig quiet() {
        return new RunConfig(0, null);
    }
}
