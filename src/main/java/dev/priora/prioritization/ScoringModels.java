package dev.priora.prioritization;

import java.time.Clock;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.priora.accounts.UserId;
import dev.priora.backlog.ProductService;
import dev.priora.problem.DomainProblem;
import tools.jackson.databind.json.JsonMapper;

/**
 * A product's scoring models: the presets every product starts with (RICE active), and
 * the models its people create, edit, activate and delete. Which model is active decides
 * the priority order.
 */
@Service
public class ScoringModels {

	private final PrioritizationRepository repository;

	private final ProductService products;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate separate;

	private final TransactionTemplate joined;

	ScoringModels(PrioritizationRepository repository, ProductService products, JsonMapper json, Clock clock,
			PlatformTransactionManager transactions) {
		// a savepoint in the caller's transaction: losing the race to another creator
		// rolls back to it, and the caller's transaction still commits
		this.joined = new TransactionTemplate(transactions);
		this.joined.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.repository = repository;
		this.products = products;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * The product's models, the presets first; the presets are created on first use, in a
	 * transaction of their own (callers may be reading in a read-only one).
	 */
	public List<ScoringModelView> models(String productKey) {
		String key = products.get(productKey).key();
		if (repository.models(key).isEmpty()) {
			// in the caller's transaction when it may write (it may hold the new
			// product), else in one of their own
			TransactionTemplate tx = TransactionSynchronizationManager.isCurrentTransactionReadOnly() ? separate
					: joined;
			try {
				tx.executeWithoutResult(status -> {
					if (!repository.models(key).isEmpty()) {
						return;
					}
					boolean first = true;
					for (Presets.Preset p : Presets.all()) {
						repository.insertModel(key, p.name(), p.key(), json.writeValueAsString(p.definition()), first,
								null, clock.instant());
						first = false;
					}
				});
			}
			catch (DuplicateKeyException e) {
				// another request created them at the same time
			}
		}
		return repository.models(key).stream().map(this::view).toList();
	}

	/**
	 * The model with {@code id}, or the active one when null; 404 for another product's.
	 */
	public ScoringModelView model(String productKey, Long id) {
		List<ScoringModelView> all = models(productKey);
		return all.stream()
			.filter(m -> id == null ? m.active() : m.id() == id)
			.findFirst()
			.orElseThrow(() -> DomainProblem.notFound("Scoring model " + id));
	}

	@Transactional
	public ScoringModelView create(String productKey, String name, ModelDefinition definition, UserId user) {
		String key = products.get(productKey).key();
		models(key);
		String n = checkName(key, name, -1);
		definition.toSpec();
		long id = repository.insertModel(key, n, null, json.writeValueAsString(definition), false, user.value(),
				clock.instant());
		return model(key, id);
	}

	/**
	 * Replaces name and definition when the version is current; inputs of removed
	 * criteria stay unused.
	 */
	@Transactional
	public ScoringModelView update(String productKey, long id, String name, ModelDefinition definition,
			long expectedVersion, UserId user) {
		ScoringModelView current = model(productKey, id);
		String n = checkName(products.get(productKey).key(), name, id);
		definition.toSpec();
		if (current.version() != expectedVersion || !repository.updateModel(id, n, json.writeValueAsString(definition),
				expectedVersion, user.value(), clock.instant())) {
			throw DomainProblem.stale("Scoring model " + current.name(), model(productKey, id).version(), "someone");
		}
		return model(productKey, id);
	}

	@Transactional
	public void delete(String productKey, long id) {
		ScoringModelView m = model(productKey, id);
		if (m.active()) {
			throw DomainProblem.conflict("active-model", "The active model cannot be deleted; activate another first.");
		}
		repository.deleteModel(id);
	}

	@Transactional
	public ScoringModelView activate(String productKey, long id) {
		model(productKey, id);
		repository.activate(products.get(productKey).key(), id);
		return model(productKey, id);
	}

	private String checkName(String key, String name, long exceptId) {
		String n = name == null ? "" : name.strip();
		if (n.isEmpty() || n.length() > 100) {
			throw DomainProblem.invalid("name", "is required, at most 100 characters");
		}
		if (repository.nameTaken(key, n, exceptId)) {
			throw DomainProblem.invalid("name", "another model is called '" + n + "'");
		}
		return n;
	}

	private ScoringModelView view(PrioritizationRepository.ModelRow r) {
		return new ScoringModelView(r.id(), r.name(), r.preset(), r.active(),
				json.readValue(r.definition(), ModelDefinition.class), r.version());
	}

}
