package dev.priora.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import dev.priora.feedback.engine.HeldOutCheck;
import dev.priora.feedback.engine.LinearKindModel;
import dev.priora.feedback.engine.SettingsSearch;
import dev.priora.jobs.Jobs;
import tools.jackson.databind.json.JsonMapper;

/**
 * Learns a product's own kind model in the background after its labels change, on any
 * node, one check of a product at a time per node. It chooses the product model's
 * settings by cross-validation on the labels ({@link SettingsSearch}), cross-validates
 * the model with them against the general one on other folds ({@link HeldOutCheck}, 5
 * folds), stores the outcome and the settings, lets the better model classify from then
 * on, and re-predicts the product's predicted kinds when that changed anything; it also
 * gives a kind to feedback that has a vector but none (after an upgrade).
 */
@Component
class KindTraining extends OneTimeTask<String> {

	static final int MIN_LABELS = KindModelView.MIN_LABELS;

	static final int FOLDS = 5;

	static final long SEED = 20;

	/**
	 * The stored confusion matrix: rows are the set kinds, columns the predicted ones.
	 */
	record ConfusionJson(List<String> classes, List<List<Integer>> counts) {
	}

	/**
	 * Names the candidate settings in the stamp: a new grid checks every product again.
	 */
	static final String GRID = "grid2:" + LinearKindModel.Settings.GRID.hashCode();

	private static final List<String> ORDER = Arrays.stream(FeedbackKind.values()).map(Enum::name).toList();

	private static final java.util.concurrent.ConcurrentMap<String, Object> LOCKS = new java.util.concurrent.ConcurrentHashMap<>();

	private final KindRepository repository;

	private final KindClassifier classifier;

	private final Jobs jobs;

	private final JsonMapper json;

	private final Clock clock;

	KindTraining(KindRepository repository, KindClassifier classifier, @Lazy Jobs jobs, JsonMapper json, Clock clock) {
		super("feedback-kinds", String.class);
		this.repository = repository;
		this.classifier = classifier;
		this.jobs = jobs;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Queues the product's check, in the caller's transaction ({@code force}: even if no
	 * label changed). The instance is named by the labels' fingerprint, so a burst of
	 * changes queues one check per state, and a check that finds its state already
	 * checked ends at once.
	 */
	void queue(String productKey, boolean force) {
		String id = "kinds/" + productKey + "/"
				+ (force ? "force/" + UUID.randomUUID() : repository.labelsFingerprint(productKey));
		jobs.runSoon(instance(id, force ? productKey + "!" : productKey));
	}

	@EventListener(ApplicationReadyEvent.class)
	void kindsForFeedbackWithout() {
		repository.productsWithoutKinds().forEach(key -> queue(key, false));
	}

	@Override
	public void executeOnce(TaskInstance<String> instance, ExecutionContext context) {
		String data = instance.getData();
		boolean force = data.endsWith("!");
		String key = force ? data.substring(0, data.length() - 1) : data;
		synchronized (lock(key)) {
			String stamp = stamp(repository.labelsFingerprint(key));
			var last = repository.model(key);
			if (force || last.isEmpty() || !last.get().labelsStamp().equals(stamp)) {
				KindRepository.ModelRow checked = check(key, repository.labels(key), stamp);
				repository.saveModel(key, checked);
				boolean changed = last.isEmpty() ? checked.inUse().equals("product")
						: !last.get().inUse().equals(checked.inUse()) || checked.inUse().equals("product");
				predict(key, changed);
			}
			predict(key, false);
		}
	}

	private static Object lock(String key) {
		return LOCKS.computeIfAbsent(key, k -> new Object());
	}

	/** Runs the held-out check; trains the product's model for use when it wins. */
	KindRepository.ModelRow check(String key, List<KindRepository.Labelled> labels, String stamp) {
		List<LinearKindModel.Example> examples = examples(labels);
		long kinds = examples.stream().map(LinearKindModel.Example::label).distinct().count();
		if (examples.size() < MIN_LABELS || kinds < 2) {
			return new KindRepository.ModelRow("general", examples.size(), stamp, null, null, null, null, null,
					clock.instant(), null);
		}
		List<String> general = labels.stream().map(l -> classifier.generalKind(l.vector())).toList();
		LinearKindModel.Settings settings = SettingsSearch.choose(examples, FOLDS, SEED, ORDER).settings();
		var result = HeldOutCheck.run(examples, general, settings, FOLDS, SEED + 1, ORDER);
		String inUse = result.productWins() ? "product" : "general";
		if (result.productWins()) {
			classifier.remember(key, stamp, LinearKindModel.train(examples, settings));
		}
		String confusion = json.writeValueAsString(new ConfusionJson(result.product().classes(),
				Arrays.stream(result.product().counts()).map(r -> Arrays.stream(r).boxed().toList()).toList()));
		return new KindRepository.ModelRow(inUse, examples.size(), stamp, result.product().accuracy(),
				result.general().accuracy(), result.product().macroF1(), result.general().macroF1(), confusion,
				clock.instant(), settings.format());
	}

	/** (Re)predicts in batches: all predicted kinds, or only missing ones. */
	private void predict(String key, boolean all) {
		LinearKindModel model = classifier.productModel(key);
		long after = 0;
		while (!Thread.currentThread().isInterrupted()) {
			var batch = repository.toPredict(key, after, all, 200);
			if (batch.isEmpty()) {
				return;
			}
			for (var f : batch) {
				repository.storePrediction(f.id(), classifier.classify(model, f.vector(), f.fullText()));
				after = f.id();
			}
		}
	}

	static List<LinearKindModel.Example> examples(List<KindRepository.Labelled> labels) {
		return labels.stream()
			.map(l -> new LinearKindModel.Example(l.kind().name(), l.vector(), l.fullText()))
			.toList();
	}

	/** SHA-256 of the labels' fingerprint and the candidate settings. */
	static String stamp(String fingerprint) {
		String s = GRID + ";" + fingerprint;
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
