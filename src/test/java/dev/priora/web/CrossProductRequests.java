package dev.priora.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests of the cross-product sweep. {@link #PATH} has one row per route that names
 * a product and an object in its path: what to send besides the path (a JSON body, form
 * fields, query, If-Match). {@link #BODY} lists requests under product A whose body or
 * query names an object of product B.
 * <p>
 * Templates: {@code ${NAME}} is the object of the path's product (A), {@code ${B.NAME}}
 * product B's, and {@code ${OBJ.NAME}} the product of the object in the path (for the
 * version a write must send). Names are those of {@link ProductObjects}.
 */
final class CrossProductRequests {

	/**
	 * What a request sends besides its path: JSON or form fields (name, value, …), a
	 * query string ({@code a=${X}&b=…}), an If-Match version and the value of an
	 * {@code {action}} variable.
	 */
	record Send(String json, List<String> form, String query, String ifMatch, String action) {

		Send query(String q) {
			return new Send(json, form, q, ifMatch, action);
		}

		Send ifMatch(String version) {
			return new Send(json, form, query, version, action);
		}

		Send action(String a) {
			return new Send(json, form, query, ifMatch, a);
		}

	}

	/**
	 * One request of {@link #BODY}: a method, a path with templates, and what it sends.
	 */
	record BodyRequest(String method, String path, Send send) {

		@Override
		public String toString() {
			return method + " " + path + (send.query() == null ? "" : "?" + send.query())
					+ (send.json() == null ? "" : " " + send.json()) + (send.form() == null ? "" : " " + send.form());
		}

	}

	private static final String BASE = "/api/v1/products/{productKey}";

	private static final String ITEM = BASE + "/items/{itemKey}";

	static final Map<String, Send> PATH = new LinkedHashMap<>();

	/**
	 * Body fields ({@code METHOD pattern field}) named like an object that the route does
	 * not read as one, so there is nothing to refuse; with the reason.
	 */
	static final Map<String, String> NO_OBJECT = Map.of("PUT " + BASE + "/items/{itemKey} target",
			"a replaced item keeps its place: position and target are read when an item is created",
			"POST " + BASE + "/objectives target", "an objective's target is a text (\"40 % of orders\")");

	static final List<BodyRequest> BODY = new ArrayList<>();

	/** This week's Monday: the week of the feedback the sweep seeds. */
	static final String MONDAY = java.time.LocalDate.now(java.time.ZoneOffset.UTC)
		.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
		.toString();

	private static final String MODEL = "{\"name\":\"Hijacked\",\"definition\":{\"formula\":\"SUM\",\"criteria\":"
			+ "[{\"key\":\"v\",\"label\":\"V\",\"role\":\"BENEFIT\",\"scale\":{\"type\":\"fibonacci\"}}]}}";

	static {
		items();
		feedback();
		planning();
		progressAndTeam();
		rest();
		refinement();
		insights();
		pages();
		bodyApi();
		bodyPages();
	}

	private CrossProductRequests() {
	}

	static Send none() {
		return new Send(null, null, null, null, null);
	}

	static Send json(String json) {
		return new Send(json, null, null, null, null);
	}

	static Send form(String... fields) {
		return new Send(null, List.of(fields), null, null, null);
	}

	private static void path(String route, Send send) {
		if (PATH.put(route, send) != null) {
			throw new IllegalStateException("two rows for " + route);
		}
	}

	private static void items() {
		path("GET " + ITEM, none());
		path("PUT " + ITEM, json("{\"type\":\"STORY\",\"title\":\"Hijacked\"}").ifMatch("${OBJ.V_ITEM1}"));
		path("PATCH " + ITEM, json("{\"title\":\"Hijacked\"}").ifMatch("${OBJ.V_ITEM1}"));
		path("DELETE " + ITEM, none().ifMatch("${OBJ.V_ITEM1}"));
		path("POST " + ITEM + "/move", json("{\"position\":\"bottom\"}"));
		path("GET " + ITEM + "/readiness", none());
		path("GET " + ITEM + "/history", none());
		path("GET " + ITEM + "/dependencies", none());
		path("POST " + ITEM + "/dependencies", json("{\"kind\":\"RELATES_TO\",\"target\":\"${ITEM3}\"}"));
		path("DELETE " + ITEM + "/dependencies/{kind}/{target}", none());
		path("GET " + ITEM + "/comments", none());
		path("POST " + ITEM + "/comments", json("{\"body\":\"Hijacked\"}"));
		path("GET " + ITEM + "/demand", none());
		path("GET " + ITEM + "/scores", none());
		path("PUT " + ITEM + "/scores/{modelId}", json("{\"inputs\":{\"v\":\"13\"}}"));
		path("GET " + ITEM + "/scores/{modelId}/history", none());
		path("PUT " + ITEM + "/pin", none());
		path("DELETE " + ITEM + "/pin", none());
		path("PUT " + ITEM + "/release", json("{\"releaseId\":${RELEASE},\"sprintId\":${SPRINT}}"));
		path("PUT " + ITEM + "/objectives", json("{\"objectives\":[${OBJECTIVE}]}"));
		path("PUT " + ITEM + "/assignee", json("{\"memberId\":${MEMBER}}"));
		path("GET " + ITEM + "/suggested-assignees", none().query("sprint=${SPRINT}"));
		path("PUT " + ITEM + "/watch", json("{\"watching\":true}"));
		path("GET " + ITEM + "/estimate-suggestion", none());
	}

	private static void feedback() {
		path("GET " + BASE + "/customers/{id}", none());
		path("PUT " + BASE + "/customers/{id}", json("{\"name\":\"Hijacked\"}").ifMatch("${OBJ.V_CUSTOMER}"));
		path("DELETE " + BASE + "/customers/{id}", none());
		String f = BASE + "/feedback/{id}";
		path("GET " + f, none());
		path("PATCH " + f, json("{\"status\":\"ARCHIVED\"}").ifMatch("${OBJ.V_FEEDBACK}"));
		path("PUT " + f + "/customer", json("{\"customerId\":${CUSTOMER}}"));
		path("DELETE " + f + "/customer", none());
		path("POST " + f + "/links", json("{\"item\":\"${ITEM2}\",\"importance\":\"CRITICAL\"}"));
		path("DELETE " + f + "/links/{itemKey}", none());
		path("POST " + f + "/merge", json("{\"into\":${SPARE}}"));
		path("GET " + f + "/similar", none());
		path("GET " + f + "/story-draft", none());
		path("POST " + f + "/customer-suggestion/confirm", none());
		path("DELETE " + f + "/customer-suggestion", none());
		path("POST " + f + "/story", json("{\"title\":\"Hijacked\"}"));
		path("PUT " + f + "/kind", json("{\"kind\":\"PRAISE\"}"));
		path("PUT " + BASE + "/portal/ideas/{id}/status", json("{\"status\":\"DECLINED\",\"reason\":\"Hijacked\"}"));
		path("PUT " + BASE + "/portal/ideas/{id}/state", json("{\"state\":\"SPAM\"}"));
		path("POST " + BASE + "/portal/ideas/{id}/merge", json("{\"into\":${IDEA}}"));
		path("PUT " + BASE + "/portal/comments/{id}/state", json("{\"state\":\"SPAM\"}"));
		path("GET " + BASE + "/portal/ideas/{id}/replies", none());
		path("POST " + BASE + "/portal/ideas/{id}/replies", json("{\"body\":\"Hijacked\"}"));
		path("GET " + BASE + "/portal/ideas/{id}/replies/{replyId}", none());
		path("PUT " + BASE + "/portal/ideas/{id}/replies/{replyId}", json("{\"body\":\"Hijacked\"}"));
		path("DELETE " + BASE + "/portal/ideas/{id}/replies/{replyId}", none());
		path("GET " + BASE + "/portal/items/{itemKey}", none());
		path("PUT " + BASE + "/portal/items/{itemKey}", json("{\"publicOnPortal\":true}"));
		path("GET " + BASE + "/feedback/imports/{jobId}", none());
		path("DELETE " + BASE + "/feedback/imports/{jobId}", none());
		String m = BASE + "/followups/{id}";
		path("GET " + m, none());
		path("PATCH " + m, json("{\"subject\":\"Hijacked\"}").ifMatch("${OBJ.V_FOLLOWUP}"));
		path("POST " + m + "/dismiss", none());
		path("POST " + m + "/told", none());
		String page = "/p/{key}/followups/{id}";
		path("POST " + page + "/edit", form("subject", "Hijacked", "body", "Hijacked", "version", "${OBJ.V_FOLLOWUP}"));
		path("POST " + page + "/dismiss", none());
		path("POST " + page + "/told", none());
	}

	private static void planning() {
		String m = BASE + "/scoring-models/{id}";
		path("GET " + m, none());
		path("PUT " + m, json(MODEL).ifMatch("${OBJ.V_MODEL}"));
		path("DELETE " + m, none());
		path("POST " + m + "/activate", none());
		path("POST " + BASE + "/priority-order/{changeId}/undo", none());
		String r = BASE + "/releases/{id}";
		path("GET " + r, none());
		path("PUT " + r, json("{\"name\":\"Hijacked\",\"capacity\":1}").ifMatch("${OBJ.V_RELEASE}"));
		path("DELETE " + r, none());
		path("GET " + r + "/release-notes", none());
		path("PUT " + r + "/release-notes", json("{\"markdown\":\"Hijacked\"}"));
		path("GET " + r + "/workload", none());
		path("GET " + r + "/burnup.csv", none());
		path("PUT " + r + "/watch", json("{\"watching\":true}"));
		path("GET " + r + "/progress", none());
		path("POST " + r + "/decisions", json("{\"decision\":\"GO_BACK\",\"note\":\"Hijacked\"}"));
		path("GET " + r + "/what-it-takes", none());
		path("POST " + r + "/what-it-takes", json("{\"items\":[\"${ITEM1}\"],\"to\":\"BACKLOG\"}"));
		String p = BASE + "/plans/{id}";
		path("GET " + p, none());
		path("POST " + p + "/cancel", none());
		path("POST " + p + "/apply", none());
		path("POST " + p + "/undo", none());
		path("GET " + p + "/compare/{other}", none());
		path("GET " + p + "/forecasts", none());
		path("GET " + p + "/customer-promises", none());
		String sc = BASE + "/scenarios/{id}";
		path("GET " + sc, none());
		path("PUT " + sc, json("{\"name\":\"Hijacked\"}").ifMatch("${OBJ.V_SCENARIO}"));
		path("DELETE " + sc, none());
		path("POST " + sc + "/run", none());
	}

	private static void progressAndTeam() {
		String s = BASE + "/sprints/{id}";
		path("DELETE " + s, none());
		path("GET " + s, none());
		path("PUT " + s,
				json("{\"name\":\"Hijacked\",\"start\":\"2027-01-04\",\"end\":\"2027-01-17\"}").ifMatch("\"0\""));
		path("GET " + s + "/workload", none());
		path("POST " + s + "/start", json("{\"force\":true}"));
		path("POST " + s + "/close", json("{}"));
		path("GET " + s + "/burndown", none());
		path("GET " + s + "/burndown.csv", none());
		path("POST " + s + "/review", json("{\"item\":\"${ITEM1}\",\"accepted\":true}"));
		path("GET " + s + "/review", none());
		path("DELETE " + BASE + "/team/{id}", none());
		path("PUT " + BASE + "/team/{id}", json("{\"name\":\"Hijacked\",\"capacity\":1}"));
		path("PUT " + BASE + "/team/{id}/days-off", json("{\"sprintId\":${SPRINT},\"days\":2}"));
		path("DELETE " + BASE + "/members/{userId}", none());
	}

	private static void rest() {
		path("DELETE " + BASE + "/objectives/{id}", none());
		path("DELETE " + BASE + "/roadmap/links/{id}", none());
		path("GET " + BASE + "/imports/{jobId}", none());
		path("DELETE " + BASE + "/imports/{jobId}", none());
		String w = BASE + "/webhooks/{id}";
		path("PUT " + w, json("{\"active\":false}"));
		path("DELETE " + w, none());
		path("GET " + w + "/deliveries", none());
		path("POST " + w + "/ping", none());
		path("POST " + w + "/deliveries/{deliveryId}/redeliver", none());
	}

	private static void refinement() {
		String s = BASE + "/refinement/sessions/{id}";
		path("GET " + s, none());
		path("POST " + s + "/join", none());
		path("POST " + s + "/vote", json("{\"card\":\"3\"}"));
		path("POST " + s + "/reveal", none());
		path("POST " + s + "/accept", json("{\"estimate\":3}"));
		path("POST " + s + "/revote", none());
		path("POST " + s + "/skip", none());
		path("POST " + s + "/close", none());
		String r = "/p/{key}/refinement/sessions/{id}";
		path("GET " + r, none());
		path("POST " + r + "/join", none());
		path("POST " + r + "/vote", form("card", "3"));
		path("POST " + r + "/accept", form("estimate", "3"));
		path("POST " + r + "/{action:reveal|revote|skip|close}", none().action("close"));
	}

	private static void insights() {
		String t = BASE + "/insights/themes/{id}";
		path("GET " + t, none());
		path("PUT " + t + "/name", json("{\"name\":\"Hijacked\"}"));
		path("POST " + t + "/merge", json("{\"into\":${THEME}}"));
		path("POST " + t + "/split", none());
		path("POST " + t + "/feedback", json("{\"feedbackIds\":[${FEEDBACK}]}"));
		path("GET " + t + "/item-draft", none());
		path("POST " + t + "/items", json("{\"type\":\"STORY\",\"title\":\"Hijacked\"}"));
		String p = "/p/{key}/insights/themes/{id}";
		path("GET " + p, none());
		path("POST " + p + "/rename", form("name", "Hijacked"));
		path("POST " + p + "/merge", form("into", "${THEME}"));
		path("POST " + p + "/split", none());
		path("POST " + p + "/move", form("feedbackIds", "${FEEDBACK}", "to", "${THEME}"));
		path("POST " + p + "/item", form("type", "STORY", "title", "Hijacked"));
	}

	private static void pages() {
		String i = "/p/{key}/items/{itemKey}";
		path("GET " + i, none());
		path("POST " + i + "/edit", form("type", "STORY", "title", "Hijacked", "version", "${OBJ.V_ITEM1}"));
		path("POST " + i + "/status", form("status", "READY", "force", "true", "version", "${OBJ.V_ITEM1}"));
		path("POST " + i + "/criteria", form("statement", "Hijacked", "version", "${OBJ.V_ITEM1}"));
		path("POST " + i + "/criteria/{index}/toggle", form("version", "${OBJ.V_ITEM1}"));
		path("POST " + i + "/criteria/{index}/{action}", form("version", "${OBJ.V_ITEM1}").action("delete"));
		path("POST " + i + "/dependencies", form("kind", "RELATES_TO", "target", "${ITEM3}"));
		path("POST " + i + "/dependencies/remove", form("kind", "DEPENDS_ON", "target", "${ITEM2}"));
		path("POST " + i + "/comments", form("body", "Hijacked"));
		path("POST " + i + "/delete", form("version", "${OBJ.V_ITEM1}"));
		path("GET " + i + "/demand", none());
		path("GET " + i + "/scores", none());
		String f = "/p/{key}/feedback/{id}";
		path("GET " + f, none());
		path("POST " + f + "/status", form("next", "ARCHIVED", "version", "${OBJ.V_FEEDBACK}"));
		path("POST " + f + "/customer", form("customerId", "${CUSTOMER}"));
		path("POST " + f + "/links", form("item", "${ITEM2}"));
		path("POST " + f + "/merge", form("into", "${SPARE}"));
		path("GET " + f + "/story", none());
		path("POST " + f + "/kind", form("kind", "PRAISE"));
		path("POST /p/{key}/portal/ideas/{id}/status", form("status", "DECLINED", "reason", "Hijacked"));
		path("POST /p/{key}/portal/ideas/{id}/state", form("state", "SPAM"));
		path("POST /p/{key}/portal/ideas/{id}/merge", form("into", "${IDEA}"));
		path("POST /p/{key}/portal/comments/{id}/state", form("state", "SPAM"));
		path("GET /p/{key}/portal/ideas/{id}", none());
		path("POST /p/{key}/portal/ideas/{id}/replies", form("body", "Hijacked"));
		path("POST /p/{key}/portal/ideas/{id}/links", form("item", "${ITEM2}"));
		path("POST /p/{key}/portal/ideas/{id}/links/{itemKey}/delete", none());
		path("POST /p/{key}/portal/ideas/{id}/replies/{replyId}", form("body", "Hijacked", "version", "0"));
		path("POST /p/{key}/portal/ideas/{id}/replies/{replyId}/delete", none());
		path("GET /p/{key}/items/{itemKey}/portal", none());
		path("POST /p/{key}/items/{itemKey}/portal", form("publicOnPortal", "true"));
		path("GET /p/{key}/items/{itemKey}/assignee", none());
		path("POST /p/{key}/items/{itemKey}/assignee", form("member", ""));
		path("GET /p/{key}/items/{itemKey}/objectives", none());
		path("GET /p/{key}/items/{itemKey}/estimate-suggestion", none());
		path("POST /p/{key}/items/{itemKey}/objectives", form("objectives", "${OBJECTIVE}"));
		path("GET /p/{key}/items/{itemKey}/panel", none());
		path("GET /p/{key}/items/{itemKey}/watch", none());
		path("POST /p/{key}/items/{itemKey}/watch", form("watching", "true"));
		path("GET /p/{key}/releases/{id}/watch", none());
		path("POST /p/{key}/releases/{id}/watch", form("watching", "true"));
		path("GET /p/{key}/backlog/items/{itemKey}/plan-menu", none());
		path("GET /p/{key}/backlog/items/{itemKey}/labels-menu", none());
		path("GET /p/{key}/backlog/items/{itemKey}/row", none());
		path("POST /p/{key}/backlog/items/{itemKey}/status", form("status", "REJECTED", "version", "${OBJ.V_ITEM1}"));
		path("POST /p/{key}/backlog/items/{itemKey}/estimate", form("estimate", "8", "version", "${OBJ.V_ITEM1}"));
		path("POST /p/{key}/backlog/items/{itemKey}/labels", form("labels", "hijacked", "version", "${OBJ.V_ITEM1}"));
		path("POST /p/{key}/backlog/items/{itemKey}/release", form("release", "${OBJ.RELEASE}"));
		path("POST /p/{key}/backlog/items/{itemKey}/sprint", form("sprint", "${OBJ.SPRINT}"));
		path("POST /p/{key}/backlog/bulk/{id}/undo", none());
		path("POST " + BASE + "/bulk-changes/{changeId}/undo", none());
		path("POST " + f + "/suggestion/confirm", none());
		path("POST " + f + "/suggestion/dismiss", none());
		path("POST " + f + "/story", form("title", "Hijacked"));
		path("GET /p/{key}/customers/{id}", none());
		path("GET /p/{key}/customers/{id}/promise", none());
		path("POST /p/{key}/public-forms/{id}/revoke", none());
		path("GET /p/{key}/feedback/import/{jobId}", none());
		path("POST /p/{key}/feedback/import/{jobId}/cancel", none());
		path("POST /p/{key}/scoring/{modelId}/items/{itemKey}", form("c.v", "13"));
		path("POST /p/{key}/scoring/{modelId}/items/{itemKey}/pin", form("pinned", "true"));
		path("POST /p/{key}/priority-order/{changeId}/undo", none());
		path("POST /p/{key}/scoring/models/{id}/activate", none());
		path("POST /p/{key}/scoring/models/{id}/delete", none());
		planningPages();
	}

	private static void planningPages() {
		String r = "/p/{key}/releases/{id}";
		path("POST " + r, form("name", "Hijacked", "version", "${OBJ.V_RELEASE}"));
		path("POST " + r + "/delete", none());
		path("GET " + r + "/notes", none());
		path("POST " + r + "/notes", form("markdown", "Hijacked"));
		path("GET " + r + "/progress", none());
		path("POST " + r + "/decisions", form("decision", "GO_BACK", "note", "Hijacked"));
		path("GET " + r + "/what-it-takes", none());
		path("POST " + r + "/what-it-takes", form("item", "${ITEM1}", "to", "backlog"));
		path("POST " + r + "/what-it-takes/undo", form("back", "${ITEM1}", "from", "backlog"));
		String s = "/p/{key}/sprints/{id}";
		path("GET " + s, none());
		path("POST " + s + "/delete", none());
		path("POST " + s + "/edit",
				form("name", "Hijacked", "start", "2027-01-04", "end", "2027-01-17", "version", "0"));
		path("POST " + s + "/{action:start|close}", form("force", "true").action("start"));
		path("POST " + s + "/review", form("item", "${ITEM1}", "verdict", "accept"));
		path("POST " + s + "/assignee", form("item", "${ITEM1}", "member", "${MEMBER}"));
		String sc = "/p/{key}/scenarios/{id}";
		path("GET " + sc, none());
		path("POST " + sc, form("version", "${OBJ.V_SCENARIO}", "name", "Hijacked"));
		path("POST " + sc + "/changes",
				form("version", "${OBJ.V_SCENARIO}", "kind", "SPRINT_LOST", "sprintId", "${OBJ.SPRINT}"));
		path("POST " + sc + "/changes/{position}/delete", form("version", "${OBJ.V_SCENARIO}"));
		path("POST " + sc + "/run", none());
		path("POST " + sc + "/delete", none());
		path("GET /p/{key}/plans/{id}", none());
		path("GET /p/{key}/plans/{id}/forecasts", none());
		path("GET /p/{key}/plans/{id}/customer-promises", none());
		path("POST /p/{key}/plans/{id}/{action}", none().action("apply"));
		path("POST /p/{key}/roadmap/links/{id}/revoke", none());
		path("GET /p/{key}/import/{jobId}", none());
		path("POST /p/{key}/import/{jobId}/cancel", none());
		path("POST /p/{key}/webhooks/{id}/{action:ping|pause|resume|delete}", none().action("delete"));
		path("POST /p/{key}/webhooks/{id}/deliveries/{deliveryId}/redeliver", none());
		path("POST /p/{key}/team/{id}/days-off", form("sprint", "${SPRINT}", "days", "2"));
		path("POST /p/{key}/team/{id}", form("name", "Hijacked", "capacity", "1"));
		path("POST /p/{key}/team/{id}/remove", none());
		path("POST /p/{key}/members/{userId}/remove", none());
		path("POST /p/{key}/members/{userId}/role", form("role", "OWNER"));
	}

	private static void body(String method, String path, Send send) {
		BODY.add(new BodyRequest(method, path, send));
	}

	private static void bodyApi() {
		String b = "/api/v1/products/${KEY}";
		String item = b + "/items/${ITEM1}";
		body("POST", b + "/feedback", json("{\"text\":\"Hijacked\",\"customerId\":${B.CUSTOMER}}"));
		body("POST", b + "/followups/send", json("{\"ids\":[${B.FOLLOWUP}]}"));
		body("POST", b + "/feedback",
				json("{\"text\":\"Hijacked\",\"customerId\":${CUSTOMER},\"contactId\":${B.CONTACT}}"));
		body("PUT", b + "/feedback/${SPARE}/customer", json("{\"customerId\":${B.CUSTOMER}}"));
		body("PUT", b + "/feedback/${SPARE}/customer", json("{\"customerId\":${CUSTOMER},\"contactId\":${B.CONTACT}}"));
		body("POST", b + "/feedback/${SPARE}/links", json("{\"item\":\"${B.ITEM1}\",\"importance\":\"CRITICAL\"}"));
		body("POST", b + "/feedback/${SPARE}/merge", json("{\"into\":${B.FEEDBACK}}"));
		body("POST", b + "/portal/ideas/${IDEA}/merge", json("{\"into\":${B.IDEA}}"));
		String poker = b + "/refinement/sessions";
		body("POST", poker, json("{\"items\":[\"${ITEM1}\",\"${B.ITEM1}\"]}"));
		body("POST", poker + "/${SESSION}/vote", json("{\"item\":\"${B.ITEM1}\",\"card\":\"3\"}"));
		body("POST", poker + "/${SESSION}/accept", json("{\"item\":\"${B.ITEM1}\",\"estimate\":3}"));
		for (String action : List.of("reveal", "revote", "skip")) {
			body("POST", poker + "/${SESSION}/" + action, json("{\"item\":\"${B.ITEM1}\"}"));
		}
		body("POST", b + "/feedback/bulk", json("{\"ids\":[${B.SPARE}],\"status\":\"TRIAGED\"}"));
		body("POST", b + "/feedback/bulk", json("{\"ids\":[${SPARE}],\"item\":\"${B.ITEM1}\"}"));
		body("GET", b + "/feedback", none().query("customer=${B.CUSTOMER}"));
		body("POST", b + "/items", json("{\"type\":\"STORY\",\"title\":\"Hijacked\",\"parent\":\"${B.ITEM3}\"}"));
		body("POST", b + "/items",
				json("{\"type\":\"STORY\",\"title\":\"Hijacked\",\"position\":\"after\",\"target\":\"${B.ITEM2}\"}"));
		body("GET", b + "/items", none().query("parent=${B.ITEM3}"));
		body("PUT", item,
				json("{\"type\":\"STORY\",\"title\":\"Hijacked\",\"parent\":\"${B.ITEM3}\"}").ifMatch("${V_ITEM1}"));
		body("PATCH", item, json("{\"parent\":\"${B.ITEM3}\"}").ifMatch("${V_ITEM1}"));
		body("POST", item + "/move", json("{\"position\":\"before\",\"target\":\"${B.ITEM2}\"}"));
		body("POST", item + "/dependencies", json("{\"kind\":\"DEPENDS_ON\",\"target\":\"${B.ITEM3}\"}"));
		body("PUT", item + "/release", json("{\"releaseId\":${B.RELEASE}}"));
		body("PUT", item + "/release", json("{\"sprintId\":${B.SPRINT}}"));
		body("POST", b + "/bulk-changes", json("{\"items\":[\"${ITEM1}\"],\"release\":{\"id\":${B.RELEASE}}}"));
		body("POST", b + "/bulk-changes", json("{\"items\":[\"${ITEM1}\"],\"sprint\":{\"id\":${B.SPRINT}}}"));
		body("POST", b + "/bulk-changes", json("{\"items\":[\"${B.ITEM1}\"],\"release\":{\"id\":${RELEASE}}}"));
		body("POST", b + "/sprints", json("{\"name\":\"Hijacked\",\"start\":\"2027-02-01\",\"end\":\"2027-02-14\","
				+ "\"releaseId\":${B.RELEASE}}"));
		body("PUT", item + "/objectives", json("{\"objectives\":[${B.OBJECTIVE}]}"));
		body("PUT", item + "/assignee", json("{\"memberId\":${B.MEMBER}}"));
		body("PUT", b + "/team/${MEMBER}/days-off", json("{\"sprintId\":${B.SPRINT},\"days\":2}"));
		body("GET", item + "/suggested-assignees", none().query("sprint=${B.SPRINT}"));
		body("POST", b + "/sprints/${SPRINT}/close", json("{\"nextSprintId\":${B.SPRINT}}"));
		body("POST", b + "/sprints/${SPRINT}/review", json("{\"item\":\"${B.ITEM1}\",\"accepted\":true}"));
		body("GET", b + "/scores", none().query("model=${B.MODEL}"));
		body("GET", b + "/priority-map", none().query("model=${B.MODEL}"));
		body("GET", b + "/priority-map", none().query("objective=${B.OBJECTIVE}"));
		body("GET", b + "/roadmap", none().query("objective=${B.OBJECTIVE}"));
		body("GET", b + "/forecast", none().query("epic=${B.ITEM3}"));
		body("GET", b + "/forecast", none().query("above=${B.ITEM1}"));
		body("GET", b + "/critical-path", none().query("epic=${B.ITEM3}"));
		body("GET", b + "/dependency-graph", none().query("epic=${B.ITEM3}"));
		String leaves = "{\"kind\":\"MEMBER_LEAVES\",\"memberId\":${B.MEMBER},\"from\":\"2027-01-05\"}";
		body("POST", b + "/scenarios", json("{\"name\":\"Hijacked\",\"changes\":[" + leaves + "]}"));
		body("POST", b + "/scenarios",
				json("{\"name\":\"Hijacked\",\"changes\":[{\"kind\":\"SPRINT_LOST\",\"sprintId\":${B.SPRINT}}]}"));
		body("POST", b + "/scenarios", json("{\"name\":\"Hijacked\",\"changes\":[{\"kind\":\"RELEASE_CAPACITY\","
				+ "\"releaseId\":${B.RELEASE},\"capacity\":5}]}"));
		body("PUT", b + "/scenarios/${SCENARIO}",
				json("{\"name\":\"Hijacked\",\"changes\":[" + leaves + "]}").ifMatch("${V_SCENARIO}"));
		body("GET", b + "/scenarios/compare", none().query("ids=${B.SCENARIO}"));
		body("POST", b + "/plans", json("{\"releases\":[${B.RELEASE}],\"timeLimitSeconds\":1}"));
		body("POST", b + "/plans", json("{\"mustInclude\":[\"${B.ITEM1}\"],\"timeLimitSeconds\":1}"));
		body("POST", b + "/plans", json("{\"mustExclude\":[\"${B.ITEM1}\"],\"timeLimitSeconds\":1}"));
		body("POST", b + "/plans", json("{\"fixedRelease\":{\"${ITEM1}\":${B.RELEASE}},\"timeLimitSeconds\":1}"));
		body("POST", b + "/plans", json("{\"value\":\"TYPED\",\"values\":{\"${B.ITEM1}\":5},\"timeLimitSeconds\":1}"));
		String themes = b + "/insights/themes/${THEME}";
		body("POST", themes + "/merge", json("{\"into\":${B.THEME}}"));
		body("POST", themes + "/feedback", json("{\"feedbackIds\":[${B.FEEDBACK}]}"));
		body("GET", b + "/insights/weeks/" + MONDAY, none().query("theme=${B.THEME}"));
	}

	private static void bodyPages() {
		String p = "/p/${KEY}";
		body("POST", p + "/feedback", form("text", "Hijacked", "customerId", "${B.CUSTOMER}"));
		body("POST", p + "/scenarios/${SCENARIO}/changes", form("version", "${V_SCENARIO}", "kind", "DAYS_OFF",
				"memberId", "${B.MEMBER}", "sprintId", "${SPRINT}", "days", "1"));
		body("GET", p + "/scenarios/compare", none().query("ids=${B.SCENARIO}"));
		body("POST", p + "/feedback/${SPARE}/customer", form("customerId", "${B.CUSTOMER}"));
		body("POST", p + "/feedback/${SPARE}/links", form("item", "${B.ITEM1}"));
		body("POST", p + "/feedback/${SPARE}/merge", form("into", "${B.FEEDBACK}"));
		body("POST", p + "/portal/ideas/${IDEA}/merge", form("into", "${B.IDEA}"));
		body("POST", p + "/refinement/sessions", form("items", "${ITEM1}", "items", "${B.ITEM1}"));
		body("POST", p + "/refinement/sessions/${SESSION}/vote", form("item", "${B.ITEM1}", "card", "3"));
		body("POST", p + "/feedback/bulk", form("ids", "${B.SPARE}", "action", "TRIAGED"));
		body("POST", p + "/followups/send", form("ids", "${B.FOLLOWUP}"));
		body("POST", p + "/feedback/bulk", form("ids", "${SPARE}", "action", "LINK", "item", "${B.ITEM1}"));
		body("GET", p + "/feedback", none().query("status=ALL&customer=${B.CUSTOMER}"));
		body("GET", p + "/backlog", none().query("parent=${B.ITEM3}"));
		body("POST", p + "/backlog/move", form("item", "${B.ITEM1}", "position", "top"));
		body("POST", p + "/backlog/move", form("item", "${ITEM1}", "position", "before", "target", "${B.ITEM2}"));
		body("POST", p + "/items/${ITEM1}/edit",
				form("type", "STORY", "title", "Hijacked", "parent", "${B.ITEM3}", "version", "${V_ITEM1}"));
		body("POST", p + "/items/${ITEM1}/dependencies", form("kind", "DEPENDS_ON", "target", "${B.ITEM3}"));
		body("POST", p + "/items/${ITEM1}/dependencies/remove", form("kind", "DEPENDS_ON", "target", "${B.ITEM2}"));
		body("POST", p + "/backlog/items/${ITEM1}/release", form("release", "${B.RELEASE}"));
		body("POST", p + "/backlog/items/${ITEM1}/sprint", form("sprint", "${B.SPRINT}"));
		body("POST", p + "/backlog/bulk", form("items", "${ITEM1}", "release", "${B.RELEASE}"));
		body("POST", p + "/backlog/bulk", form("items", "${ITEM1}", "sprint", "${B.SPRINT}"));
		body("POST", p + "/releases/assign", form("item", "${ITEM1}", "release", "${B.RELEASE}"));
		body("POST", p + "/releases/assign", form("item", "${ITEM1}", "sprint", "${B.SPRINT}"));
		body("POST", p + "/releases/assign", form("item", "${B.ITEM1}", "release", "${RELEASE}"));
		body("POST", p + "/sprints",
				form("name", "Hijacked", "start", "2027-02-01", "end", "2027-02-14", "releaseId", "${B.RELEASE}"));
		body("POST", p + "/team/${MEMBER}/days-off", form("sprint", "${B.SPRINT}", "days", "2"));
		body("POST", p + "/sprints/${SPRINT}/assignee", form("item", "${B.ITEM1}", "member", "${MEMBER}"));
		body("POST", p + "/sprints/${SPRINT}/assignee", form("item", "${ITEM1}", "member", "${B.MEMBER}"));
		body("POST", p + "/sprints/${SPRINT}/close", form("nextSprintId", "${B.SPRINT}"));
		body("POST", p + "/sprints/${SPRINT}/review", form("item", "${B.ITEM1}", "verdict", "accept"));
		body("POST", p + "/plans", form("mustInclude", "${B.ITEM1}", "timeLimit", "1"));
		body("POST", p + "/plans", form("value", "TYPED", "values", "${B.ITEM1} 5", "timeLimit", "1"));
		body("GET", p + "/plans", none().query("a=${B.PLAN}&b=${PLAN}"));
		body("GET", p + "/scoring", none().query("model=${B.MODEL}"));
		body("GET", p + "/priority-map", none().query("model=${B.MODEL}"));
		body("GET", p + "/priority-map", none().query("objective=${B.OBJECTIVE}"));
		body("GET", p + "/roadmap", none().query("objective=${B.OBJECTIVE}"));
		body("POST", p + "/roadmap/align", form("item", "${ITEM1}", "objective", "${B.OBJECTIVE}"));
		body("POST", p + "/roadmap/align", form("item", "${B.ITEM1}", "objective", "${OBJECTIVE}"));
		body("POST", p + "/items/${ITEM1}/objectives", form("objectives", "${B.OBJECTIVE}"));
		body("GET", p + "/team", none().query("sprint=${B.SPRINT}"));
		body("GET", p + "/team", none().query("release=${B.RELEASE}"));
		body("GET", p + "/scoring/models", none().query("edit=${B.MODEL}"));
		body("POST", p + "/scoring/models", form("id", "${B.MODEL}", "version", "${B.V_MODEL}", "name", "Hijacked",
				"formula", "SUM", "ckey", "v", "clabel", "V", "crole", "BENEFIT", "cscale", "fibonacci"));
		body("GET", p + "/dependencies", none().query("epic=${B.ITEM3}"));
		String themes = p + "/insights/themes/${THEME}";
		body("POST", themes + "/merge", form("into", "${B.THEME}"));
		body("POST", themes + "/move", form("feedbackIds", "${B.FEEDBACK}", "to", "${THEME}"));
		body("POST", themes + "/move", form("feedbackIds", "${FEEDBACK}", "to", "${B.THEME}"));
		body("GET", p + "/insights/week", none().query("week=" + MONDAY + "&filter=theme=${B.THEME}"));
	}

}
