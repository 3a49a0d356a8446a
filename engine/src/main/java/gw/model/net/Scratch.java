package gw.model.net;

import gw.tensor.Backend;
import java.util.function.Supplier;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One reusable scratch memory (an ND4J workspace) per thread for network passes. ND4J otherwise gives every op
 * output fresh memory that only the Java GC frees, and touching fresh pages is what network passes spent most of
 * their time on (7-30 ms per op of a few MB; 0.2-1.5 ms in memory already touched). Every array created inside
 * {@link #run} lives in the workspace; when the outermost run ends the workspace is reset and the next run reuses
 * the same memory (it learns its size on the first run and grows when a larger pass spills over).
 *
 * <p>So a body must not let an ND4J array it created escape: it returns plain Java values (a double, a
 * {@link gw.tensor.Batch}) or writes into arrays created outside (parameters, gradients, optimizer state).
 */
public final class Scratch {
    static final String ID = "gw-network-scratch";
    private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.25)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    private Scratch() {
    }

    /** Runs {@code body} in this thread's scratch workspace (nested runs share the outermost one). */
    public static <T> T run(Supplier<T> body) {
        Backend.log();
        if (Nd4j.getWorkspaceManager().checkIfWorkspaceExistsAndActive(ID)) {
            return body.get();
        }
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, ID)) {
            return body.get();
        }
    }

    /** Whether the calling thread is inside {@link #run}. */
    public static boolean active() {
        return Nd4j.getWorkspaceManager().checkIfWorkspaceExistsAndActive(ID);
    }
}
