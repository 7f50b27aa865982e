package dev.priora.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.jgrapht.traverse.TopologicalOrderIterator;

import dev.priora.dependencies.engine.PriorityOrder;
import dev.priora.prioritization.engine.Criterion;
import dev.priora.prioritization.engine.Criterion.Role;
import dev.priora.prioritization.engine.Criterion.Source;
import dev.priora.prioritization.engine.ItemFacts;
import dev.priora.prioritization.engine.ModelSpec;
import dev.priora.prioritization.engine.Scale;
import dev.priora.prioritization.engine.Scorer;

/**
 * The order-by-score engine on {@code n} items and {@code 3n} "waits on" edges (default a
 * million items, three million edges): a score-first, dependency-respecting order that
 * also detects cycles, timed in the same run as JGraphT's topological sort of the same
 * graph; and a RICE score recompute for 100,000 items. Medians of five runs after two
 * warm-ups.
 */
public final class PrioritizationBenchmark {

	private PrioritizationBenchmark() {
	}

	public static void main(String[] args) {
		int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		int e = 3 * n;
		SplittableRandom random = new SplittableRandom(11);
		int[] waitsOn = new int[e];
		int[] prerequisite = new int[e];
		for (int k = 0; k < e; k++) {
			int a = random.nextInt(n);
			int b = random.nextInt(n - 1);
			b = b >= a ? b + 1 : b;
			// a later item waits on an earlier one: acyclic, like a real backlog's
			// dependencies
			waitsOn[k] = Math.max(a, b);
			prerequisite[k] = Math.min(a, b);
		}
		double[] score = random.doubles(n).toArray();
		boolean[] pinned = new boolean[n];
		for (int i = 0; i < n; i += 1000) {
			pinned[i] = true;
		}
		var input = new PriorityOrder.Input(score, pinned, waitsOn, prerequisite);
		double ours = median(() -> {
			var r = PriorityOrder.order(input);
			if (!r.complete()) {
				throw new IllegalStateException("cycle");
			}
		});
		System.out.printf("priority order + cycle check, %,d items, %,d edges: median %.0f ms%n", n, e, ours);

		long t0 = System.nanoTime();
		Graph<Integer, DefaultEdge> graph = GraphTypeBuilder.<Integer, DefaultEdge>directed()
			.allowingMultipleEdges(true)
			.allowingSelfLoops(false)
			.edgeClass(DefaultEdge.class)
			.buildGraph();
		for (int i = 0; i < n; i++) {
			graph.addVertex(i);
		}
		for (int k = 0; k < e; k++) {
			graph.addEdge(prerequisite[k], waitsOn[k]);
		}
		System.out.printf("JGraphT graph built in %.0f ms%n", (System.nanoTime() - t0) / 1e6);
		double theirs = median(() -> {
			int count = 0;
			var it = new TopologicalOrderIterator<>(graph);
			while (it.hasNext()) {
				it.next();
				count++;
			}
			if (count != n) {
				throw new IllegalStateException("incomplete");
			}
		});
		System.out.printf("JGraphT TopologicalOrderIterator (plain topological order, no scores): median %.0f ms%n",
				theirs);

		scores(100_000);
		Runtime rt = Runtime.getRuntime();
		System.out.printf("heap used %.0f MB%n", (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
	}

	private static void scores(int n) {
		ModelSpec rice = new ModelSpec(ModelSpec.Formula.PRODUCT,
				List.of(new Criterion("reach", "Reach", Role.BENEFIT, 1, new Scale.Linear(0, 1e9), Source.CUSTOMERS),
						new Criterion("impact", "Impact", Role.BENEFIT, 1,
								new Scale.Choice(List.of(new Scale.Option("massive", 3), new Scale.Option("high", 2),
										new Scale.Option("medium", 1), new Scale.Option("low", 0.5))),
								Source.MANUAL),
						new Criterion("confidence", "Confidence", Role.BENEFIT, 1, new Scale.Linear(0, 1),
								Source.MANUAL),
						new Criterion("effort", "Effort", Role.COST, 1, new Scale.Linear(0, 1000), Source.ESTIMATE)));
		SplittableRandom random = new SplittableRandom(5);
		String[] impacts = { "massive", "high", "medium", "low" };
		List<ItemFacts> facts = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			facts.add(new ItemFacts(
					Map.of("impact", impacts[random.nextInt(4)], "confidence",
							String.valueOf(random.nextInt(1, 11) / 10.0)),
					random.nextInt(50), 0d, random.nextInt(20), (double) (1 + random.nextInt(13))));
		}
		double ms = median(() -> Scorer.values(rice, facts));
		System.out.printf("RICE score recompute with breakdowns, %,d items: median %.0f ms%n", n, ms);
	}

	private static double median(Runnable run) {
		for (int i = 0; i < 2; i++) {
			run.run();
		}
		double[] t = new double[5];
		for (int i = 0; i < t.length; i++) {
			long s = System.nanoTime();
			run.run();
			t[i] = (System.nanoTime() - s) / 1e6;
		}
		Arrays.sort(t);
		return t[2];
	}

}
