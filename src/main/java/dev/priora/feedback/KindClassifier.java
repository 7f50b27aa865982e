package dev.priora.feedback;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import dev.priora.feedback.engine.KindPrediction;
import dev.priora.feedback.engine.LinearKindModel;

/**
 * Classifies feedback with the model the product uses: the general one, or the product's
 * own when its last check ({@code kind_models}) found it better. A node keeps the
 * product's trained model in memory under the stamp of the labels it learned from; a node
 * that has not got it (after a restart, or another node trained it) trains the same model
 * again from the labels at hand, once.
 */
@Component
class KindClassifier {

	private record Trained(String stamp, LinearKindModel model) {
	}

	private final GeneralKindModel general;

	private final KindRepository repository;

	private final Map<String, Trained> trained = new ConcurrentHashMap<>();

	KindClassifier(GeneralKindModel general, KindRepository repository) {
		this.general = general;
		this.repository = repository;
	}

	/** Classifies and stores the kind and sentiment of stored feedback. */
	void classifyAndStore(String productKey, long id, float[] vector, String title, String text) {
		if (vector != null) {
			repository.storePrediction(id, classify(productModel(productKey), vector, fullText(title, text)));
		}
	}

	void storeGuess(long id, KindGuess guess) {
		repository.storePrediction(id, guess);
	}

	/**
	 * The product's own model when it is in use, else null (the general model).
	 */
	LinearKindModel productModel(String productKey) {
		var row = repository.model(productKey);
		if (row.isEmpty() || !"product".equals(row.get().inUse())) {
			return null;
		}
		String stamp = row.get().labelsStamp();
		Trained t = trained.get(productKey);
		if (t != null && t.stamp().equals(stamp)) {
			return t.model();
		}
		synchronized (this) {
			t = trained.get(productKey);
			if (t == null || !t.stamp().equals(stamp)) {
				var examples = KindTraining.examples(repository.labels(productKey));
				if (examples.stream().map(LinearKindModel.Example::label).distinct().count() < 2) {
					return null; // the labels changed since the check: the general model
									// until the next one
				}
				t = new Trained(stamp,
						LinearKindModel.train(examples, LinearKindModel.Settings.parse(row.get().settings())));
				trained.put(productKey, t);
			}
			return t.model();
		}
	}

	/** Keeps a model just trained by the background check. */
	void remember(String productKey, String stamp, LinearKindModel model) {
		trained.put(productKey, new Trained(stamp, model));
	}

	/**
	 * The kind by the given product model (null: the general model) and the sentiment.
	 */
	KindGuess classify(LinearKindModel productModel, float[] vector, String fullText) {
		KindPrediction p = productModel == null ? general.kind(vector) : productModel.predict(vector, fullText);
		return new KindGuess(FeedbackKind.valueOf(p.label()), p.confidence(), general.sentiment(vector));
	}

	/** The general model's kind alone, for the held-out check. */
	String generalKind(float[] vector) {
		return general.kind(vector).label();
	}

	static String fullText(String title, String text) {
		return (title == null || title.isBlank() ? "" : title + "\n") + (text == null ? "" : text);
	}

}
