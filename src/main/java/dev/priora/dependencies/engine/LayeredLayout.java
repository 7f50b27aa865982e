package dev.priora.dependencies.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A layered (Sugiyama-style) drawing of a DAG: prerequisites in earlier layers than the
 * items waiting on them (layer = longest chain of prerequisites), then the order within
 * each layer by the barycenter heuristic (alternating sweeps) to reduce edge crossings.
 * Positions are cell coordinates: {@code column} = layer, {@code row} = place in it.
 */
public final class LayeredLayout {

	private static final int SWEEPS = 6;

	private LayeredLayout() {
	}

	/**
	 * Node i's layer (column) and row within the layer; {@code layers} and the tallest
	 * layer.
	 */
	public record Result(int[] column, int[] row, int layers, int height) {
	}

	/**
	 * {@code waitsOn[k]} waits on {@code prerequisite[k]}; the edges must not form a
	 * cycle.
	 */
	public static Result of(int n, int[] waitsOn, int[] prerequisite) {
		int[] outOff = CriticalPath.csrOffsets(n, prerequisite);
		int[] dependents = CriticalPath.csrTargets(outOff, prerequisite, waitsOn);
		int[] inOff = CriticalPath.csrOffsets(n, waitsOn);
		int[] prereqs = CriticalPath.csrTargets(inOff, waitsOn, prerequisite);
		int[] layer = layers(n, waitsOn, outOff, dependents);
		int layers = n == 0 ? 0 : Arrays.stream(layer).max().getAsInt() + 1;
		List<List<Integer>> byLayer = new ArrayList<>();
		for (int l = 0; l < layers; l++) {
			byLayer.add(new ArrayList<>());
		}
		for (int i = 0; i < n; i++) {
			byLayer.get(layer[i]).add(i);
		}
		double[] pos = new double[n];
		positions(byLayer, pos);
		for (int sweep = 0; sweep < SWEEPS; sweep++) {
			boolean down = sweep % 2 == 0;
			for (int l = down ? 1 : layers - 2; down ? l < layers : l >= 0; l += down ? 1 : -1) {
				orderByBarycenter(byLayer.get(l), down ? inOff : outOff, down ? prereqs : dependents, pos);
				positions(byLayer, pos);
			}
		}
		int[] row = new int[n];
		int height = 0;
		for (List<Integer> nodes : byLayer) {
			for (int r = 0; r < nodes.size(); r++) {
				row[nodes.get(r)] = r;
			}
			height = Math.max(height, nodes.size());
		}
		return new Result(layer, row, layers, height);
	}

	/**
	 * Each node's layer: the length of its longest chain of prerequisites (Kahn's
	 * topological order over the CSR edges from prerequisites to dependents).
	 */
	private static int[] layers(int n, int[] waitsOn, int[] outOff, int[] dependents) {
		int[] layer = new int[n];
		int[] deg = new int[n];
		for (int w : waitsOn) {
			deg[w]++;
		}
		int[] queue = new int[n];
		int head = 0;
		int tail = 0;
		for (int i = 0; i < n; i++) {
			if (deg[i] == 0) {
				queue[tail++] = i;
			}
		}
		while (head < tail) {
			int v = queue[head++];
			for (int k = outOff[v]; k < outOff[v + 1]; k++) {
				int d = dependents[k];
				layer[d] = Math.max(layer[d], layer[v] + 1);
				if (--deg[d] == 0) {
					queue[tail++] = d;
				}
			}
		}
		if (tail < n) {
			throw new IllegalArgumentException("the graph has a cycle");
		}
		return layer;
	}

	/**
	 * Sorts one layer's nodes by the mean position of their neighbours in the adjacent
	 * layer ({@code off}/{@code nb}: CSR neighbours); a node without any keeps its place,
	 * ties go by node number.
	 */
	private static void orderByBarycenter(List<Integer> nodes, int[] off, int[] nb, double[] pos) {
		double[] bary = new double[pos.length];
		for (int v : nodes) {
			double sum = 0;
			int count = off[v + 1] - off[v];
			for (int k = off[v]; k < off[v + 1]; k++) {
				sum += pos[nb[k]];
			}
			bary[v] = count == 0 ? pos[v] : sum / count;
		}
		nodes.sort(Comparator.comparingDouble((Integer v) -> bary[v]).thenComparingInt(v -> v));
	}

	private static void positions(List<List<Integer>> byLayer, double[] pos) {
		for (List<Integer> nodes : byLayer) {
			for (int r = 0; r < nodes.size(); r++) {
				pos[nodes.get(r)] = r;
			}
		}
	}

}
