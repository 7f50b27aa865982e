package dev.priora.feedback.web;

import static dev.priora.support.Fixtures.aCustomer;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aStory;
import static dev.priora.support.Fixtures.someFeedback;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.priora.support.ApiClient.Response;
import dev.priora.support.ApiClient;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestProduct;
import tools.jackson.databind.JsonNode;

class FeedbackApiIntegrationTest extends IntegrationTestBase {

	private static final String BASE = "/api/v1/products/SHOP";

	private long customer(ApiClient api, String name, String segment, int revenue) {
		Response r = api.post(BASE + "/customers",
				"{\"name\":\"" + name + "\",\"segment\":\"" + segment + "\",\"revenue\":" + revenue
						+ ",\"currency\":\"eur\",\"contacts\":[{\"name\":\"Ann\",\"email\":\"ann@"
						+ name.toLowerCase().replace(' ', '-') + ".test\"}]}");
		assertThat(r.status()).as(r.text()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	private long feedback(ApiClient api, String json) {
		Response r = api.post(BASE + "/feedback", json);
		assertThat(r.status()).as(r.text()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	@Test
	void managesCustomersWithVersions() {
		ApiClient api = api();
		long id = customer(api, "Acme Retail", "Enterprise", 120000);
		Response got = api.get(BASE + "/customers/" + id);
		assertThat(got.json().get("currency").asText()).isEqualTo("EUR");
		assertThat(got.json().get("contacts").get(0).get("email").asText()).isEqualTo("ann@acme-retail.test");
		String body = "{\"name\":\"Acme Retail Group\",\"segment\":\"Enterprise\",\"revenue\":150000,\"currency\":\"EUR\"}";
		assertThat(api.put(BASE + "/customers/" + id, body, got.etag()).status()).isEqualTo(200);
		assertThat(api.put(BASE + "/customers/" + id, body, got.etag()).status()).isEqualTo(412);
		Response noCurrency = api.post(BASE + "/customers", "{\"name\":\"X\",\"revenue\":5}");
		assertThat(noCurrency.status()).isEqualTo(400);
		assertThat(noCurrency.json().get("errors").toString()).contains("currency");
		long unused = customer(api, "Short Lived", "SMB", 1);
		assertThat(api.delete(BASE + "/customers/" + unused, null).status()).isEqualTo(204);
		assertThat(api.get(BASE + "/customers/" + unused).status()).isEqualTo(404);
	}

	@Test
	void takesInFeedbackAndTriagesIt() {
		ApiClient api = api();
		long acme = customer(api, "Triage Co", "Mid-market", 50000);
		Response missing = api.post(BASE + "/feedback", "{\"title\":\"no text\"}");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("errors").toString()).contains("\"text\"");
		assertThat(api.post(BASE + "/feedback", "{\"text\":\"x\",\"customerId\":999999}").status()).isEqualTo(400);
		long id = feedback(api, "{\"title\":\"Invoices in PDF\",\"text\":\"We need PDF invoices for our accountants\","
				+ "\"customerId\":" + acme + ",\"tags\":[\"Billing\"]}");
		JsonNode f = api.get(BASE + "/feedback/" + id).json();
		assertThat(f.get("status").asText()).isEqualTo("NEW");
		assertThat(f.get("channel").asText()).isEqualTo("API");
		assertThat(f.get("tags").toString()).isEqualTo("[\"billing\"]");
		assertThat(f.get("customerName").asText()).isEqualTo("Triage Co");
		assertThat(ids(api.get(BASE + "/feedback?tag=billing&status=NEW").json())).contains(id);
		assertThat(ids(api.get(BASE + "/feedback?segment=Mid-market").json())).containsExactly(id);
		assertThat(ids(api.get(BASE + "/feedback?status=ARCHIVED").json())).doesNotContain(id);
		assertThat(api.patch(BASE + "/feedback/" + id, "{\"status\":\"TRIAGED\"}", "\"0\"").status()).isEqualTo(200);
		assertThat(api.patch(BASE + "/feedback/" + id, "{\"status\":\"LINKED\"}", "\"1\"").status()).isEqualTo(409);
		assertThat(api.patch(BASE + "/feedback/" + id, "{\"status\":\"DECLINED\"}", "\"0\"").status()).isEqualTo(412);
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("feedback").forEach(f -> ids.add(f.get("id").asLong()));
		return ids;
	}

	@Test
	void suggestsSimilarFeedbackAndTheItemItProbablyBelongsTo() {
		ApiClient api = api();
		long first = feedback(api, "{\"title\":\"Apple Pay on iPhone\",\"text\":\"Let shoppers pay with Apple Pay from "
				+ "their phones, typing card numbers on mobile is painful\"}");
		feedback(api, "{\"title\":\"Dark theme\",\"text\":\"The admin is too bright at night\"}");
		long second = feedback(api, "{\"title\":\"Wallet payments\",\"text\":\"Our customers want to check out with "
				+ "their phone wallet instead of entering a credit card\"}");
		JsonNode similar = api.get(BASE + "/feedback/" + second + "/similar?limit=5").json();
		List<String> found = new ArrayList<>();
		similar.forEach(s -> found.add(s.get("kind").asText() + ":"
				+ (s.get("kind").asText().equals("item") ? s.get("itemKey").asText() : s.get("feedbackId").asText())));
		assertThat(found).contains("feedback:" + first).contains("item:SHOP-5").doesNotContain("feedback:" + second);
		assertThat(similar.get(0).get("score").asDouble()).isBetween(0.0, 1.0);
		JsonNode byText = api.post(BASE + "/similar?limit=3", "{\"text\":\"pay with google pay or apple pay\"}").json();
		assertThat(byText.toString()).contains("SHOP-5");
		assertThat(api.post(BASE + "/similar", "{\"text\":\"\"}").status()).isEqualTo(400);
	}

	@Test
	void linksFeedbackToItemsAndCountsEachCustomerOnceInDemand() {
		ApiClient api = api();
		// an item of its own: the demo feedback asks for the demo's items
		String item = api.post(BASE + "/items", "{\"type\":\"STORY\",\"title\":\"Direct debit for demand\"}")
			.json()
			.get("key")
			.asText();
		long big = customer(api, "Big Buyer", "Enterprise", 200000);
		long small = customer(api, "Small Shop", "SMB", 10000);
		long a1 = feedback(api, "{\"text\":\"Need direct debit\",\"customerId\":" + big + "}");
		long a2 = feedback(api, "{\"text\":\"SEPA please, urgently\",\"customerId\":" + big + "}");
		long b1 = feedback(api, "{\"text\":\"Direct debit would help us\",\"customerId\":" + small + "}");
		long anon = feedback(api, "{\"text\":\"direct debit!\"}");
		link(api, item, a1, "NICE_TO_HAVE", "direct debit");
		link(api, item, a2, "CRITICAL", "urgently");
		link(api, item, b1, "IMPORTANT", "");
		link(api, item, anon, "IMPORTANT", "");
		assertThat(api.get(BASE + "/feedback/" + a2).json().get("status").asText()).isEqualTo("LINKED");
		JsonNode demand = api.get(BASE + "/items/" + item + "/demand").json();
		assertThat(demand.get("customers").asInt()).isEqualTo(2);
		assertThat(demand.get("importance").asInt()).isEqualTo(3 + 2);
		assertThat(demand.get("revenue").get("EUR").decimalValue()).isEqualByComparingTo("210000");
		assertThat(demand.get("segments").get("Enterprise").get("importance").asInt()).isEqualTo(3);
		assertThat(demand.get("segments").get("SMB").get("customers").asInt()).isEqualTo(1);
		assertThat(demand.get("anonymousFeedback").asInt()).isEqualTo(1);

		JsonNode merged = api.post(BASE + "/feedback/" + a1 + "/merge", "{\"into\":" + a2 + "}").json();
		assertThat(merged.get("id").asLong()).isEqualTo(a2);
		assertThat(api.get(BASE + "/feedback/" + a1).json().get("mergedInto").asLong()).isEqualTo(a2);
		assertThat(api.get(BASE + "/feedback/" + a1).json().get("text").asText()).isEqualTo("Need direct debit");
		assertThat(api.get(BASE + "/items/" + item + "/demand").json().get("customers").asInt()).isEqualTo(2);
		assertThat(api.post(BASE + "/feedback/" + a1 + "/merge", "{\"into\":" + b1 + "}").status()).isEqualTo(409);

		assertThat(api.delete(BASE + "/feedback/" + b1 + "/links/" + item + "", null).json().get("status").asText())
			.isEqualTo("TRIAGED");
		assertThat(api.get(BASE + "/items/" + item + "/demand").json().get("customers").asInt()).isEqualTo(1);
		assertThat(api.post(BASE + "/feedback/" + b1 + "/links", "{\"item\":\"SHOP-999\",\"importance\":\"CRITICAL\"}")
			.status()).isEqualTo(400);
		assertThat(api.delete(BASE + "/customers/" + big, null).status()).isEqualTo(409);
	}

	@Test
	void backlogSortsAndFiltersByDemandKeptUpToDate() {
		ApiClient api = api();
		TestProduct product = aProduct("DMD").named("Demand").createdBy(api);
		String base = "/api/v1/products/DMD";
		for (String title : List.of("First by rank", "Second by rank", "Third by rank")) {
			aStory(title).in(product);
		}
		long one = aCustomer("One").revenue(1000).currency("USD").in(product);
		long two = aCustomer("Two").revenue(3000).currency("USD").in(product);
		long f1 = someFeedback("a").from(one).in(product);
		long f2 = someFeedback("b").from(two).in(product);
		long f3 = someFeedback("c").from(two).in(product);
		api.post(base + "/feedback/" + f1 + "/links", "{\"item\":\"DMD-3\",\"importance\":\"CRITICAL\"}");
		api.post(base + "/feedback/" + f2 + "/links", "{\"item\":\"DMD-3\",\"importance\":\"IMPORTANT\"}");
		api.post(base + "/feedback/" + f3 + "/links", "{\"item\":\"DMD-2\",\"importance\":\"NICE_TO_HAVE\"}");

		assertThat(keys(api.get(base + "/items").json())).containsExactly("DMD-1", "DMD-2", "DMD-3");
		JsonNode byDemand = api.get(base + "/items?order=DEMAND&limit=2").json();
		assertThat(keys(byDemand)).containsExactly("DMD-3", "DMD-2");
		JsonNode top = byDemand.get("items").get(0).get("demand");
		assertThat(top.get("customers").asInt()).isEqualTo(2);
		assertThat(top.get("importance").asInt()).isEqualTo(5);
		assertThat(top.get("revenue").decimalValue()).isEqualByComparingTo("4000");
		assertThat(top.get("currency").asText()).isEqualTo("USD");
		String cursor = byDemand.get("nextCursor").asText();
		assertThat(keys(api.get(base + "/items?order=DEMAND&limit=2&cursor=" + cursor).json()))
			.containsExactly("DMD-1");
		assertThat(keys(api.get(base + "/items?minCustomers=2").json())).containsExactly("DMD-3");
		assertThat(api.get(base + "/items?minCustomers=-1").status()).isEqualTo(400);
		assertThat(api.get(base + "/items?order=DEMAND&cursor=" + cursor.substring(1)).status()).isEqualTo(400);

		// a customer's revenue change reaches the items they asked for
		Response c = api.get(base + "/customers/" + two);
		api.put(base + "/customers/" + two, "{\"name\":\"Two\",\"revenue\":9000,\"currency\":\"USD\"}", c.etag());
		assertThat(api.get(base + "/items?minCustomers=2")
			.json()
			.get("items")
			.get(0)
			.get("demand")
			.get("revenue")
			.decimalValue()).isEqualByComparingTo("10000");
		// unlinking drops the demand
		api.delete(base + "/feedback/" + f3 + "/links/DMD-2", null);
		assertThat(keys(api.get(base + "/items?minCustomers=1").json())).containsExactly("DMD-3");
	}

	@Test
	void turnsPastedEmailsIntoFeedbackFromTheirSenders() {
		ApiClient api = api();
		aProduct("EML").named("Email").createdBy(api);
		String base = "/api/v1/products/EML";
		long acme = api
			.post(base + "/customers",
					"{\"name\":\"Acme\",\"contacts\":[{\"name\":\"Ann\",\"email\":\"ann@acme.example\"}]}")
			.json()
			.get("id")
			.asLong();
		String known = "From: Ann Smith <Ann@Acme.example>\nTo: support@shop.test\nSubject: =?UTF-8?Q?Export_f=C3=BCr_Excel?=\n"
				+ "Date: Tue, 5 Mar 2024 10:15:00 +0100\nContent-Type: text/plain; charset=UTF-8\n\n"
				+ "Hello, we need an Excel export of all orders.\n\n-- \nAnn, Acme purchasing\n";
		Response r = api.post(base + "/feedback/email", ApiClient.json(java.util.Map.of("email", known)));
		assertThat(r.status()).as(r.text()).isEqualTo(201);
		assertThat(r.json().get("match").asText()).isEqualTo("CONTACT");
		JsonNode f = r.json().get("feedback");
		assertThat(f.get("title").asText()).isEqualTo("Export für Excel");
		assertThat(f.get("text").asText()).isEqualTo("Hello, we need an Excel export of all orders.");
		assertThat(f.get("customerId").asLong()).isEqualTo(acme);
		assertThat(f.get("channel").asText()).isEqualTo("EMAIL");
		assertThat(f.get("receivedAt").asText()).isEqualTo("2024-03-05T09:15:00Z");
		assertThat(f.get("submitterEmail").asText()).isEqualTo("ann@acme.example");

		String colleague = "From: Bob <bob@acme.example>\nSubject: Re: export\nMIME-Version: 1.0\n"
				+ "Content-Type: multipart/alternative; boundary=\"b1\"\n\n--b1\nContent-Type: text/html\n\n"
				+ "<p>Also <b>PDF</b> please</p>\n--b1--\n";
		Response second = api.post(base + "/feedback/email", ApiClient.json(java.util.Map.of("email", colleague)));
		assertThat(second.status()).as(second.text()).isEqualTo(201);
		assertThat(second.json().get("match").asText()).isEqualTo("SUGGESTED");
		assertThat(second.json().get("feedback").get("text").asText()).isEqualTo("Also PDF please");
		assertThat(second.json().get("feedback").get("customerId").isNull()).as("only suggested").isTrue();
		assertThat(second.json().get("feedback").get("suggestedCustomerId").asLong()).isEqualTo(acme);
		assertThat(api.get(base + "/customers/" + acme).text()).doesNotContain("bob@acme.example");

		Response stranger = api.post(base + "/feedback/email",
				ApiClient.json(java.util.Map.of("email", "From: someone@gmail.com\nSubject: hi\n\nLove it")));
		assertThat(stranger.json().get("match").asText()).isEqualTo("NONE");
		assertThat(stranger.json().get("feedback").get("customerId").isNull()).isTrue();

		Response noHeaders = api.post(base + "/feedback/email",
				ApiClient.json(java.util.Map.of("email", "just some text\nwithout headers")));
		assertThat(noHeaders.status()).isEqualTo(400);
		assertThat(noHeaders.json().get("errors").toString()).contains("From:");
		assertThat(api.post(base + "/feedback/email", "{\"email\":\"\"}").status()).isEqualTo(400);
	}

	@Test
	void triagesManyFeedbackAtOnceAllOrNothing() {
		ApiClient api = api();
		TestProduct product = aProduct("BLK").named("Bulk").createdBy(api);
		String base = "/api/v1/products/BLK";
		aStory("Target").in(product);
		long a = someFeedback("one").in(product);
		long b = someFeedback("two").in(product);
		long c = someFeedback("three").in(product);
		Response triaged = api.post(base + "/feedback/bulk", "{\"ids\":[" + a + "," + b + "],\"status\":\"TRIAGED\"}");
		assertThat(triaged.status()).as(triaged.text()).isEqualTo(200);
		assertThat(api.get(base + "/feedback/" + b).json().get("status").asText()).isEqualTo("TRIAGED");
		// c is new and may be triaged, but a and b are triaged already: nothing changes
		Response refused = api.post(base + "/feedback/bulk", "{\"ids\":[" + c + "," + a + "],\"status\":\"TRIAGED\"}");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("detail").asText()).contains(a + " (triaged)");
		assertThat(api.get(base + "/feedback/" + c).json().get("status").asText()).isEqualTo("NEW");
		Response linked = api.post(base + "/feedback/bulk",
				"{\"ids\":[" + a + "," + b + "," + c + "],\"item\":\"BLK-1\",\"importance\":\"CRITICAL\"}");
		assertThat(linked.status()).as(linked.text()).isEqualTo(200);
		assertThat(linked.json().get(2).get("status").asText()).isEqualTo("LINKED");
		assertThat(api.get(base + "/items/BLK-1/demand").json().get("anonymousFeedback").asInt()).isEqualTo(3);
		assertThat(api.post(base + "/feedback/bulk", "{\"ids\":[" + a + "]}").status()).isEqualTo(400);
		assertThat(api.post(base + "/feedback/bulk", "{\"ids\":[999999],\"status\":\"ARCHIVED\"}").status())
			.isEqualTo(400);
		assertThat(api.post(base + "/feedback/bulk", "{\"ids\":[],\"status\":\"ARCHIVED\"}").status()).isEqualTo(400);
	}

	private static List<String> keys(JsonNode page) {
		List<String> keys = new ArrayList<>();
		page.get("items").forEach(i -> keys.add(i.get("key").asText()));
		return keys;
	}

	@Test
	void draftsStoriesThatReadAsSentencesAndRefusesPlaceholders() {
		ApiClient api = api();
		long customer = customer(api, "Paper Shop", "Retail", 20000);
		long id = feedback(api, "{\"title\":\"Refills\",\"text\":\"We sell stationery; our customers want to order"
				+ " refills by subscription.\",\"customerId\":" + customer + "}");
		JsonNode draft = api.get(BASE + "/feedback/" + id + "/story-draft").json();
		assertThat(draft.get("story").asText())
			.isEqualTo("As a retail customer, I want our customers to be able to order refills by subscription.");
		assertThat(draft.get("benefit").asText()).isEmpty();
		assertThat(draft.toString()).doesNotContain("<").doesNotContain("I want we");

		Response placeholder = api.post(BASE + "/feedback/" + id + "/story",
				"{\"title\":\"Refills\",\"description\":\"As a shop, I want refills, so that <benefit: why it matters"
						+ " to them>.\",\"acceptanceCriteria\":[\"Given a shop, when they order, then <expected outcome>\"]}");
		assertThat(placeholder.status()).isEqualTo(400);
		assertThat(placeholder.json().get("errors").toString()).contains("\"field\":\"description\"")
			.contains("<benefit: why it matters to them>")
			.contains("acceptanceCriteria[0]");
		assertThat(api.get(BASE + "/feedback/" + id).json().get("links")).as("nothing linked").isEmpty();

		Response created = api.post(BASE + "/feedback/" + id + "/story",
				"{\"title\":\"Refills\",\"description\":\"" + draft.get("story").asText() + "\"}");
		assertThat(created.status()).as(created.text()).isEqualTo(201);
	}

	private static void link(ApiClient api, String item, long feedback, String importance, String quote) {
		Response r = api.post(BASE + "/feedback/" + feedback + "/links",
				"{\"item\":\"" + item + "\",\"importance\":\"" + importance + "\",\"quote\":\"" + quote + "\"}");
		assertThat(r.status()).as(r.text()).isEqualTo(200);
	}

	/**
	 * Product {@code key} with customer MegaCorp (contact Alice, alice@megacorp.example)
	 * and an intake-only token for it.
	 */
	private record Intake(TestProduct product, long mega, ApiClient intake) {

		String path(String rest) {
			return product.path(rest);
		}

		ApiClient admin() {
			return product.api();
		}

		long email(ApiClient as, String email) {
			Response r = as.post(path("/feedback/email"), ApiClient.json(java.util.Map.of("email", email)));
			assertThat(r.status()).as(r.text()).isEqualTo(201);
			JsonNode json = r.json();
			return (json.has("feedback") ? json.get("feedback") : json).get("id").asLong();
		}

	}

	private Intake intake(String key) {
		ApiClient admin = api();
		TestProduct product = aProduct(key).named("Intake").createdBy(admin);
		long mega = aCustomer("MegaCorp").contact("Alice", "alice@megacorp.example").in(product);
		ApiClient intake = ApiClient.withToken(port,
				admin.post("/api/v1/tokens", "{\"name\":\"desk\",\"intakeOnly\":true,\"products\":[\"" + key + "\"]}")
					.json()
					.get("token")
					.asText());
		return new Intake(product, mega, intake);
	}

	@Test
	void intakeTokensFileFeedbackButLearnNothingAboutCustomers() {
		Intake it = intake("ITK");
		Response known = it.intake()
			.post(it.path("/feedback"), "{\"text\":\"From a known customer\",\"customerId\":" + it.mega() + "}");
		Response unknown = it.intake().post(it.path("/feedback"), "{\"text\":\"From nobody\",\"customerId\":999999}");
		for (Response r : List.of(known, unknown)) {
			assertThat(r.status()).as(r.text()).isEqualTo(201);
			assertThat(fieldNames(r.json())).containsExactly("id", "status");
			assertThat(r.json().get("status").asText()).isEqualTo("NEW");
			assertThat(r.text()).doesNotContain("MegaCorp");
		}
		assertThat(it.admin()
			.get(it.path("/feedback/" + known.json().get("id").asLong()))
			.json()
			.get("customerId")
			.asLong()).isEqualTo(it.mega());
		assertThat(it.admin()
			.get(it.path("/feedback/" + unknown.json().get("id").asLong()))
			.json()
			.get("customerId")
			.isNull()).isTrue();
	}

	@Test
	void aMailFromACustomersDomainOnlySuggestsTheCustomerAndAnExactContactAttachesIt() {
		Intake it = intake("ITD");
		Response eve = it.intake()
			.post(it.path("/feedback/email"), ApiClient.json(java.util.Map.of("email",
					"From: Eve <eve@megacorp.example>\nSubject: Hello\n\nPlease add dark mode")));
		assertThat(eve.status()).as(eve.text()).isEqualTo(201);
		assertThat(fieldNames(eve.json())).containsExactly("id", "status");
		JsonNode seen = it.admin().get(it.path("/feedback/" + eve.json().get("id").asLong())).json();
		assertThat(seen.get("customerId").isNull()).as("a domain alone attaches nobody").isTrue();
		assertThat(seen.get("suggestedCustomerId").asLong()).isEqualTo(it.mega());
		assertThat(seen.get("suggestedCustomerName").asText()).isEqualTo("MegaCorp");
		assertThat(it.admin().get(it.path("/customers/" + it.mega())).text()).doesNotContain("eve@megacorp.example");

		long alice = it.email(it.intake(), "From: Alice <Alice@MegaCorp.example>\nSubject: Hi\n\nExport please");
		assertThat(it.admin().get(it.path("/feedback/" + alice)).json().get("customerId").asLong())
			.as("an exact contact address still attaches its customer")
			.isEqualTo(it.mega());
	}

	@Test
	void theOwnerConfirmsOrDismissesASuggestedCustomerAndAnIntakeTokenCannot() {
		Intake it = intake("ITC");
		long eveId = it.email(it.intake(), "From: Eve <eve@megacorp.example>\nSubject: Hello\n\nPlease add dark mode");
		Response confirmed = it.admin().post(it.path("/feedback/" + eveId + "/customer-suggestion/confirm"), null);
		assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
		assertThat(confirmed.json().get("customerId").asLong()).isEqualTo(it.mega());
		assertThat(confirmed.json().get("suggestedCustomerId").isNull()).isTrue();
		assertThat(it.admin().get(it.path("/customers/" + it.mega())).text()).contains("eve@megacorp.example");
		assertThat(it.admin().post(it.path("/feedback/" + eveId + "/customer-suggestion/confirm"), null).status())
			.as("nothing left to confirm")
			.isEqualTo(409);

		long mallory = it.email(it.admin(), "From: mallory@megacorp.example\nSubject: Refund\n\nSend money");
		assertThat(it.intake().post(it.path("/feedback/" + mallory + "/customer-suggestion/confirm"), null).status())
			.isEqualTo(403);
		assertThat(it.admin().get(it.path("/feedback/" + mallory)).json().get("customerId").isNull())
			.as("the refused confirmation attached nobody")
			.isTrue();
		Response dismissed = it.admin().delete(it.path("/feedback/" + mallory + "/customer-suggestion"), null);
		assertThat(dismissed.status()).isEqualTo(200);
		assertThat(dismissed.json().get("suggestedCustomerId").isNull()).isTrue();
		assertThat(dismissed.json().get("customerId").isNull()).isTrue();
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.properties().forEach(e -> names.add(e.getKey()));
		return names;
	}

}
