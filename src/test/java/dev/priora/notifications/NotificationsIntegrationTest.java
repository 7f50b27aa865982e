package dev.priora.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.ProductRole;
import dev.priora.accounts.ProductRoles;
import dev.priora.backlog.BacklogService;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemStatus;
import dev.priora.support.ApiClient;
import dev.priora.support.IntegrationTestBase;

/**
 * Mentions, comments, watching and status changes: who is notified and who is not (the
 * actor never; someone without access to the product never), on H2 and PostgreSQL.
 */
class NotificationsIntegrationTest extends IntegrationTestBase {

	@Autowired
	AccountService accounts;

	@Autowired
	ProductRoles roles;

	@Autowired
	BacklogService backlog;

	private People people(String product) {
		return new People(port, accounts, roles, api(), product);
	}

	@Test
	void aMentionNotifiesTheMemberAndNeverSomeoneWithoutAccess() {
		People p = people("NMA");
		ApiClient ann = p.person("ann@nma.test", "Ann Archer", ProductRole.MEMBER);
		ApiClient bob = p.person("bob@nma.test", "Bob Baker", ProductRole.VIEWER);
		ApiClient carol = p.person("carol@nma.test", "Carol Cole", null);
		String item = p.item(api(), "Checkout", "");

		p.comment(ann, item, "@Bob Baker and @carol@nma.test and @Carol Cole, please look. @Ann Archer too.");

		assertThat(p.told(bob)).containsExactly("MENTIONED " + item);
		assertThat(p.told(carol)).as("no access to the product: never told").isEmpty();
		assertThat(carol.get("/api/v1/notifications").json().get("total").asLong()).isZero();
		assertThat(p.told(ann)).as("the actor is never told of their own action").isEmpty();
		assertThat(p.told(api())).as("the author watches the item: a comment").containsExactly("COMMENTED " + item);
	}

	@Test
	void aMentionInADescriptionNotifiesOnlyWhenItIsNew() {
		People p = people("NMD");
		ApiClient bob = p.person("bob@nmd.test", "Bob Baker", ProductRole.VIEWER);
		ApiClient dan = p.person("dan@nmd.test", "Dan Dune", ProductRole.MEMBER);
		String item = p.item(api(), "Refunds", "Ask @bob@nmd.test about refunds");
		assertThat(p.told(bob)).containsExactly("MENTIONED " + item);

		var current = api().get("/api/v1/products/NMD/items/" + item);
		var edit = api().patch("/api/v1/products/NMD/items/" + item,
				"{\"description\":\"Ask @bob@nmd.test and @Dan Dune about refunds\"}", current.etag());
		assertThat(edit.status()).as(edit.text()).isEqualTo(200);

		assertThat(p.told(bob)).as("Bob was mentioned before: not again").hasSize(1);
		assertThat(p.told(dan)).containsExactly("MENTIONED " + item);
	}

	@Test
	void commentsReachWatchersUntilTheyUnwatch() {
		People p = people("NCW");
		ApiClient ann = p.person("ann@ncw.test", "Ann Archer", ProductRole.VIEWER);
		ApiClient bob = p.person("bob@ncw.test", "Bob Baker", ProductRole.STAKEHOLDER);
		String item = p.item(api(), "Wishlist", "");

		p.watch(ann, item, true);
		p.comment(bob, item, "First thought");
		assertThat(p.told(ann)).containsExactly("COMMENTED " + item);
		assertThat(p.told(api())).containsExactly("COMMENTED " + item);
		assertThat(p.told(bob)).isEmpty();

		p.watch(ann, item, false);
		p.comment(api(), item, "Reply");
		assertThat(p.told(ann)).as("unwatched").hasSize(1);
		assertThat(p.told(bob)).as("a commenter watches the item").containsExactly("COMMENTED " + item);
	}

	@Test
	void anEpicsWatchersHearOfItsChildren() {
		People p = people("NEP");
		ApiClient ann = p.person("ann@nep.test", "Ann Archer", ProductRole.VIEWER);
		var epic = api().post("/api/v1/products/NEP/items", "{\"type\":\"EPIC\",\"title\":\"Payments\"}");
		String epicKey = epic.json().get("key").asText();
		var child = api().post("/api/v1/products/NEP/items",
				"{\"type\":\"STORY\",\"title\":\"Card\",\"parent\":\"" + epicKey + "\"}");
		assertThat(child.status()).as(child.text()).isEqualTo(201);
		String childKey = child.json().get("key").asText();

		p.watch(ann, epicKey, true);
		p.comment(api(), childKey, "Started");

		assertThat(p.told(ann)).containsExactly("COMMENTED " + childKey);
	}

	@Test
	void aStatusChangeNotifiesWatchersAndDoneNotifiesWhoWaitsOnIt() {
		People p = people("NST");
		ApiClient ann = p.person("ann@nst.test", "Ann Archer", ProductRole.MEMBER);
		ApiClient bob = p.person("bob@nst.test", "Bob Baker", ProductRole.VIEWER);
		String first = p.item(api(), "Payment API", "");
		String waiting = p.item(api(), "Checkout page", "");
		assertThat(api()
			.post("/api/v1/products/NST/items/" + waiting + "/dependencies",
					"{\"kind\":\"DEPENDS_ON\",\"target\":\"" + first + "\"}")
			.status()).isEqualTo(201);
		p.watch(bob, waiting, true);

		ItemKey key = ItemKey.parse(first).orElseThrow();
		var ready = backlog.changeStatus(key, ItemStatus.READY, 0, true, p.id("ann@nst.test"));
		var started = backlog.changeStatus(key, ItemStatus.IN_PROGRESS, ready.version(), false, p.id("ann@nst.test"));
		backlog.changeStatus(key, ItemStatus.DONE, started.version(), false, p.id("ann@nst.test"));

		assertThat(p.told(api())).as("the author watches both items")
			.containsExactly("DEPENDENCY_DONE " + waiting, "STATUS_CHANGED " + first, "STATUS_CHANGED " + first,
					"STATUS_CHANGED " + first);
		assertThat(p.told(bob)).containsExactly("DEPENDENCY_DONE " + waiting);
		assertThat(p.told(ann)).as("the actor").isEmpty();
	}

	@Test
	void aKindTurnedOffIsNotDeliveredAndBadChoicesAreRefusedByName() {
		People p = people("NOF");
		ApiClient bob = p.person("bob@nof.test", "Bob Baker", ProductRole.VIEWER);
		var set = bob.put("/api/v1/notifications/preferences", "{\"MENTIONED\":\"OFF\",\"COMMENTED\":\"EMAIL_DIGEST\"}",
				null);
		assertThat(set.status()).as(set.text()).isEqualTo(200);
		assertThat(set.text()).contains("\"kind\":\"MENTIONED\",\"delivery\":\"OFF\"")
			.contains("\"kind\":\"COMMENTED\",\"delivery\":\"EMAIL_DIGEST\"")
			.contains("\"kind\":\"ASSIGNED\",\"delivery\":\"IN_APP\"");
		String item = p.item(api(), "Search", "");
		p.comment(api(), item, "@Bob Baker have a look");
		assertThat(p.told(bob)).as("mentions are off").isEmpty();

		var unknown = bob.put("/api/v1/notifications/preferences", "{\"SHOUTED\":\"OFF\",\"MENTIONED\":\"IN_APP\"}",
				null);
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("SHOUTED");
		var badDelivery = bob.put("/api/v1/notifications/preferences", "{\"MENTIONED\":\"PIGEON\"}", null);
		assertThat(badDelivery.status()).isEqualTo(400);
		assertThat(badDelivery.json().get("errors").get(0).get("field").asText()).isEqualTo("MENTIONED");
		assertThat(bob.put("/api/v1/notifications/preferences", "{}", null).status()).isEqualTo(400);
		assertThat(bob.get("/api/v1/notifications/preferences").text()).as("nothing half-written")
			.contains("\"kind\":\"MENTIONED\",\"delivery\":\"OFF\"");
	}

	@Test
	void markReadOneOrAllAndOnlyYourOwn() {
		People p = people("NRD");
		ApiClient bob = p.person("bob@nrd.test", "Bob Baker", ProductRole.VIEWER);
		String item = p.item(api(), "Invoices", "");
		p.comment(api(), item, "@Bob Baker one");
		p.comment(api(), item, "@Bob Baker two");
		var unreadPage = bob.get("/api/v1/notifications?unread=true");
		var unread = unreadPage.json();
		assertThat(unread.has("unread")).as(unreadPage.text()).isTrue();
		assertThat(unread.get("unread").asLong()).isEqualTo(2);
		long first = unread.get("items").get(0).get("id").asLong();

		assertThat(api().post("/api/v1/notifications/" + first + "/read", null).status())
			.as("someone else's notification is not found")
			.isEqualTo(404);
		assertThat(bob.post("/api/v1/notifications/" + first + "/read", null).status()).isEqualTo(204);
		assertThat(bob.get("/api/v1/notifications?unread=true").json().get("total").asLong()).isEqualTo(1);
		assertThat(bob.post("/api/v1/notifications/999999999/read", null).status()).isEqualTo(404);

		var all = bob.post("/api/v1/notifications/read-all", null);
		assertThat(all.json().get("marked").asInt()).isEqualTo(1);
		assertThat(bob.get("/api/v1/notifications").json().get("unread").asLong()).isZero();
		assertThat(bob.get("/api/v1/notifications").json().get("total").asLong()).isEqualTo(2);

		var badSize = bob.get("/api/v1/notifications?size=1000");
		assertThat(badSize.status()).isEqualTo(400);
		assertThat(badSize.json().get("errors").get(0).get("field").asText()).isEqualTo("size");
		assertThat(bob.get("/api/v1/notifications?page=-1").status()).isEqualTo(400);
		assertThat(bob.get("/api/v1/notifications?page=x").status()).isEqualTo(400);
	}

	@Test
	void watchingNeedsAccessAndAnExistingTarget() {
		People p = people("NWA");
		ApiClient carol = p.person("carol@nwa.test", "Carol Cole", null);
		String item = p.item(api(), "Secret", "");
		assertThat(carol.put("/api/v1/products/NWA/items/" + item + "/watch", "{\"watching\":true}", null).status())
			.isEqualTo(404);
		assertThat(api().put("/api/v1/products/NWA/items/NWA-99/watch", "{\"watching\":true}", null).status())
			.isEqualTo(404);
		assertThat(api().put("/api/v1/products/NWA/releases/999999/watch", "{\"watching\":true}", null).status())
			.isEqualTo(404);
		var missing = api().put("/api/v1/products/NWA/inbox/watch", "{}", null);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("watching");
	}

}
