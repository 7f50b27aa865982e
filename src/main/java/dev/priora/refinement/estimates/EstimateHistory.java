package dev.priora.refinement.estimates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.priora.backlog.ProductView;
import dev.priora.feedback.ItemVectors;
import dev.priora.refinement.estimates.engine.Accuracy;
import dev.priora.refinement.estimates.engine.EstimateSuggester;
import dev.priora.refinement.estimates.engine.Example;
import dev.priora.refinement.estimates.engine.History;

/**
 * Each product's history for suggestions, held in this node's memory: its latest
 * {@value #LIMIT} finished, estimated items with their stored sentence vectors, and their
 * leave-one-out accuracy once asked for. A cheap fingerprint query before each use tells
 * whether the items, their estimates or vectors, or the scale changed since; only then is
 * the history read again (about 1.5 kB of vector per item) and the accuracy computed
 * again. Items whose vector is not computed yet (just finished, or just edited) join once
 * the background embedding has stored it.
 */
@Component
class EstimateHistory {

	/**
	 * The most finished items a history holds (the latest updated): recent estimates
	 * speak for the team as it is, and the accuracy costs n².
	 */
	static final int LIMIT = 1000;

	/**
	 * A product's history as read: {@code finished} counts every finished, estimated item
	 * (also those without a vector yet, and beyond the limit).
	 */
	static final class Snapshot {

		final History history;

		final Map<Long, EstimateRepository.Finished> items;

		final long finished;

		private final String fingerprint;

		private Optional<Accuracy> accuracy;

		Snapshot(String fingerprint, History history, Map<Long, EstimateRepository.Finished> items, long finished) {
			this.fingerprint = fingerprint;
			this.history = history;
			this.items = items;
			this.finished = finished;
		}

		/** The leave-one-out accuracy, computed on first use; empty when too thin. */
		synchronized Optional<Accuracy> accuracy(EstimateSuggester suggester) {
			if (accuracy == null) {
				accuracy = suggester.accuracy(history);
			}
			return accuracy;
		}

	}

	private final EstimateRepository repository;

	private final ItemVectors vectors;

	private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

	EstimateHistory(EstimateRepository repository, ItemVectors vectors) {
		this.repository = repository;
		this.vectors = vectors;
	}

	/** The product's history, read again only when it changed. */
	Snapshot of(ProductView product) {
		EstimateRepository.Fingerprint fingerprint = repository.fingerprint(product.id().value());
		String text = fingerprint.text() + "/" + product.estimateScale();
		Snapshot cached = snapshots.get(product.key());
		if (cached != null && cached.fingerprint.equals(text)) {
			return cached;
		}
		List<EstimateRepository.Finished> rows = repository.finished(product.id().value(), LIMIT);
		Map<Long, float[]> found = vectors.current(rows.stream().map(EstimateRepository.Finished::id).toList());
		List<Example> examples = new ArrayList<>();
		for (var row : rows) {
			float[] v = found.get(row.id());
			if (v != null && row.estimate().signum() >= 0) {
				examples.add(new Example(row.id(), v, row.estimate()));
			}
		}
		Snapshot snapshot = new Snapshot(text, new History(product.estimateScale(), examples),
				rows.stream().collect(Collectors.toMap(EstimateRepository.Finished::id, Function.identity())),
				fingerprint.count());
		snapshots.put(product.key(), snapshot);
		return snapshot;
	}

}
