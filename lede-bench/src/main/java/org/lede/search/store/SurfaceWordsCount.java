package org.lede.search.store;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The vocabulary's count of a rebuild's batch: {@link SurfaceWords.Counts#add} over 1,000 texts
 * of about 250 words each, the size of an archive story's text. The words come from a small
 * vocabulary, a tenth capitalized (sentence starts and names) and some accented, as in news prose:
 * most words of a batch are words seen before, as in a rebuild. A rebuild at a million stories
 * spends a few percent of its time here, with little margin on its budget, so a change to how
 * words are split is measured here first.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SurfaceWordsCount {
    private static final String[] WORDS = ("council budget vote harbor ferry route clinic hospital "
                    + "treaty ceasefire tariff pension reform zoning broadband outage premium "
                    + "enrollment parliament minister election governor renters farmers water "
                    + "energy school transit housing bond solar grid levy ordinance quota merger "
                    + "vaccine insurance workers costs plan public hearing rebate union contract "
                    + "the of and a to in on for with said would could after before during "
                    + "Rouhani Müller Ibáñez Nakashima Przybylski Chidambaram Ashford Veloria")
            .split(" ");

    private List<String> texts;

    @Setup
    public void texts() {
        SplittableRandom rng = new SplittableRandom(11);
        texts = new ArrayList<>();
        for (int t = 0; t < 1_000; t++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 250; w++) {
                String word = WORDS[rng.nextInt(WORDS.length)];
                if (rng.nextInt(10) == 0) {
                    word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
                }
                text.append(word).append(rng.nextInt(12) == 0 ? ". " : " ");
            }
            texts.add(text.toString());
        }
    }

    @Benchmark
    public SurfaceWords.Counts count() {
        SurfaceWords.Counts counts = new SurfaceWords.Counts();
        for (String text : texts) {
            counts.add(text);
        }
        return counts;
    }
}
