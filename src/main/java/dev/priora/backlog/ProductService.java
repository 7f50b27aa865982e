package dev.priora.backlog;

import dev.priora.problem.DomainProblem;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.ProductRoles;
import dev.priora.accounts.UserId;

/**
 * Products in the workspace and their settings: estimate scale and Definition of Ready.
 */
@Service
public class ProductService {

	/** Story points on the Fibonacci scale, the default for new products. */
	public static final List<BigDecimal> FIBONACCI = List.of(0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89)
		.stream()
		.map(BigDecimal::valueOf)
		.toList();

	private final ProductRepository products;

	private final AccountService accounts;

	private final ProductRoles roles;

	private final Clock clock;

	ProductService(ProductRepository products, AccountService accounts, ProductRoles roles, Clock clock) {
		this.products = products;
		this.roles = roles;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * Creates a product with the default scale and Definition of Ready; 409 when the key
	 * is taken.
	 */
	@Transactional
	public ProductView create(String key, String name, String vision, UserId user) {
		String k = key == null ? "" : key.strip().toUpperCase(java.util.Locale.ROOT);
		validate(k, name, vision, FIBONACCI);
		if (products.findByKey(k).isPresent()) {
			throw DomainProblem.conflict("product-key-taken", "A product with key " + k + " exists already.");
		}
		ProductId id = products.insert(k, name.strip(), vision == null ? "" : vision.strip(), FIBONACCI, user.value(),
				clock.instant());
		products.saveReadyRules(id, ReadinessRules.defaults());
		roles.grantCreator(k, user);
		return get(k);
	}

	public List<ProductView> list() {
		return products.findAll();
	}

	public ProductView get(String key) {
		return products.findByKey(key == null ? "" : key.toUpperCase(java.util.Locale.ROOT))
			.orElseThrow(() -> DomainProblem.notFound("Product " + key));
	}

	/**
	 * Replaces name, vision and estimate scale when {@code expectedVersion} is current;
	 * 412 otherwise.
	 */
	@Transactional
	public ProductView update(String key, String name, String vision, List<BigDecimal> scale, EstimateUnit unit,
			long expectedVersion, UserId user) {
		ProductView current = get(key);
		List<BigDecimal> s = scale == null ? current.estimateScale() : scale;
		validate(current.key(), name, vision, s);
		if (!products.update(current.id(), name.strip(), vision == null ? "" : vision.strip(), s,
				unit == null ? current.estimateUnit() : unit, expectedVersion, user.value(), clock.instant())) {
			long by = products.updatedBy(current.key()).orElse(0L);
			String who = by == 0 ? "someone"
					: accounts.displayNames(List.of(new UserId(by))).getOrDefault(new UserId(by), "someone");
			throw DomainProblem.stale("Product " + current.key(), get(key).version(), who);
		}
		return get(key);
	}

	/** The product's Definition of Ready, one setting per rule, in rule order. */
	public List<ReadyRuleSetting> readyRules(String key) {
		Map<ReadyRule, ReadyRuleSetting> byRule = new EnumMap<>(ReadyRule.class);
		ReadinessRules.defaults().forEach(r -> byRule.put(r.rule(), new ReadyRuleSetting(r.rule(), false, r.limit())));
		products.readyRules(get(key).id()).forEach(r -> byRule.put(r.rule(), r));
		return new ArrayList<>(byRule.values());
	}

	@Transactional
	public List<ReadyRuleSetting> updateReadyRules(String key, List<ReadyRuleSetting> rules) {
		ProductView p = get(key);
		Map<ReadyRule, ReadyRuleSetting> merged = new EnumMap<>(ReadyRule.class);
		readyRules(key).forEach(r -> merged.put(r.rule(), r));
		rules.forEach(r -> merged.put(r.rule(), r));
		products.saveReadyRules(p.id(), new ArrayList<>(merged.values()));
		return readyRules(key);
	}

	ReadinessRules readiness(ProductView product) {
		return ReadinessRules.of(products.readyRules(product.id()));
	}

	private static boolean ascending(List<BigDecimal> scale) {
		for (int i = 1; i < scale.size(); i++) {
			if (scale.get(i).compareTo(scale.get(i - 1)) <= 0) {
				return false;
			}
		}
		return true;
	}

	private static void validate(String key, String name, String vision, List<BigDecimal> scale) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (!Products.isValidKey(key)) {
			errors.put("key", "must be 2 to 10 upper-case letters or digits, starting with a letter");
		}
		if (name == null || name.isBlank()) {
			errors.put("name", "must not be blank");
		}
		else if (name.strip().length() > 200) {
			errors.put("name", "must be at most 200 characters");
		}
		if (vision != null && vision.length() > 5000) {
			errors.put("vision", "must be at most 5000 characters");
		}
		if (scale.isEmpty() || scale.size() > 30 || scale.stream()
			.anyMatch(v -> v.signum() < 0 || v.scale() > 2 || v.compareTo(BigDecimal.valueOf(999_999)) > 0)) {
			errors.put("estimateScale", "must hold 1 to 30 values from 0 to 999999 with at most 2 decimals");
		}
		else if (!ascending(scale)) {
			errors.put("estimateScale",
					"must list distinct values from the smallest to the largest, e.g. 1, 2, 3, 5, 8");
		}
		if (!errors.isEmpty()) {
			throw DomainProblem.invalid(errors);
		}
	}

}
