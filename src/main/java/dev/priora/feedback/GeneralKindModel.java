package dev.priora.feedback;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import dev.priora.feedback.engine.KindPrediction;
import dev.priora.feedback.engine.KindPrototypes;
import dev.priora.feedback.engine.PrototypeClassifier;

/**
 * The general kind and sentiment models: {@link KindPrototypes}' sentences embedded once
 * per node by the sentence model (about 60 sentences, a fraction of a second, on first
 * use) as prototypes of a {@link PrototypeClassifier}. Works before anyone labels
 * anything.
 */
@Component
class GeneralKindModel {

	private final SentenceEmbedder embedder;

	private volatile PrototypeClassifier kinds;

	private volatile PrototypeClassifier sentiments;

	GeneralKindModel(@Lazy SentenceEmbedder embedder) {
		this.embedder = embedder;
	}

	KindPrediction kind(float[] vector) {
		if (kinds == null) {
			kinds = PrototypeClassifier.of(KindPrototypes.KINDS, t -> embedder.embed("", t),
					KindPrototypes.TEMPERATURE);
		}
		return kinds.predict(vector);
	}

	Sentiment sentiment(float[] vector) {
		if (sentiments == null) {
			sentiments = PrototypeClassifier.of(KindPrototypes.SENTIMENTS, t -> embedder.embed("", t),
					KindPrototypes.TEMPERATURE);
		}
		return Sentiment.valueOf(sentiments.predict(vector).label());
	}

}
