package dev.priora.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import dev.priora.feedback.SentenceEmbedder;
import dev.priora.feedback.engine.SimilarityIndex;

/**
 * Similar-suggestion latency with {@code n} stored feedback (default 100,000): one query
 * is what {@code GET …/feedback/{id}/similar} does — embed the query text with the real
 * MiniLM model, then BM25 + vector search and mixing. Stored texts are generated from a
 * vocabulary; stored vectors are random unit vectors (search cost does not depend on
 * their values, and embedding 100,000 texts would take minutes).
 */
public final class SimilarityBenchmark {

	private static final String[] WORDS = ("export import csv excel report invoice payment card wallet search filter "
			+ "sort order checkout cart shipping label return refund customer account login password email "
			+ "notification mobile app dark theme calendar dashboard chart api webhook integration slack jira "
			+ "github permission role admin audit backup speed slow error crash bug feature request please need "
			+ "want would like users team project issue ticket status priority release sprint board column")
		.split(" ");

	private SimilarityBenchmark() {
	}

	public static void main(String[] args) {
		int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		Random random = new Random(3);
		SentenceEmbedder embedder = new SentenceEmbedder();
		embedder.embed("warm up", "the model");
		long t0 = System.nanoTime();
		try (SimilarityIndex index = new SimilarityIndex()) {
			for (int i = 0; i < n; i++) {
				index.put(new SimilarityIndex.Entry("F" + i, sentence(random, 5), sentence(random, 40), unit(random)));
			}
			index.size();
			System.out.printf(Locale.ROOT, "built %d entries in %.1f s; heap used %d MiB%n", n,
					(System.nanoTime() - t0) / 1e9, used() >> 20);
			int runs = 1000;
			long[] nanos = new long[runs];
			long[] embedNanos = new long[runs];
			for (int i = -200; i < runs; i++) {
				String title = sentence(random, 5);
				String text = sentence(random, 30);
				long start = System.nanoTime();
				float[] v = embedder.embed(title, text);
				long embedded = System.nanoTime();
				index.similar(new SimilarityIndex.Query(title, text, v, 10, Set.of()));
				if (i >= 0) {
					nanos[i] = System.nanoTime() - start;
					embedNanos[i] = embedded - start;
				}
			}
			long[] stored = new long[runs];
			for (int i = 0; i < runs; i++) {
				String title = sentence(random, 5);
				String text = sentence(random, 30);
				float[] v = unit(random);
				long start = System.nanoTime();
				index.similar(new SimilarityIndex.Query(title, text, v, 10, Set.of()));
				stored[i] = System.nanoTime() - start;
			}
			long[] lexicalOnly = new long[runs];
			long[] vectorOnly = new long[runs];
			for (int i = 0; i < runs; i++) {
				String title = sentence(random, 5);
				String text = sentence(random, 30);
				long start = System.nanoTime();
				index.similar(new SimilarityIndex.Query(title, text, null, 10, Set.of()));
				lexicalOnly[i] = System.nanoTime() - start;
				float[] v = unit(random);
				start = System.nanoTime();
				index.similar(new SimilarityIndex.Query("", "", v, 10, Set.of()));
				vectorOnly[i] = System.nanoTime() - start;
			}
			Arrays.sort(lexicalOnly);
			Arrays.sort(vectorOnly);
			System.out.printf(Locale.ROOT,
					"  parts: words only p50 %.1f / p95 %.1f ms; vectors only p50 %.1f / p95 %.1f ms%n",
					lexicalOnly[runs / 2] / 1e6, lexicalOnly[(int) (runs * 0.95)] / 1e6, vectorOnly[runs / 2] / 1e6,
					vectorOnly[(int) (runs * 0.95)] / 1e6);
			Arrays.sort(stored);
			System.out.printf(Locale.ROOT,
					"similar to stored feedback (vector already stored), %d runs: p50 %.1f ms  p95 %.1f ms  p99 %.1f ms%n",
					runs, stored[runs / 2] / 1e6, stored[(int) (runs * 0.95)] / 1e6, stored[(int) (runs * 0.99)] / 1e6);
			Arrays.sort(nanos);
			Arrays.sort(embedNanos);
			System.out.printf(Locale.ROOT, "  of which embedding the query: p50 %.1f ms  p95 %.1f ms%n",
					embedNanos[runs / 2] / 1e6, embedNanos[(int) (runs * 0.95)] / 1e6);
			System.out.printf(Locale.ROOT,
					"similar to a new text (embed + search), %d runs: p50 %.1f ms  p95 %.1f ms  p99 %.1f ms%n", runs,
					nanos[runs / 2] / 1e6, nanos[(int) (runs * 0.95)] / 1e6, nanos[(int) (runs * 0.99)] / 1e6);
		}
	}

	private static final int VOCABULARY = 20_000;

	private static final double[] CUMULATIVE = zipf(VOCABULARY);

	private static double[] zipf(int size) {
		double[] c = new double[size];
		double sum = 0;
		for (int r = 1; r <= size; r++) {
			sum += 1.0 / r;
			c[r - 1] = sum;
		}
		for (int r = 0; r < size; r++) {
			c[r] /= sum;
		}
		return c;
	}

	private static String word(Random random) {
		int rank = Arrays.binarySearch(CUMULATIVE, random.nextDouble());
		rank = rank < 0 ? -rank - 1 : rank;
		return rank < WORDS.length ? WORDS[rank] : "term" + Integer.toString(rank, 36);
	}

	private static String sentence(Random random, int words) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < words; i++) {
			sb.append(word(random)).append(' ');
		}
		return sb.toString().strip();
	}

	private static float[] unit(Random random) {
		float[] v = new float[384];
		double norm = 0;
		for (int i = 0; i < v.length; i++) {
			v[i] = (float) random.nextGaussian();
			norm += v[i] * v[i];
		}
		for (int i = 0; i < v.length; i++) {
			v[i] /= (float) Math.sqrt(norm);
		}
		return v;
	}

	private static long used() {
		System.gc();
		return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
	}

}
