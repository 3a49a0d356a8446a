package gw.cli;

import gw.model.net.Network;
import gw.model.net.Scratch;
import gw.model.net.Tape;
import gw.model.net.UNet;
import java.io.PrintWriter;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Network evaluation cost: forward, and forward plus the input VJP guidance needs, per batch size, beside the same
 * network's times in a widely used Python framework on this machine's 2 CPU threads (issue 9's figures).
 */
@Command(name = "net-bench", mixinStandardHelpOptions = true,
        description = "Time a network's forward pass and forward + input VJP (default: the Fashion-MNIST U-Net).")
public final class NetBenchCommand implements Callable<Integer> {

    @Option(names = "--model", description = "Network: unet (default ${DEFAULT-VALUE}).", defaultValue = "unet")
    String model;

    @Option(names = "--channels", split = ",", description = "U-Net channels per level (default ${DEFAULT-VALUE}).",
            defaultValue = "32,64,128")
    List<Integer> channels;

    @Option(names = "--batches", split = ",", description = "Batch sizes (default ${DEFAULT-VALUE}).",
            defaultValue = "64,1")
    List<Integer> batches;

    @Option(names = "--dtype", description = "float32 or float64 (default ${DEFAULT-VALUE}).", defaultValue = "float32")
    String dtype;

    @Mixin
    TimedRuns timing;

    @Spec
    CommandSpec command;

    /** Python reference on 2 CPU threads, ms: batch -> {forward, forward + VJP} (issue 9, 32/64/128 U-Net). */
    static double[] reference(int batch) {
        return batch == 64 ? new double[] {71, 132} : batch == 1 ? new double[] {3.2, 6.5} : null;
    }

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        if (!model.equals("unet")) {
            throw new ParameterException(command.commandLine(), "--model must be unet, got '" + model + "'");
        }
        if (!dtype.equals("float32") && !dtype.equals("float64")) {
            throw new ParameterException(command.commandLine(), "--dtype must be float32 or float64, got '" + dtype + "'");
        }
        for (int b : batches) {
            if (b < 1 || b > 4096) {
                throw new ParameterException(command.commandLine(), "--batches must each be in 1..4096, got " + b);
            }
        }
        timing.validate(command.commandLine());
        UNet.Config config;
        try {
            config = new UNet.Config(28, channels.stream().mapToInt(Integer::intValue).toArray(), 8, 16, 1000, 128,
                    dtype.equals("float64") ? DataType.DOUBLE : DataType.FLOAT);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "--channels: " + e.getMessage());
        }
        Network net = new UNet(config);
        net.parameters().initialise(0);
        out.printf("model=unet channels=%s params=%d dtype=%s threads=%s%n", channels, net.parameters().count(), dtype,
                System.getenv().getOrDefault("OMP_NUM_THREADS", "default"));
        out.printf("%6s %12s %14s %12s %12s %10s %10s%n", "batch", "forward ms", "fwd+VJP ms", "python fwd",
                "python f+V", "ratio fwd", "ratio f+V");
        for (int b : batches) {
            Random rng = new Random(b);
            float[] xs = new float[b * 784];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = (float) rng.nextGaussian();
            }
            INDArray x = Nd4j.create(xs, new long[] {b, 784}, 'c').castTo(config.dtype());
            INDArray v = x.dup();
            INDArray t = Nd4j.scalar(config.dtype(), 0.5).reshape(1);
            // each pass in the scratch memory the engine runs networks in; a value read out keeps it honest
            double fwd = timing.measure(() -> Scratch.run(() -> net.forward(x, t, null).getDouble(0))).medianMs();
            double vjp = timing.measure(() -> Scratch.run(() -> {
                Tape tape = new Tape(false);
                net.forward(x, t, tape);
                return net.backward(v, tape).getDouble(0);
            })).medianMs();
            double[] ref = reference(b);
            if (ref != null && channels.equals(List.of(32, 64, 128))) {
                out.printf("%6d %12.1f %14.1f %12.1f %12.1f %10.2f %10.2f%n", b, fwd, vjp, ref[0], ref[1],
                        fwd / ref[0], vjp / ref[1]);
            } else {
                out.printf("%6d %12.1f %14.1f %12s %12s %10s %10s%n", b, fwd, vjp, "-", "-", "-", "-");
            }
            out.flush();
        }
        return 0;
    }
}
