package gw.guidance;

import gw.tensor.Batch;

/**
 * A scheme's guidance gradient for a batch at one time, with what it cost. {@code endpoint} is where the scheme
 * queried the loss: xhat1 for greedy, the lookahead endpoint, or the exact flow's endpoint for the ideal.
 */
public record GuidanceGradient(Batch gradient, Batch endpoint, long nfe, long vjps, long nanos,
                               long peakRetainedBytes) {
}
