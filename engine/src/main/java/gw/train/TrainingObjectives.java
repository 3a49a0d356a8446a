package gw.train;

import java.util.List;

/** The training objectives a spec can name; one case per objective. */
public final class TrainingObjectives {
    public static final String FLOW_MATCHING = "flow-matching";
    public static final String CROSS_ENTROPY = "cross-entropy";
    public static final List<String> NAMES = List.of(FLOW_MATCHING, CROSS_ENTROPY);

    private TrainingObjectives() {
    }

    /** The objective of a (validated) spec, with its training and held-out data loaded. */
    public static TrainingObjective create(TrainSpec spec) {
        return switch (spec.objective()) {
            case FLOW_MATCHING -> FlowMatching.create(spec);
            case CROSS_ENTROPY -> CrossEntropy.create(spec);
            default -> throw new IllegalArgumentException("unknown training objective '" + spec.objective() + "'");
        };
    }
}
