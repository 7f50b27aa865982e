package dev.priora.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.priora.accounts.AccountService;
import dev.priora.support.ApiClient;
import dev.priora.support.ApiClient.Response;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.IntegrationTestBase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Archive fuzz: a valid export with rows in every table ({@link ArchiveFixture}) is
 * imported by a non-admin user after one cell of the first row of one table was replaced
 * by a wrong type, an unknown enum value, an over-long string, a reference to a row the
 * file does not hold or to another product's object, or an unknown or another person.
 * Every such import answers 400 naming the cell and keeps nothing, or 201 where the
 * substitution is legitimately acceptable ({@link #acceptable}), with the value kept —
 * and never 500; an accepted product's pages and API still answer.
 */
class ProductArchiveFuzzIntegrationTest extends IntegrationTestBase {

	private static final String FUZZER = "fuzzer@archive.test";

	private static final String VICTIM = "victim@archive.test";

	private static final String PASSWORD = "a long fuzzing password";

	/**
	 * Text columns where any one-line text is legitimate: "PWNED" there answers 201 and
	 * is kept. Every other text column holds an enum, a format or a scoring model's
	 * value.
	 */
	private static final Set<String> FREE_TEXT = Set.of("products.name", "products.vision", "items.title",
			"items.description", "acceptance_criteria.statement", "item_history.field", "item_history.old_value",
			"item_history.new_value", "item_history.note", "item_comments.body", "item_comments.author_name",
			"item_comments.source", "item_external_keys.source", "item_external_keys.external_key", "customers.name",
			"customers.segment", "customers.tier", "contacts.name", "contacts.email", "feedback.title", "feedback.body",
			"feedback.external_id", "feedback.submitter_name", "feedback.submitter_email", "feedback.client_ip",
			"feedback_links.quote", "scoring_models.name", "score_history.criterion", "score_history.old_value",
			"score_history.new_value", "score_history.old_score", "score_history.new_score", "releases.name",
			"sprints.name", "sprints.goal", "sprint_reviews.reason", "release_decisions.note", "release_notes.markdown",
			"team_members.name", "product_goals.goal", "objectives.title", "objectives.description",
			"objectives.key_results", "objectives.target", "roadmap_comments.entry", "roadmap_comments.body");

	/**
	 * Nullable columns whose null the rows around them forbid: a revenue needs its
	 * currency, a comment without an author must name the tool it came from, and a closed
	 * sprint run (the fixture's first, from the demo's history) needs its close time and
	 * completed work.
	 */
	private static final Set<String> NULL_REFUSED = Set.of("customers.revenue_currency", "item_comments.author_id",
			"sprint_runs.closed_at", "sprint_runs.completed");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountService accounts;

	private static ObjectNode fixture;

	private int imports;

	/** One replacement of a cell: what it is called, and the JSON put there. */
	record Substitution(String kind, JsonNode value) {
	}

	@Test
	void everyBadCellIsRefusedWithoutTraceOrKeptAndNothingBreaks() {
		ObjectNode base = fixture().deepCopy();
		ApiClient fuzzer = user(FUZZER);
		Map<String, Map<String, String>> types = columnTypes();
		int victimRef = addPerson(base, VICTIM);
		List<String> failures = new ArrayList<>();
		int refused = 0;
		int kept = 0;
		for (ArchiveTables.Table t : ArchiveTables.ALL) {
			JsonNode first = base.get("tables").get(t.name()).get(0);
			for (String column : first.propertyNames()) {
				for (Substitution s : substitutions(t, column, types.get(t.name()).get(column), victimRef)) {
					ObjectNode doc = base.deepCopy();
					((ObjectNode) doc.get("tables").get(t.name()).get(0)).set(column, s.value());
					String where = t.name() + "." + column + " ← " + s.kind();
					boolean ok = acceptable(base, t, column, s, types.get(t.name()).get(column));
					String failure = ok ? importKept(fuzzer, doc, t, column, s) : importRefused(fuzzer, doc, t, column);
					if (failure != null) {
						failures.add(where + ": " + failure);
					}
					refused += ok ? 0 : 1;
					kept += ok ? 1 : 0;
				}
			}
		}
		assertThat(failures).as("cells answered otherwise than expected").isEmpty();
		assertThat(refused).isGreaterThan(500);
		assertThat(kept).isGreaterThan(50);
	}

	@Test
	void aMemberCannotGiveAnotherUserARoleOrAuthorshipThroughAnImport() {
		ObjectNode doc = fixture().deepCopy();
		ApiClient fuzzer = user(FUZZER);
		int victim = addPerson(doc, VICTIM);
		int admin = personRef(doc, ADMIN_EMAIL);
		ObjectNode role = (ObjectNode) json("{\"user_id\":" + victim + ",\"role\":\"PWNED\","
				+ "\"granted_at\":\"2026-01-01T00:00:00Z\",\"granted_by\":" + victim + "}");
		((ArrayNode) doc.get("tables").get("product_roles")).add(role);
		int roleRow = doc.get("tables").get("product_roles").size();
		doc.get("tables").get("item_comments").forEach(c -> ((ObjectNode) c).put("author_id", admin));
		long before = rowCount();

		Response pwned = post(fuzzer, doc, "ATKA");
		assertThat(pwned.status()).as(pwned.text()).isEqualTo(400);
		assertThat(pwned.json().get("errors").get(0).get("table").asString()).isEqualTo("product_roles");
		assertThat(pwned.json().get("errors").get(0).get("row").asInt()).isEqualTo(roleRow);
		assertThat(pwned.json().get("errors").get(0).get("column").asString()).isEqualTo("role");
		assertThat(rowCount()).as("nothing of a refused import is kept").isEqualTo(before);
		assertThat(fuzzer.get("/api/v1/products/ATKA").status()).isEqualTo(404);

		for (String r : List.of("OWNER", "VIEWER")) {
			role.put("role", r);
			String key = "ATK" + r.charAt(0);
			Response imported = post(fuzzer, doc, key);
			assertThat(imported.status()).as(imported.text()).isEqualTo(201);
			assertThat(imported.json().get("warnings").toString()).contains(VICTIM).contains(ADMIN_EMAIL);
			assertThat(jdbc
				.sql("select u.email, r.role from product_roles r join users u on u.id = r.user_id"
						+ " where r.product_key = ?")
				.param(key)
				.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
				.list()).as("only the importer holds a role, as owner").containsExactly(FUZZER + " OWNER");
			assertThat(jdbc
				.sql("""
						select distinct u.email from item_comments c join items i on i.id = c.item_id
						join products p on p.id = i.product_id join users u on u.id = c.author_id where p.product_key = ?""")
				.param(key)
				.query(String.class)
				.list()).as("authorship becomes the importer's").containsExactly(FUZZER);
		}
		ApiClient victimApi = user(VICTIM);
		Response list = victimApi.get("/api/v1/products");
		assertThat(list.status()).as(list.text()).isEqualTo(200);
		assertThat(list.text()).doesNotContain("ATKO").doesNotContain("ATKV");
		assertThat(victimApi.get("/api/v1/products/ATKO").status()).isEqualTo(404);
		var session = BrowserlessSession.signIn(port, VICTIM, PASSWORD);
		assertThat(session.get("/products").statusCode()).isEqualTo(200);
		assertThat(session.get("/account").statusCode()).isEqualTo(200);
	}

	@Test
	void anAdministratorRestoresPeopleByEmailAndMapsNoOneWithoutAnAccount() {
		ObjectNode doc = fixture().deepCopy();
		int victim = addPerson(doc, VICTIM);
		int ghost = addPerson(doc, "ghost@nowhere.test");
		ArrayNode roles = (ArrayNode) doc.get("tables").get("product_roles");
		roles.add(json("{\"user_id\":" + victim + ",\"role\":\"VIEWER\",\"granted_at\":\"2026-01-01T00:00:00Z\","
				+ "\"granted_by\":1}"));
		roles.add(json("{\"user_id\":" + ghost + ",\"role\":\"MANAGER\",\"granted_at\":\"2026-01-01T00:00:00Z\","
				+ "\"granted_by\":1}"));
		// every comment, so that the demo's own comments (other tests add some) cannot
		// come first
		doc.get("tables").get("item_comments").forEach(c -> ((ObjectNode) c).put("author_id", victim));
		Response imported = post(api(), doc, "ADMR");
		assertThat(imported.status()).as(imported.text()).isEqualTo(201);
		assertThat(imported.json().get("warnings").toString()).contains("ghost@nowhere.test").doesNotContain(VICTIM);
		assertThat(jdbc
			.sql("select u.email, r.role from product_roles r join users u on u.id = r.user_id"
					+ " where r.product_key = ? order by u.email")
			.param("ADMR")
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
			.list()).containsExactly(ADMIN_EMAIL + " OWNER", VICTIM + " VIEWER");
		assertThat(user(VICTIM).get("/api/v1/products/ADMR/items").status()).isEqualTo(200);
		assertThat(api().get("/api/v1/products/ADMR/items/ADMR-1/comments").json().findValuesAsString("author"))
			.contains("Victim")
			.doesNotContain("Administrator");
	}

	private static int personRef(JsonNode doc, String email) {
		for (JsonNode u : doc.get("users")) {
			if (u.get("email").asString().equals(email)) {
				return u.get("ref").asInt();
			}
		}
		throw new IllegalStateException(email + " is not in the document");
	}

	/**
	 * Which substitutions are legitimate (201, kept): free text, null where the column
	 * takes it, a large number where a long column has no upper bound (versions, the next
	 * item number), another person (recorded as the importing user), and anything in the
	 * product's key (always the new key).
	 */
	private static boolean acceptable(JsonNode doc, ArchiveTables.Table t, String column, Substitution s, String type) {
		String name = t.name() + "." + column;
		if (name.equals("products.product_key")) {
			return true;
		}
		if (column.equals(t.id())) {
			// ids are local to the document: another number for a row nobody refers to is
			// fine
			return s.value().isIntegralNumber() && s.value().asInt() > 0 && !referenced(doc, t.name(), 1);
		}
		if (s.kind().equals("null") && NULL_REFUSED.contains(name)) {
			return false;
		}
		return switch (s.kind()) {
			case "PWNED" -> FREE_TEXT.contains(name);
			case "null" -> type.endsWith("?");
			case "huge" -> column.equals("version") || name.equals("products.next_item_number");
			case "other person" -> true;
			default -> false;
		};
	}

	/** Whether a row of the document refers to the table's row with this id. */
	private static boolean referenced(JsonNode doc, String table, int id) {
		for (ArchiveTables.Table t : ArchiveTables.ALL) {
			for (JsonNode r : doc.get("tables").get(t.name())) {
				for (var ref : t.refs().entrySet()) {
					if (ref.getValue().equals(table) && r.path(ref.getKey()).asInt(-1) == id) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private List<Substitution> substitutions(ArchiveTables.Table t, String column, String type, int victim) {
		List<Substitution> list = new ArrayList<>();
		list.add(new Substitution("object", json("{\"x\":1}")));
		list.add(new Substitution("null", json("null")));
		String target = column.equals(t.id()) ? t.name() : t.refs().get(column);
		if (ArchiveTables.USERS.equals(target)) {
			list.add(new Substitution("text", json("\"x\"")));
			list.add(new Substitution("unknown person", json("99")));
			list.add(new Substitution("other person", json(String.valueOf(victim))));
			return list;
		}
		if (target != null) {
			list.add(new Substitution("text", json("\"1\"")));
			list.add(new Substitution("fraction", json("1.5")));
			list.add(new Substitution("unknown row", json("9999")));
			list.add(new Substitution("other product's row", json(String.valueOf(foreignId(target)))));
			return list;
		}
		String base = type.replace("?", "");
		switch (base) {
			case "text" -> {
				list.add(new Substitution("number", json("7")));
				list.add(new Substitution("PWNED", json("\"PWNED\"")));
				list.add(new Substitution("control character", json("\"a\\u0000b\"")));
				list.add(new Substitution("over-long",
						ArchiveFixture.JSON.getNodeFactory().stringNode("x".repeat(maxLength(t.name(), column) + 1))));
			}
			case "integer", "bigint" -> {
				list.add(new Substitution("PWNED", json("\"PWNED\"")));
				list.add(new Substitution("fraction", json("1.5")));
				list.add(new Substitution("negative", json("-1")));
				list.add(new Substitution("huge", json(base.equals("integer") ? "1099511627776" : "1099511627776")));
				list.add(new Substitution("beyond long", json("99999999999999999999")));
			}
			case "numeric" -> {
				list.add(new Substitution("PWNED", json("\"PWNED\"")));
				list.add(new Substitution("boolean", json("true")));
				list.add(new Substitution("negative", json("\"-1\"")));
				list.add(new Substitution("too many digits", json("\"1e30\"")));
				list.add(new Substitution("too many decimals", json("\"0.0000001\"")));
			}
			case "boolean" -> {
				list.add(new Substitution("PWNED", json("\"true\"")));
				list.add(new Substitution("number", json("1")));
			}
			default -> {
				list.add(new Substitution("PWNED", json("\"PWNED\"")));
				list.add(new Substitution("impossible date", json("\"2026-02-30T25:00:00Z\"")));
				list.add(new Substitution("number", json("12345")));
			}
		}
		return list;
	}

	/** 400 naming the cell, and nothing written. */
	private String importRefused(ApiClient fuzzer, JsonNode doc, ArchiveTables.Table t, String column) {
		String key = "FZ" + (++imports);
		long before = rowCount();
		Response r = post(fuzzer, doc, key);
		if (r.status() != 400) {
			return "answered " + r.status() + " (expected 400): " + abbreviate(r.text());
		}
		if (!r.isProblem()) {
			return "400 without problem+json";
		}
		JsonNode errors = r.json().path("errors");
		boolean named = false;
		for (JsonNode e : errors) {
			if (!e.hasNonNull("table") || !e.hasNonNull("reason")) {
				return "an error names no table or reason: " + e;
			}
			named |= e.get("table").asString().equals(t.name()) || column.equals(t.id())
					|| t.name().equals("products") && column.equals("next_item_number");
		}
		if (!named) {
			return "no error names " + t.name() + ": " + abbreviate(r.text());
		}
		if (rowCount() != before || fuzzer.get("/api/v1/products/" + key).status() != 404) {
			return "a refused import left rows behind";
		}
		return null;
	}

	/** 201, the value kept (another person recorded as the importer), pages working. */
	private String importKept(ApiClient fuzzer, JsonNode doc, ArchiveTables.Table t, String column, Substitution s) {
		String key = "FZ" + (++imports);
		Response r = post(fuzzer, doc, key);
		if (r.status() != 201) {
			return "answered " + r.status() + " (expected 201): " + abbreviate(r.text());
		}
		JsonNode export = fuzzer.get("/api/v1/products/" + key + "/export").json();
		String problem = compare(doc, export, t, column, s);
		if (problem != null) {
			return problem;
		}
		for (String page : List.of("/api/v1/products/" + key + "/items", "/api/v1/products/" + key + "/feedback",
				"/api/v1/products/" + key + "/scores", "/api/v1/products/" + key + "/releases",
				"/api/v1/products/" + key + "/roadmap", "/api/v1/products/" + key + "/members")) {
			int status = fuzzer.get(page).status();
			if (status >= 500) {
				return page + " answered " + status + " after the import";
			}
		}
		return null;
	}

	/**
	 * The column's values, as sent and as exported again, match (people: the importer).
	 */
	private static String compare(JsonNode sent, JsonNode export, ArchiveTables.Table t, String column,
			Substitution s) {
		if (column.equals(t.id())) {
			return null; // the export numbers rows again
		}
		if (t.name().equals("products") && column.equals("product_key")) {
			return export.get("product").asString().startsWith("FZ") ? null : "the product key was not the new one";
		}
		if (ArchiveTables.USERS.equals(t.refs().get(column))) {
			for (JsonNode u : export.get("users")) {
				if (!u.get("email").asString().equals(FUZZER)) {
					return "the export names " + u.get("email") + ", not only the importing user";
				}
			}
			return null;
		}
		List<String> before = values(sent, t.name(), column);
		List<String> after = values(export, t.name(), column);
		return before.equals(after) ? null
				: "sent " + abbreviate(before.toString()) + ", kept " + abbreviate(after.toString());
	}

	private static List<String> values(JsonNode doc, String table, String column) {
		String key = doc.get("product").asString();
		List<String> values = new ArrayList<>();
		for (JsonNode r : doc.get("tables").get(table)) {
			JsonNode v = r.get(column);
			String text = v == null || v.isNull() ? "null" : v.isString() ? v.asString() : v.toString();
			try {
				text = new BigDecimal(text).stripTrailingZeros().toPlainString();
			}
			catch (NumberFormatException e) {
				text = text.replaceAll("\\b" + key + "-(\\d+)\\b", "KEY-$1");
			}
			values.add(text);
		}
		values.sort(null);
		return values;
	}

	private Response post(ApiClient client, JsonNode doc, String key) {
		return client.postFile("/api/v1/products/import?key=" + key,
				ArchiveFixture.JSON.writeValueAsString(doc).getBytes(StandardCharsets.UTF_8), "application/json");
	}

	/** Rows in every exported table, to see that a refused import left nothing. */
	private long rowCount() {
		String sum = ArchiveTables.ALL.stream()
			.map(t -> "(select count(*) from " + t.name() + ")")
			.collect(Collectors.joining(" + "));
		return jdbc.sql("select " + sum).query(Long.class).single();
	}

	/**
	 * Column → "text", "integer", "bigint", "numeric", "boolean", "time" ("?" when
	 * nullable).
	 */
	private Map<String, Map<String, String>> columnTypes() {
		Map<String, Map<String, String>> types = new HashMap<>();
		jdbc.sql("""
				select lower(table_name), lower(column_name), lower(data_type), is_nullable
				from information_schema.columns where lower(table_schema) = 'public'""").query((rs, n) -> {
			String type = rs.getString(3);
			String kind = type.contains("char") || type.equals("text") ? "text"
					: type.equals("integer") || type.equals("int") ? "integer" : type.equals("bigint") ? "bigint"
							: type.startsWith("numeric") ? "numeric" : type.equals("boolean") ? "boolean" : "time";
			types.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
				.put(rs.getString(2), kind + ("YES".equalsIgnoreCase(rs.getString(4)) ? "?" : ""));
			return kind;
		}).list();
		return types;
	}

	private int maxLength(String table, String column) {
		long length = jdbc.sql("""
				select character_maximum_length from information_schema.columns
				where lower(table_schema) = 'public' and lower(table_name) = ? and lower(column_name) = ?""")
			.params(table, column)
			.query((rs, n) -> rs.getLong(1))
			.single();
		return length <= 0 || length > ArchiveValues.MAX_TEXT ? ArchiveValues.MAX_TEXT : (int) length;
	}

	/**
	 * The database id of a row of another product (the demo) that the fixture does not
	 * hold.
	 */
	private long foreignId(String table) {
		Long id = jdbc.sql("select max(id) from " + table).query(Long.class).single();
		return id == null || id <= fixture.get("tables").get(table).size() ? id == null ? 424242 : id + 1000 : id;
	}

	/** The fixture, built once per database. */
	private ObjectNode fixture() {
		if (fixture == null) {
			fixture = ArchiveFixture.build(api(), "FZBASE");
			accounts.createUser(FUZZER, "Fuzzer", PASSWORD, false);
			accounts.createUser(VICTIM, "Victim", PASSWORD, false);
		}
		assertThat(ArchiveFixture.emptyTables(fixture)).as("tables without a row in the fixture").isEmpty();
		return fixture;
	}

	private ApiClient user(String email) {
		return ApiClient.signIn(port, email, PASSWORD);
	}

	/** Adds a person with the e-mail address to the document's users; their ref. */
	static int addPerson(ObjectNode doc, String email) {
		ArrayNode users = (ArrayNode) doc.get("users");
		int ref = users.size() + 1;
		users.add(json("{\"ref\":" + ref + ",\"email\":\"" + email + "\",\"displayName\":\"Someone\"}"));
		return ref;
	}

	static JsonNode json(String text) {
		return ArchiveFixture.JSON.readTree(text);
	}

	private static String abbreviate(String s) {
		return s.length() > 300 ? s.substring(0, 300) + "…" : s;
	}

}
