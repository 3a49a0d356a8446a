package gw.model.net;

import java.util.ArrayDeque;
import java.util.Deque;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a forward pass keeps for its backward pass: each layer pushes the arrays it needs in forward order and pops
 * them in reverse order in backward, so composed layers need no bookkeeping of their own. {@code paramGrads}
 * says whether backward also accumulates parameter gradients (training) or only returns the input gradient
 * (a model's VJP during guidance).
 */
public final class Tape {
    private final Deque<INDArray> stack = new ArrayDeque<>();
    private final boolean paramGrads;

    public Tape(boolean paramGrads) {
        this.paramGrads = paramGrads;
    }

    public boolean paramGrads() {
        return paramGrads;
    }

    public void push(INDArray a) {
        stack.push(a);
    }

    public INDArray pop() {
        if (stack.isEmpty()) {
            throw new IllegalStateException("backward popped more than forward pushed");
        }
        return stack.pop();
    }

    /** A tape with the same contents, so one forward pass can serve several backward passes. */
    public Tape copy() {
        Tape t = new Tape(paramGrads);
        t.stack.addAll(stack);
        return t;
    }

    public boolean isEmpty() {
        return stack.isEmpty();
    }

    /** Bytes held, for memory accounting. */
    public long bytes() {
        long b = 0;
        for (INDArray a : stack) {
            b += a.length() * a.dataType().width();
        }
        return b;
    }
}
