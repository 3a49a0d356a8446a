package gw.experiment.image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mean and standard deviation (sample, n - 1; 0 for one image) over the images of one (sweep point, task, scheme)
 * group of complete runs. For the "class" task, {@code judgeHit}'s mean is the judge's hit rate and
 * {@code judgeProbability} the judge's p(target); NaN for other tasks.
 */
public record ImageSummary(int pointIndex, Map<String, Number> point, String task, String scheme, int count,
                           int failed, Stat psnr, Stat ssim, Stat residual, Stat nfe, Stat vjps, Stat wallMs,
                           long peakRetainedBytes, Stat relativeError, Stat judgeHit, Stat judgeProbability) {

    /** Mean and sample standard deviation of the finite values; NaN when there are none. */
    public record Stat(double mean, double std) {
        static Stat of(List<Double> values) {
            List<Double> v = values.stream().filter(Double::isFinite).toList();
            if (v.isEmpty()) {
                return new Stat(Double.NaN, Double.NaN);
            }
            double mean = v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double ss = v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
            return new Stat(mean, v.size() > 1 ? Math.sqrt(ss / (v.size() - 1)) : 0.0);
        }
    }

    /** One summary per group, in run order. */
    public static List<ImageSummary> of(List<ImageRunResult> results) {
        Map<String, List<ImageRunResult>> groups = new LinkedHashMap<>();
        for (ImageRunResult r : results) {
            groups.computeIfAbsent(r.pointIndex() + "\u0000" + r.request().task() + "\u0000"
                    + r.request().scheme().label(), k -> new ArrayList<>()).add(r);
        }
        List<ImageSummary> out = new ArrayList<>();
        for (List<ImageRunResult> g : groups.values()) {
            List<Reconstruction> ok = g.stream().filter(ImageRunResult::complete).map(ImageRunResult::result).toList();
            ImageRunResult first = g.get(0);
            out.add(new ImageSummary(first.pointIndex(), first.point(), first.request().task(),
                    first.request().scheme().label(), ok.size(), g.size() - ok.size(),
                    Stat.of(ok.stream().map(Reconstruction::psnr).toList()),
                    Stat.of(ok.stream().map(Reconstruction::ssim).toList()),
                    Stat.of(ok.stream().map(Reconstruction::residual).toList()),
                    Stat.of(ok.stream().map(r -> (double) r.nfe()).toList()),
                    Stat.of(ok.stream().map(r -> (double) r.vjps()).toList()),
                    Stat.of(ok.stream().map(Reconstruction::wallMs).toList()),
                    ok.stream().mapToLong(Reconstruction::peakRetainedBytes).max().orElse(0),
                    Stat.of(ok.stream().map(Reconstruction::meanRelativeError).toList()),
                    Stat.of(g.stream().filter(r -> r.verdict() != null).map(r -> r.verdict().hit() ? 1.0 : 0.0)
                            .toList()),
                    Stat.of(g.stream().filter(r -> r.verdict() != null).map(r -> r.verdict().targetProbability())
                            .toList())));
        }
        return out;
    }
}
