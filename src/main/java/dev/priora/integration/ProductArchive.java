package dev.priora.integration;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.ProductRoles;
import dev.priora.accounts.UserId;
import dev.priora.accounts.UserView;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ProductService;
import dev.priora.backlog.ProductView;
import dev.priora.backlog.Products;
import dev.priora.prioritization.ModelDefinition;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole product as one versioned JSON document, and back: items with their order,
 * labels, criteria, dependencies, history and comments; customers and feedback; scoring
 * models and scores; releases, sprints, their runs and reviews; the team; goal,
 * objectives and roadmap comments. Rows keep every column; ids become references local to
 * the document (a row's position in its table), people become e-mail addresses, so the
 * document is the same whichever database wrote it, and importing it then exporting again
 * gives the same document back. Importing creates the product (under its own key or a new
 * one; item-key references in text follow a new key) in one transaction.
 */
@Service
public class ProductArchive {

	/** The document's format name. */
	public static final String FORMAT = "priora-product-export";

	/** The document's format version; imports accept this one. */
	public static final int VERSION = 1;

	private final ArchiveRepository repository;

	private final ProductService products;

	private final AccountService accounts;

	private final ProductRoles roles;

	private final JsonMapper json;

	private final Clock clock;

	private final ArchiveLinks.Models models;

	private volatile Map<String, Map<String, ArchiveRepository.Column>> schema;

	ProductArchive(ArchiveRepository repository, ProductService products, AccountService accounts, ProductRoles roles,
			JsonMapper json, Clock clock) {
		this.repository = repository;
		this.products = products;
		this.accounts = accounts;
		this.roles = roles;
		this.json = json;
		this.clock = clock;
		this.models = new ArchiveLinks.Models() {
			@Override
			public String definitionProblem(String definition) {
				try {
					json.readValue(definition, ModelDefinition.class).toSpec();
					return null;
				}
				catch (JacksonException | DomainProblem | IllegalArgumentException e) {
					return "is not a usable scoring model: " + e.getMessage();
				}
			}

			@Override
			public String inputProblem(String definition, String criterion, String value) {
				return json.readValue(definition, ModelDefinition.class).inputProblem(criterion, value);
			}
		};
	}

	/** The product as an export document (maps and lists, ready for JSON). */
	@Transactional(readOnly = true)
	public Map<String, Object> export(String productKey) {
		ProductView product = products.get(productKey);
		Map<Long, Integer> users = new LinkedHashMap<>();
		Map<String, Map<Object, Integer>> refs = new HashMap<>();
		Map<String, Object> tables = new LinkedHashMap<>();
		for (ArchiveTables.Table t : ArchiveTables.ALL) {
			List<Map<String, Object>> rows = repository.rows(t, product.id().value(), product.key());
			if (t.id() != null) {
				Map<Object, Integer> own = new HashMap<>();
				rows.forEach(r -> own.put(number(r.get(t.id())), own.size() + 1));
				refs.put(t.name(), own);
			}
			List<Map<String, Object>> out = new ArrayList<>();
			for (Map<String, Object> row : rows) {
				Map<String, Object> m = new LinkedHashMap<>();
				row.forEach((column, value) -> {
					if (ArchiveTables.DROPPED_COLUMNS.contains(column)
							|| (!t.name().equals("products") && ArchiveTables.PRODUCT_COLUMNS.contains(column))) {
						return;
					}
					String target = column.equals(t.id()) ? t.name() : t.refs().get(column);
					if (target == null || value == null) {
						m.put(column, plain(value));
					}
					else if (target.equals(ArchiveTables.USERS)) {
						m.put(column, users.computeIfAbsent((Long) number(value), id -> users.size() + 1));
					}
					else {
						m.put(column, refs.getOrDefault(target, Map.of()).get(number(value)));
					}
				});
				out.add(m);
			}
			tables.put(t.name(), out);
		}
		Map<Long, String[]> people = repository.users(new ArrayList<>(users.keySet()));
		List<Map<String, Object>> userList = new ArrayList<>();
		users.forEach((id, ref) -> {
			String[] p = people.getOrDefault(id, new String[] { "", "" });
			Map<String, Object> u = new LinkedHashMap<>();
			u.put("ref", ref);
			u.put("email", p[0]);
			u.put("displayName", p[1]);
			userList.add(u);
		});
		Map<String, Object> doc = new LinkedHashMap<>();
		doc.put("format", FORMAT);
		doc.put("version", VERSION);
		doc.put("exportedAt", clock.instant().toString());
		doc.put("product", product.key());
		doc.put("users", userList);
		doc.put("tables", tables);
		return doc;
	}

	/**
	 * What an import made: the new product's key and name, and what was changed on the
	 * way (people mapped to the importing user, roles not given).
	 */
	public record Imported(String key, String name, List<String> warnings) {
	}

	/**
	 * Creates a product from an export document, under {@code newKey} (or the document's
	 * key when null), all or nothing. Every cell is checked first ({@link ArchiveCheck}):
	 * a bad document is refused with 400 naming each bad table, row and column, and
	 * nothing is written. People are mapped by {@link ArchivePeople}: a workspace
	 * administrator's import names existing users by e-mail, anyone else's only the
	 * importing user. The importing user owns the new product.
	 */
	@Transactional
	public Imported restore(byte[] file, String newKey, UserId user) {
		JsonNode doc = document(file);
		String oldKey = doc.path("product").isString() ? doc.path("product").asString() : "";
		String key = (newKey == null || newKey.isBlank() ? oldKey : newKey).strip().toUpperCase(Locale.ROOT);
		if (!Products.isValidKey(key)) {
			throw DomainProblem.invalid("key", "must be 2 to 10 upper-case letters or digits, starting with a letter");
		}
		if (repository.productExists(key)) {
			throw DomainProblem.conflict("product-key-taken",
					"A product with key " + key + " exists already; import it under another key.");
		}
		Map<String, Map<String, ArchiveRepository.Column>> schema = schema();
		ArchiveCheck.Checked checked = new ArchiveCheck(schema, renamer(oldKey, key), models).check(doc);
		if (!checked.problems().isEmpty()) {
			throw ArchiveProblem.refused(checked.problems());
		}
		UserView importer = accounts.findById(user).orElseThrow(() -> DomainProblem.notFound("User " + user.value()));
		ArchivePeople people = ArchivePeople.map(checked.people(), importer, accounts::findByEmail);
		List<String> warnings = new ArrayList<>(people.warnings());
		new ArchiveWriter(repository, key, schema, people, warnings).write(checked);
		if (!repository.hasRole(key, user.value())) {
			roles.grantCreator(key, user);
		}
		ProductView product = products.get(key);
		return new Imported(product.key(), product.name(), List.copyOf(warnings));
	}

	/**
	 * The exported tables' columns, read once (the schema changes only by migrations at
	 * start).
	 */
	private Map<String, Map<String, ArchiveRepository.Column>> schema() {
		Map<String, Map<String, ArchiveRepository.Column>> known = schema;
		if (known == null) {
			known = new HashMap<>();
			for (ArchiveTables.Table t : ArchiveTables.ALL) {
				known.put(t.name(), Map.copyOf(repository.columns(t.name())));
			}
			schema = Map.copyOf(known);
		}
		return schema;
	}

	/** Item keys of the old product in text become the new product's. */
	private static UnaryOperator<String> renamer(String oldKey, String key) {
		if (oldKey.isEmpty() || oldKey.equals(key) || !Products.isValidKey(oldKey)) {
			return UnaryOperator.identity();
		}
		Pattern pattern = Pattern.compile("\\b" + Pattern.quote(oldKey) + "-(\\d+)\\b");
		String replacement = Matcher.quoteReplacement(key) + "-$1";
		return text -> {
			Matcher m = pattern.matcher(text);
			return m.find() ? m.replaceAll(replacement) : text;
		};
	}

	private JsonNode document(byte[] file) {
		if (file == null || file.length == 0) {
			throw DomainProblem.invalid("file", "is empty");
		}
		JsonNode doc;
		try {
			doc = json.readTree(file);
		}
		catch (JacksonException e) {
			throw DomainProblem.invalid("file", "is not valid JSON: " + e.getOriginalMessage());
		}
		if (!FORMAT.equals(doc.path("format").asString(""))) {
			throw DomainProblem.invalid("file", "is not a Priora product export (format \"" + FORMAT + "\")");
		}
		if (doc.path("version").asInt(-1) != VERSION) {
			throw DomainProblem.invalid("file", "is export version " + doc.path("version").asString("?")
					+ "; this Priora reads version " + VERSION);
		}
		return doc;
	}

	private static Object number(Object value) {
		return value instanceof Number n ? (Object) n.longValue() : value;
	}

	private static Object plain(Object value) {
		if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
				|| value instanceof Integer) {
			return value;
		}
		if (value instanceof Short s) {
			return s.intValue();
		}
		if (value instanceof BigDecimal b) {
			return b.toPlainString();
		}
		if (value instanceof OffsetDateTime o) {
			return o.toInstant().toString();
		}
		if (value instanceof java.sql.Timestamp ts) {
			return ts.toInstant().toString();
		}
		if (value instanceof java.sql.Date d) {
			return d.toLocalDate().toString();
		}
		if (value instanceof java.sql.Clob c) {
			try {
				return c.getSubString(1, (int) c.length());
			}
			catch (java.sql.SQLException e) {
				throw new IllegalStateException(e);
			}
		}
		return value.toString();
	}

}
