package gw.solver;

import gw.tensor.Batch;
import java.util.function.BiFunction;

/**
 * The backward pass of a solve that kept only every k-th state ({@link Rollout#solveCheckpointed},
 * {@link RowGridRollout}): from the last segment to the first, the segment's steps are recomputed from its checkpoint,
 * then their VJPs chained in reverse; memory ~ N/k checkpoints + k records.
 */
final class SegmentedBackward {
    private SegmentedBackward() {
    }

    /**
     * v^T d output / d input. Each checkpoint is released (set to null, its bytes returned to the cost) once its
     * segment has been consumed.
     * @param checkpoints the state before step j where j % every == 0 (null elsewhere), one entry per step
     * @param take recomputes step j from its input state
     */
    static Batch run(Batch[] checkpoints, int every, BiFunction<Integer, Batch, StepTape> take, Cost cost, Batch v) {
        int n = checkpoints.length;
        Batch bar = v;
        for (int start = ((n - 1) / every) * every; start >= 0; start -= every) {
            int end = Math.min(start + every, n);
            StepTape[] segment = new StepTape[end - start];
            Batch state = checkpoints[start];
            long bytes = 0;
            for (int j = start; j < end; j++) {
                segment[j - start] = take.apply(j, state);
                bytes += segment[j - start].retainedBytes();
                state = segment[j - start].output();
            }
            cost.retain(bytes);
            for (int j = end - 1; j >= start; j--) {
                Interruption.check();
                bar = segment[j - start].vjp(bar);
            }
            cost.retain(-bytes - checkpoints[start].bytes());
            checkpoints[start] = null;
        }
        return bar;
    }
}
