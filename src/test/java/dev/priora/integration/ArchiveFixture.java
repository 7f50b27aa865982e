package dev.priora.integration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.priora.support.ApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small valid export with rows in every exported table: the demo product copied, given
 * what the demo lacks (comments, goal, objectives, a running sprint, team, days off,
 * decisions, notes, pins, a WIP limit) through the API, three rows the API reaches only
 * through long workflows (an external key, a sprint review, a spillover) added to the
 * document, then trimmed to a few rows per table with every reference kept whole.
 */
final class ArchiveFixture {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** Rows kept per table (items and the product's settings are kept whole). */
	private static final int ROWS = 3;

	private ArchiveFixture() {
	}

	/** Builds the fixture product {@code key} from the demo as the administrator. */
	static ObjectNode build(ApiClient admin, String key) {
		String shop = admin.get("/api/v1/products/SHOP/export").text();
		ApiClient.Response copied = admin.postFile("/api/v1/products/import?key=" + key, shop.getBytes(),
				"application/json");
		if (copied.status() != 201) {
			throw new IllegalStateException(copied.text());
		}
		String base = "/api/v1/products/" + key;
		admin.post(base + "/items/" + key + "-1/comments", "{\"body\":\"Kick-off, see " + key + "-2\"}");
		admin.put(base + "/goal", "{\"goal\":\"Checkout that converts\"}", null);
		long objective = admin.post(base + "/objectives", "{\"title\":\"Conversion\",\"keyResults\":[\"+5 %\"]}")
			.json()
			.get("id")
			.asLong();
		admin.put(base + "/items/" + key + "-2/objectives", "{\"objectives\":[" + objective + "]}", null);
		long release = admin.post(base + "/releases", "{\"name\":\"Fuzz release\",\"capacity\":30}")
			.json()
			.get("id")
			.asLong();
		long sprint = admin
			.post(base + "/sprints",
					"{\"name\":\"Fuzz sprint\",\"start\":\"" + LocalDate.now() + "\",\"end\":\""
							+ LocalDate.now().plusDays(13) + "\",\"capacity\":20,\"releaseId\":" + release + "}")
			.json()
			.get("id")
			.asLong();
		admin.put(base + "/items/" + key + "-3/release", "{\"sprintId\":" + sprint + "}", null);
		admin.post(base + "/sprints/" + sprint + "/start", "{\"force\":true}");
		long member = admin
			.post(base + "/team",
					"{\"name\":\"Ann\",\"email\":\"ann@team.test\",\"capacity\":8," + "\"skills\":[\"api\"]}")
			.json()
			.get("id")
			.asLong();
		admin.put(base + "/items/" + key + "-3/assignee", "{\"memberId\":" + member + "}", null);
		admin.put(base + "/team/" + member + "/days-off", "{\"sprintId\":" + sprint + ",\"days\":2}", null);
		admin.post(base + "/releases/" + release + "/decisions", "{\"decision\":\"CONTINUE\",\"note\":\"on track\"}");
		admin.put(base + "/releases/" + release + "/release-notes", "{\"markdown\":\"# Fuzz release\\n\\nDone.\"}",
				null);
		admin.post(base + "/roadmap/comments", "{\"entry\":\"" + key + "-2\",\"body\":\"Looks right\"}");
		admin.put(base + "/items/" + key + "-4/pin", null, null);
		admin.put(base + "/board/wip-limits", "{\"limits\":{\"IN_PROGRESS\":3}}", null);
		admin.put(base + "/followups/settings", "{\"autoSend\":false}", null);
		admin.put(base + "/estimate-suggestion/settings", "{\"mode\":\"ON\"}", null);
		admin.put(base + "/health/settings", "{\"topN\":15,\"staleDays\":60}", null);
		ObjectNode doc = (ObjectNode) admin.get(base + "/export").json();
		ObjectNode tables = (ObjectNode) doc.get("tables");
		// only the administrator's own role: other tests grant roles on the demo product
		Set<Integer> adminRefs = new HashSet<>();
		doc.get("users").forEach(u -> {
			if (u.get("email").asText().equals(dev.priora.support.IntegrationTestBase.ADMIN_EMAIL)) {
				adminRefs.add(u.get("ref").asInt());
			}
		});
		ArrayNode roles = (ArrayNode) tables.get("product_roles");
		for (int i = roles.size() - 1; i >= 0; i--) {
			if (!adminRefs.contains(roles.get(i).get("user_id").asInt())) {
				roles.remove(i);
			}
		}
		int sprintRef = tables.get("sprints").get(0).get("id").asInt();
		int itemRef = tables.get("planned_items").get(0).get("item_id").asInt();
		addRow(tables, "item_external_keys", "{\"item_id\":1,\"source\":\"jira\",\"external_key\":\"OLD-1\"}");
		addRow(tables, "sprint_reviews",
				"{\"sprint_id\":" + sprintRef + ",\"item_id\":" + itemRef
						+ ",\"accepted\":true,\"reason\":\"\",\"criteria_met\":\"0\",\"reviewed_by\":1,"
						+ "\"reviewed_at\":\"2026-01-02T10:00:00Z\"}");
		addRow(tables, "sprint_spillover",
				"{\"sprint_id\":" + sprintRef + ",\"item_id\":" + itemRef + ",\"points\":\"3.00\",\"moved_to\":null}");
		return trim(doc);
	}

	private static void addRow(ObjectNode tables, String table, String row) {
		((ArrayNode) tables.get(table)).add(JSON.readTree(row));
	}

	/**
	 * The document with a few rows per table: a row whose reference would dangle is left
	 * out (a dangling reference to its own table is cleared), then ids are renumbered as
	 * an export numbers them.
	 */
	static ObjectNode trim(ObjectNode doc) {
		ObjectNode copy = doc.deepCopy();
		ObjectNode tables = (ObjectNode) copy.get("tables");
		Map<String, Set<Integer>> kept = new HashMap<>();
		for (ArchiveTables.Table t : ArchiveTables.ALL) {
			ArrayNode rows = (ArrayNode) tables.get(t.name());
			boolean whole = List.of("products", "ready_rules", "product_roles", "items").contains(t.name());
			ArrayNode out = JSON.createArrayNode();
			Set<Integer> ids = new HashSet<>();
			for (JsonNode r : rows) {
				if (!whole && out.size() >= ROWS) {
					break;
				}
				boolean dangles = t.refs()
					.entrySet()
					.stream()
					.anyMatch(e -> !e.getValue().equals(ArchiveTables.USERS) && !e.getValue().equals(t.name())
							&& r.hasNonNull(e.getKey())
							&& !kept.getOrDefault(e.getValue(), Set.of()).contains(r.get(e.getKey()).asInt()));
				if (!dangles) {
					out.add(r);
					if (t.id() != null) {
						ids.add(r.get(t.id()).asInt());
					}
				}
			}
			kept.put(t.name(), ids);
			t.refs().forEach((column, target) -> {
				if (target.equals(t.name())) {
					out.forEach(r -> {
						if (r.hasNonNull(column) && !ids.contains(r.get(column).asInt())) {
							((ObjectNode) r).putNull(column);
						}
					});
				}
			});
			tables.set(t.name(), out);
		}
		renumber(tables);
		return copy;
	}

	private static void renumber(ObjectNode tables) {
		Map<String, Map<Integer, Integer>> numbers = new HashMap<>();
		for (ArchiveTables.Table t : ArchiveTables.ALL) {
			if (t.id() != null) {
				Map<Integer, Integer> n = new HashMap<>();
				tables.get(t.name()).forEach(r -> n.put(r.get(t.id()).asInt(), n.size() + 1));
				numbers.put(t.name(), n);
			}
		}
		for (ArchiveTables.Table t : ArchiveTables.ALL) {
			for (JsonNode r : tables.get(t.name())) {
				ObjectNode row = (ObjectNode) r;
				if (t.id() != null) {
					row.put(t.id(), numbers.get(t.name()).get(row.get(t.id()).asInt()));
				}
				t.refs().forEach((column, target) -> {
					if (!target.equals(ArchiveTables.USERS) && row.hasNonNull(column)) {
						row.put(column, numbers.get(target).get(row.get(column).asInt()));
					}
				});
			}
		}
	}

	/** The tables of the document that hold no row. */
	static List<String> emptyTables(JsonNode doc) {
		List<String> empty = new ArrayList<>();
		ArchiveTables.ALL.forEach(t -> {
			if (doc.get("tables").get(t.name()).isEmpty()) {
				empty.add(t.name());
			}
		});
		return empty;
	}

}
