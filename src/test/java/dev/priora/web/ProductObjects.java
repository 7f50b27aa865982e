package dev.priora.web;

import static dev.priora.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.priora.accounts.UserId;
import dev.priora.feedback.PublicForms;
import dev.priora.support.ApiClient.Response;
import dev.priora.support.ApiClient;

/**
 * Seeds a product with one object of every kind a route can name (items, feedback,
 * customer and contact, release, sprint, plans, a scenario, webhook and delivery, scoring
 * model, objective, public form, share link, team member, a member's role, import jobs,
 * an applied order and a feedback theme) and answers their ids by name ({@code ITEM1},
 * {@code RELEASE} …), with the versions of the versioned ones ({@code V_ITEM1} …). Every
 * text the product holds contains its {@code marker}, so that an answer about another
 * product can be searched for it.
 */
final class ProductObjects {

	private final ApiClient api;

	private final String key;

	private final String marker;

	private final Map<String, String> ids = new LinkedHashMap<>();

	private ProductObjects(ApiClient api, String key, String marker) {
		this.api = api;
		this.key = key;
		this.marker = marker;
	}

	/**
	 * Creates product {@code key} as the caller of {@code api} and fills it;
	 * {@code hookUrl} receives its webhook's deliveries and {@code member} gets a role in
	 * it.
	 */
	static Map<String, String> seed(ApiClient api, String key, String marker, String hookUrl, String memberEmail,
			UserId member, PublicForms forms, UserId owner) throws InterruptedException {
		ProductObjects p = new ProductObjects(api, key, marker);
		p.ok(api.post("/api/v1/products", "{\"key\":\"" + key + "\",\"name\":\"Product " + key + "\"}"));
		p.ids.put("KEY", key);
		p.backlog();
		p.feedback();
		p.followup();
		p.refinement();
		p.planning();
		p.scoring();
		p.roadmapAndTeam();
		p.ok(api.put(p.base() + "/members", "{\"email\":\"" + memberEmail + "\",\"role\":\"VIEWER\"}", null));
		p.ids.put("USER", String.valueOf(member.value()));
		forms.create(key, owner);
		p.ids.put("FORM", String.valueOf(forms.forms(key).get(0).id()));
		p.jobs();
		p.themes();
		p.webhook(hookUrl);
		p.versions();
		return p.ids;
	}

	private String base() {
		return "/api/v1/products/" + key;
	}

	private void backlog() {
		String items = base() + "/items";
		ok(api.post(items, "{\"type\":\"STORY\",\"title\":\"" + marker + " story\",\"estimate\":3,"
				+ "\"labels\":[\"ui\"],\"acceptanceCriteria\":[{\"statement\":\"" + marker + " criterion\"}]}"));
		ok(api.post(items, "{\"type\":\"STORY\",\"title\":\"" + marker + " prerequisite\",\"estimate\":2}"));
		ok(api.post(items, "{\"type\":\"EPIC\",\"title\":\"" + marker + " epic\"}"));
		ids.put("ITEM1", key + "-1");
		ids.put("ITEM2", key + "-2");
		ids.put("ITEM3", key + "-3");
		ok(api.post(items + "/" + key + "-1/dependencies", "{\"kind\":\"DEPENDS_ON\",\"target\":\"" + key + "-2\"}"));
		ok(api.post(items + "/" + key + "-1/comments", "{\"body\":\"" + marker + " comment\"}"));
	}

	private void feedback() {
		Response customer = ok(api.post(base() + "/customers",
				"{\"name\":\"" + marker + " customer\",\"segment\":\"" + marker + " segment\",\"revenue\":120000,"
						+ "\"currency\":\"EUR\",\"contacts\":[{\"name\":\"" + marker + " contact\",\"email\":\"c@"
						+ key.toLowerCase() + ".test\"}]}"));
		ids.put("CUSTOMER", customer.json().get("id").asText());
		ids.put("CONTACT", customer.json().get("contacts").get(0).get("id").asText());
		ids.put("FEEDBACK", id(api.post(base() + "/feedback", "{\"text\":\"" + marker + " feedback\",\"customerId\":"
				+ ids.get("CUSTOMER") + ",\"contactId\":" + ids.get("CONTACT") + "}")));
		ids.put("SPARE", id(api.post(base() + "/feedback", "{\"text\":\"" + marker + " spare feedback\"}")));
		ok(api.post(base() + "/feedback/" + ids.get("FEEDBACK") + "/links",
				"{\"item\":\"" + key + "-1\",\"importance\":\"CRITICAL\",\"quote\":\"" + marker + " quote\"}"));
	}

	/** A message drafted to the feedback's contact: an item it is linked to is done. */
	private void followup() {
		String items = base() + "/items";
		String item = ok(api.post(items,
				"{\"type\":\"STORY\",\"title\":\"" + marker + " asked for\",\"estimate\":2,\"description\":\"" + marker
						+ " why\",\"acceptanceCriteria\":[{\"statement\":\"" + marker + " works\"}]}"))
			.json()
			.get("key")
			.asText();
		ok(api.post(base() + "/feedback/" + ids.get("FEEDBACK") + "/links",
				"{\"item\":\"" + item + "\",\"importance\":\"IMPORTANT\"}"));
		for (String status : new String[] { "READY", "IN_PROGRESS", "DONE" }) {
			ok(api.patch(items + "/" + item, "{\"status\":\"" + status + "\"}", api.get(items + "/" + item).etag()));
		}
		ids.put("FOLLOWUP", ok(api.get(base() + "/followups")).json().get(0).get("id").asText());
	}

	/** An open planning poker session of the first two items. */
	private void refinement() {
		ids.put("SESSION", id(api.post(base() + "/refinement/sessions",
				"{\"name\":\"" + marker + " session\",\"items\":[\"" + key + "-1\",\"" + key + "-2\"]}")));
	}

	private void planning() throws InterruptedException {
		ids.put("RELEASE", id(api.post(base() + "/releases", "{\"name\":\"" + marker + " release\",\"capacity\":20}")));
		ids.put("SPRINT",
				id(api.post(base() + "/sprints", "{\"name\":\"" + marker + " sprint\",\"start\":\"2027-01-04\","
						+ "\"end\":\"2027-01-17\",\"capacity\":10,\"releaseId\":" + ids.get("RELEASE") + "}")));
		ok(api.put(base() + "/items/" + key + "-1/release",
				"{\"releaseId\":" + ids.get("RELEASE") + ",\"sprintId\":" + ids.get("SPRINT") + "}", null));
		ok(api.put(base() + "/releases/" + ids.get("RELEASE") + "/release-notes",
				"{\"markdown\":\"" + marker + " notes\"}", null));
		ok(api.post(base() + "/releases/" + ids.get("RELEASE") + "/decisions",
				"{\"decision\":\"CONTINUE\",\"note\":\"" + marker + " decision\"}"));
		ids.put("PLAN", id(api.post(base() + "/plans", "{\"name\":\"" + marker + " plan\",\"timeLimitSeconds\":1}")));
		ids.put("OTHERPLAN",
				id(api.post(base() + "/plans", "{\"name\":\"" + marker + " other plan\",\"timeLimitSeconds\":1}")));
		ids.put("SCENARIO",
				id(api.post(base() + "/scenarios", "{\"name\":\"" + marker + " scenario\",\"timeLimitSeconds\":1,"
						+ "\"changes\":[{\"kind\":\"SPRINT_LOST\",\"sprintId\":" + ids.get("SPRINT") + "}]}")));
		ids.put("V_SCENARIO", ok(api.get(base() + "/scenarios/" + ids.get("SCENARIO"))).json().get("version").asText());
		ok(api.post(base() + "/scenarios/" + ids.get("SCENARIO") + "/run", ""));
		await(() -> !"QUEUED RUNNING"
			.contains(api.get(base() + "/scenarios/" + ids.get("SCENARIO")).json().get("state").asText()),
				"scenario of " + key + " finishes");
		for (String plan : new String[] { "PLAN", "OTHERPLAN" }) {
			await(() -> !"QUEUED RUNNING"
				.contains(api.get(base() + "/plans/" + ids.get(plan)).json().get("state").asText()),
					"plan " + plan + " of " + key + " finishes");
		}
	}

	private void scoring() {
		ids.put("MODEL",
				id(api.post(base() + "/scoring-models",
						"{\"name\":\"" + marker
								+ " model\",\"definition\":{\"formula\":\"SUM\",\"criteria\":[{\"key\":\"v\","
								+ "\"label\":\"V\",\"role\":\"BENEFIT\",\"scale\":{\"type\":\"fibonacci\"}}]}}")));
		ok(api.put(base() + "/items/" + key + "-1/scores/" + ids.get("MODEL"), "{\"inputs\":{\"v\":\"8\"}}", null));
		ok(api.put(base() + "/items/" + key + "-2/pin", null, null));
		String basis = ok(api.get(base() + "/priority-order")).json().get("basis").asText();
		ids.put("CHANGE", id(api.post(base() + "/priority-order", "{\"basis\":\"" + basis + "\"}")));
		ids.put("BULK",
				ok(api.post(base() + "/bulk-changes", "{\"items\":[\"" + key + "-3\"],\"label\":\"sweep\"}")).json()
					.get("changeId")
					.asText());
	}

	private void roadmapAndTeam() {
		ok(api.put(base() + "/goal", "{\"goal\":\"" + marker + " goal\"}", null));
		ids.put("OBJECTIVE", id(api.post(base() + "/objectives", "{\"title\":\"" + marker + " objective\"}")));
		ok(api.put(base() + "/items/" + key + "-1/objectives", "{\"objectives\":[" + ids.get("OBJECTIVE") + "]}",
				null));
		ok(api.post(base() + "/roadmap/comments", "{\"body\":\"" + marker + " roadmap comment\"}"));
		ok(api.post(base() + "/roadmap/links", "{\"days\":30}"));
		ids.put("LINK", ok(api.get(base() + "/roadmap/links")).json().get(0).get("id").asText());
		ids.put("MEMBER", id(
				api.post(base() + "/team", "{\"name\":\"" + marker + " member\",\"capacity\":8,\"skills\":[\"ui\"]}")));
		ok(api.put(base() + "/team/" + ids.get("MEMBER") + "/days-off",
				"{\"sprintId\":" + ids.get("SPRINT") + ",\"days\":1}", null));
		ok(api.put(base() + "/items/" + key + "-1/assignee", "{\"memberId\":" + ids.get("MEMBER") + "}", null));
	}

	private void jobs() throws InterruptedException {
		ids.put("FJOB",
				ok(api.postFile(base() + "/feedback/import?text=body&async=true",
						("body\n" + marker + " imported feedback\n").getBytes(StandardCharsets.UTF_8), "text/csv"))
					.json()
					.get("id")
					.asText());
		ids.put("BJOB",
				ok(api.postFile(base() + "/imports/github?async=true",
						("[{\"number\": 1, \"title\": \"" + marker + " issue\", \"state\": \"open\"}]")
							.getBytes(StandardCharsets.UTF_8),
						"application/json"))
					.json()
					.get("id")
					.asText());
		await(() -> finished(base() + "/feedback/imports/" + ids.get("FJOB")), "feedback import of " + key);
		await(() -> finished(base() + "/imports/" + ids.get("BJOB")), "backlog import of " + key);
	}

	/**
	 * The product's feedback themes, from a recompute (its few feedback make one theme).
	 */
	private void themes() {
		ok(api.post(base() + "/insights/recompute", null));
		await(() -> ok(api.get(base() + "/insights/themes")).json().size() > 0, "the themes of " + key);
		ids.put("THEME", ok(api.get(base() + "/insights/themes")).json().get(0).get("id").asText());
	}

	private boolean finished(String job) {
		return !"QUEUED RUNNING".contains(api.get(job).json().get("state").asText());
	}

	private void webhook(String url) throws InterruptedException {
		ids.put("WEBHOOK",
				id(api.post(base() + "/webhooks", "{\"url\":\"" + url + "\",\"events\":[\"item.created\"]}")));
		String hook = base() + "/webhooks/" + ids.get("WEBHOOK");
		ids.put("DELIVERY", id(api.post(hook + "/ping", null)));
		await(() -> "DELIVERED".equals(api.get(hook + "/deliveries").json().get(0).get("state").asText()),
				"the ping of " + key + " is delivered");
	}

	private void versions() {
		ids.put("V_ITEM1", ok(api.get(base() + "/items/" + key + "-1")).json().get("version").asText());
		ids.put("V_CUSTOMER", ok(api.get(base() + "/customers/" + ids.get("CUSTOMER"))).json().get("version").asText());
		ids.put("V_FEEDBACK", ok(api.get(base() + "/feedback/" + ids.get("FEEDBACK"))).json().get("version").asText());
		ids.put("V_RELEASE", ok(api.get(base() + "/releases/" + ids.get("RELEASE"))).json().get("version").asText());
		ids.put("V_FOLLOWUP", ok(api.get(base() + "/followups/" + ids.get("FOLLOWUP"))).json().get("version").asText());
		ids.put("V_MODEL", ok(api.get(base() + "/scoring-models/" + ids.get("MODEL"))).json().get("version").asText());
	}

	private String id(Response r) {
		return ok(r).json().get("id").asText();
	}

	private Response ok(Response r) {
		assertThat(r.status()).as("seeding %s: %s", key, r.text()).isBetween(200, 299);
		return r;
	}

	private static void await(Callable<Boolean> done, String what) {
		eventually().alias(what).until(done);
	}

}
