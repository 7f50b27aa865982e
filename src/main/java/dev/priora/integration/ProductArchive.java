package dev.priora.integration;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.ProductRoles;
import dev.priora.accounts.UserId;
import dev.priora.backlog.BacklogProblem;
import dev.priora.backlog.ProductService;
import dev.priora.backlog.ProductView;
import dev.priora.backlog.Products;
import dev.priora.feedback.CustomerService;
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

	ProductArchive(ArchiveRepository repository, ProductService products, AccountService accounts, ProductRoles roles,
			JsonMapper json, Clock clock) {
		this.repository = repository;
		this.products = products;
		this.accounts = accounts;
		this.roles = roles;
		this.json = json;
		this.clock = clock;
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
					if (ArchiveTables.DERIVED_COLUMNS.contains(column)
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
	 * Creates a product from an export document, under {@code newKey} (or the document's
	 * key when null); people are matched by e-mail address, and those not in this
	 * workspace become the importing user. The importing user keeps access to the
	 * product.
	 */
	@Transactional
	public ProductView restore(byte[] file, String newKey, UserId user) {
		JsonNode doc = document(file);
		JsonNode tables = doc.path("tables");
		String oldKey = doc.path("product").asString("");
		String key = (newKey == null || newKey.isBlank() ? oldKey : newKey).strip().toUpperCase(Locale.ROOT);
		if (!Products.isValidKey(key)) {
			throw BacklogProblem.invalid("key", "must be 2 to 10 upper-case letters or digits, starting with a letter");
		}
		if (repository.productExists(key)) {
			throw BacklogProblem.conflict("product-key-taken",
					"A product with key " + key + " exists already; import it under another key.");
		}
		if (tables.path("products").size() != 1) {
			throw BacklogProblem.invalid("file", "must hold exactly one product");
		}
		Map<Integer, Long> users = new HashMap<>();
		for (JsonNode u : doc.path("users")) {
			users.put(u.path("ref").asInt(),
					accounts.findByEmail(u.path("email").asString("")).map(v -> v.id().value()).orElse(user.value()));
		}
		new Restore(key, oldKey, users, user).run(tables);
		if (!repository.hasRole(key, user.value())) {
			roles.grantCreator(key, user);
		}
		return products.get(key);
	}

	/** One import's id maps and writes. */
	private final class Restore {

		private final String key;

		private final Pattern oldItemKey;

		private final Map<Integer, Long> users;

		private final UserId user;

		private final Map<String, Map<Integer, Long>> ids = new HashMap<>();

		private final Map<String, Long> customerKeys = new HashMap<>();

		private long productId;

		Restore(String key, String oldKey, Map<Integer, Long> users, UserId user) {
			this.key = key;
			this.oldItemKey = oldKey.isEmpty() || oldKey.equals(key) ? null
					: Pattern.compile("\\b" + Pattern.quote(oldKey) + "-(\\d+)\\b");
			this.users = users;
			this.user = user;
		}

		void run(JsonNode tables) {
			for (ArchiveTables.Table t : ArchiveTables.ALL) {
				Map<String, Integer> types = repository.columns(t.name());
				Map<Integer, Long> own = new HashMap<>();
				ids.put(t.name(), own);
				List<Object[]> later = new ArrayList<>();
				java.util.Set<String> seen = new java.util.HashSet<>();
				int row = 0;
				for (JsonNode r : tables.path(t.name())) {
					row++;
					Map<String, Object> values = new LinkedHashMap<>();
					List<Object[]> selfRefs = new ArrayList<>();
					Integer ref = null;
					for (var field : r.properties()) {
						String column = field.getKey();
						JsonNode v = field.getValue();
						if (column.equals(t.id())) {
							ref = v.asInt();
							continue;
						}
						if (!types.containsKey(column)) {
							throw BacklogProblem.invalid(t.name() + "[" + row + "]",
									"has a column '" + column + "' this version of Priora does not know");
						}
						String target = t.refs().get(column);
						if (target != null && target.equals(t.name())) {
							values.put(column, null);
							if (!v.isNull()) {
								selfRefs.add(new Object[] { column, v.asInt() });
							}
						}
						else if (target != null) {
							values.put(column, reference(t, row, target, v));
						}
						else {
							values.put(column, value(v, types.get(column), column, t, row));
						}
					}
					if (t.name().equals("products")) {
						values.put("product_key", key);
					}
					else {
						if (types.containsKey("product_id")) {
							values.put("product_id", productId);
						}
						if (types.containsKey("product_key")) {
							values.put("product_key", key);
						}
					}
					if (t.name().equals("product_roles") && !seen.add(String.valueOf(values.get("user_id")))) {
						continue;
					}
					if (t.name().equals("customers")) {
						// names are unique per product: a customer an older export holds
						// twice becomes one
						String nameKey = CustomerService.nameKey(String.valueOf(values.get("name")));
						values.put("name_key", nameKey);
						Long same = customerKeys.get(nameKey);
						if (same != null && ref != null) {
							own.put(ref, same);
							continue;
						}
					}
					Long id = repository.insert(t.name(), values, t.id());
					if (t.name().equals("customers")) {
						customerKeys.put((String) values.get("name_key"), id);
					}
					if (t.id() != null) {
						if (ref == null) {
							throw BacklogProblem.invalid(t.name() + "[" + row + "]", "has no " + t.id());
						}
						own.put(ref, id);
						if (t.name().equals("products")) {
							productId = id;
						}
					}
					for (Object[] l : selfRefs) {
						later.add(new Object[] { l[0], l[1], id });
					}
				}
				for (Object[] l : later) {
					Long target = own.get((Integer) l[1]);
					if (target == null) {
						throw BacklogProblem.invalid(t.name(), "refers to a missing row " + l[1] + " in " + l[0]);
					}
					repository.set(t.name(), (String) l[0], target, (Long) l[2]);
				}
			}
		}

		private Long reference(ArchiveTables.Table t, int row, String target, JsonNode v) {
			if (v.isNull()) {
				return null;
			}
			if (target.equals(ArchiveTables.USERS)) {
				return users.getOrDefault(v.asInt(), user.value());
			}
			Long id = ids.getOrDefault(target, Map.of()).get(v.asInt());
			if (id == null) {
				throw BacklogProblem.invalid(t.name() + "[" + row + "]",
						"refers to " + target + " row " + v.asInt() + ", which the file does not hold");
			}
			return id;
		}

		private Object value(JsonNode v, int type, String column, ArchiveTables.Table t, int row) {
			if (v == null || v.isNull()) {
				return null;
			}
			try {
				return switch (type) {
					case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP ->
						OffsetDateTime.ofInstant(Instant.parse(v.asString()), ZoneOffset.UTC);
					case Types.DATE -> LocalDate.parse(v.asString());
					case Types.NUMERIC, Types.DECIMAL -> new BigDecimal(v.asString());
					case Types.BIGINT -> v.asLong();
					case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> v.asInt();
					case Types.BOOLEAN, Types.BIT -> v.asBoolean();
					case Types.DOUBLE, Types.FLOAT, Types.REAL -> v.asDouble();
					default -> rename(v.asString(), column);
				};
			}
			catch (RuntimeException e) {
				throw BacklogProblem.invalid(t.name() + "[" + row + "]." + column, "cannot be read: " + v);
			}
		}

		private String rename(String text, String column) {
			if (oldItemKey == null || column.equals("external_key")) {
				return text;
			}
			Matcher m = oldItemKey.matcher(text);
			return m.find() ? m.replaceAll(Matcher.quoteReplacement(key) + "-$1") : text;
		}

	}

	private JsonNode document(byte[] file) {
		if (file == null || file.length == 0) {
			throw BacklogProblem.invalid("file", "is empty");
		}
		JsonNode doc;
		try {
			doc = json.readTree(file);
		}
		catch (JacksonException e) {
			throw BacklogProblem.invalid("file", "is not valid JSON: " + e.getOriginalMessage());
		}
		if (!FORMAT.equals(doc.path("format").asString(""))) {
			throw BacklogProblem.invalid("file", "is not a Priora product export (format \"" + FORMAT + "\")");
		}
		if (doc.path("version").asInt(-1) != VERSION) {
			throw BacklogProblem.invalid("file", "is export version " + doc.path("version").asString("?")
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
