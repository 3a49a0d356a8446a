package gw.model.net;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One thread's reusable memory for {@link MlpInference} at one batch size: the work arrays of a pass and a ring of
 * tape slots. {@link #take} hands out the least recently taken slot and bumps its generation, so an evaluation
 * knows its tape is gone when the generation moved on. Slots are allocated on first use, up to the ring's size;
 * the arrays live outside any workspace and are reused for the life of the ring.
 */
final class TapeRing {
    private final Thread owner = Thread.currentThread();
    private final DataType dtype;
    private final int rows;
    private final int width;
    private final int depth;
    private final Slot[] slots;
    private final INDArray in;
    private final INDArray out;
    private final INDArray[] hidden;
    private final INDArray work;
    private Slot spare;
    private int next;

    TapeRing(DataType dtype, int rows, int dim, int width, int depth, int size) {
        this.dtype = dtype;
        this.rows = rows;
        this.width = width;
        this.depth = depth;
        this.slots = new Slot[size];
        this.in = MlpInference.detached(dtype, rows, dim, 'c');
        this.out = MlpInference.detached(dtype, rows, dim, 'f');
        this.hidden = new INDArray[] {MlpInference.detached(dtype, rows, width, 'f'),
                MlpInference.detached(dtype, rows, width, 'f')};
        this.work = MlpInference.detached(dtype, rows, width, 'f');
    }

    boolean ownedByCurrentThread() {
        return owner == Thread.currentThread();
    }

    /** The slot for a new forward pass: a fresh one while the ring is not full, else the oldest. */
    Slot take() {
        if (slots[next] == null) {
            slots[next] = new Slot();
        }
        Slot s = slots[next];
        next = (next + 1) % slots.length;
        s.generation++;
        return s;
    }

    /** A slot outside the ring, for recomputing an evaluation whose slot was taken. */
    Slot spare() {
        if (spare == null) {
            spare = new Slot();
        }
        spare.generation++;
        return spare;
    }

    /** [rows, dim]: the pass's input (x or v). */
    INDArray in() {
        return in;
    }

    /** [rows, dim], column-major: the pass's output. */
    INDArray out() {
        return out;
    }

    /** Two [rows, width] arrays the passes alternate between (column-major, as INDArray.mmul gives them). */
    INDArray hidden(int i) {
        return hidden[i];
    }

    /** [rows, width] scratch. */
    INDArray work() {
        return work;
    }

    /** The SiLU derivative of each hidden layer of one forward pass. */
    final class Slot {
        private final INDArray[] derivative = new INDArray[depth];
        private long generation;

        private Slot() {
            for (int l = 0; l < depth; l++) {
                derivative[l] = MlpInference.detached(dtype, rows, width, 'f');
            }
        }

        INDArray derivative(int layer) {
            return derivative[layer];
        }

        long generation() {
            return generation;
        }
    }
}
