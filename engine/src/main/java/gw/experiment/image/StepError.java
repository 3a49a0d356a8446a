package gw.experiment.image;

/**
 * The scheme's gradient g against the fine-grid end-to-end gradient g* at one sampling step.
 *
 * @param step the sampling step index i
 * @param t its time t_i
 * @param relativeError |g - g*| / |g*|
 * @param cosine cos(g, g*)
 */
public record StepError(int step, double t, double relativeError, double cosine) {
}
