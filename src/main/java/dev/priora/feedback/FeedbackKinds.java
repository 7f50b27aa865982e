package dev.priora.feedback;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Kinds for {@link FeedbackService}: a person sets one (a label; the product's model is
 * checked again in the background), the model in use and its check for Settings, and
 * "retrain now".
 */
@Component
class FeedbackKinds {

	private final KindRepository repository;

	private final KindTraining training;

	private final FeedbackReads reads;

	private final JsonMapper json;

	private final Clock clock;

	FeedbackKinds(KindRepository repository, KindTraining training, FeedbackReads reads, JsonMapper json, Clock clock) {
		this.repository = repository;
		this.training = training;
		this.reads = reads;
		this.json = json;
		this.clock = clock;
	}

	FeedbackView setKind(String key, long id, FeedbackKind kind) {
		reads.row(key, id);
		repository.setKind(id, kind, clock.instant());
		training.queue(key, false);
		return reads.get(key, id);
	}

	void retrain(String key) {
		training.queue(key, true);
	}

	KindModelView model(String key) {
		int now = repository.labelCount(key);
		return repository.model(key)
			.map(m -> view(m, now))
			.orElse(new KindModelView("general", 0, now, null, null, null, null, List.of(), List.of(), null));
	}

	private KindModelView view(KindRepository.ModelRow m, int labelsNow) {
		List<String> classes = List.of();
		List<List<Integer>> counts = List.of();
		if (m.confusion() != null) {
			var stored = json.readValue(m.confusion(), KindTraining.ConfusionJson.class);
			classes = stored.classes();
			counts = stored.counts();
		}
		return new KindModelView(m.inUse(), m.labels(), labelsNow, m.productAccuracy(), m.generalAccuracy(),
				m.productMacroF1(), m.generalMacroF1(), classes, counts, m.trainedAt());
	}

}
