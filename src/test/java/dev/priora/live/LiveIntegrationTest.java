package dev.priora.live;

import static dev.priora.support.Eventually.eventually;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aStory;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.ProductRole;
import dev.priora.accounts.ProductRoles;
import dev.priora.backlog.BacklogEvents.ItemUpdated;
import dev.priora.backlog.ItemId;
import dev.priora.backlog.ItemKey;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.EventStream;
import dev.priora.support.EventStream.Event;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestDatabase;
import dev.priora.support.TestProduct;

/**
 * Live updates over a real event stream (the JDK's HTTP client reading
 * {@code text/event-stream}): a committed change reaches a connected reader, a rolled
 * back one nothing, another product's reader nothing, a reconnect gets what it missed, a
 * notification only its person, and a client that went away is forgotten.
 */
class LiveIntegrationTest extends IntegrationTestBase {

	private static final Duration SOON = Duration.ofSeconds(10);

	private static final String PASSWORD = "password-live";

	@Autowired
	LiveStreams streams;

	@Autowired
	AccountService accounts;

	@Autowired
	ProductRoles roles;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ApplicationEventPublisher events;

	private BrowserlessSession admin() {
		return BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
	}

	private static boolean item(Event e, String key) {
		return "item".equals(e.name()) && e.data().contains("\"key\":\"" + key + "\"");
	}

	/** An item event of an edit (not of its creation, which may still be on its way). */
	private static boolean edited(Event e, String key) {
		return item(e, key) && e.data().contains("\"fields\"");
	}

	/** Renames the item through the API: a committed change. */
	private static void edit(TestProduct p, String key) {
		String etag = p.api().get(p.path("/items/" + key)).etag();
		var r = p.api().patch(p.path("/items/" + key), "{\"title\":\"Edited " + key + "\"}", etag);
		assertThat(r.status()).as(r.text()).isLessThan(300);
	}

	@Test
	void aCommittedChangeReachesAConnectedReader() {
		TestProduct p = aProduct("LIVA").createdBy(api());
		String key = aStory("Watched").in(p);
		try (EventStream stream = admin().stream("/p/LIVA/live", null).ok()) {
			assertThat(stream.header("Cache-Control")).contains("no-store");
			edit(p, key);
			Event e = stream.await(x -> edited(x, key), SOON, "for " + key + " on " + TestDatabase.name());
			assertThat(e.id()).as("the change table's id").matches("\\d+");
			assertThat(e.data()).contains("\"what\":[\"fields\"]");
		}
	}

	@Test
	void aRolledBackChangeSendsNothing() {
		TestProduct p = aProduct("LIVB").createdBy(api());
		String doomed = aStory("Rolled back").in(p);
		String marker = aStory("Marker").in(p);
		try (EventStream stream = admin().stream("/p/LIVB/live", null).ok()) {
			TransactionTemplate template = new TransactionTemplate(transactions);
			template.executeWithoutResult(tx -> {
				events.publishEvent(new ItemUpdated(new ItemId(1), ItemKey.parse(doomed).orElseThrow(), 2));
				tx.setRollbackOnly();
			});
			template.executeWithoutResult(
					tx -> events.publishEvent(new ItemUpdated(new ItemId(2), ItemKey.parse(marker).orElseThrow(), 2)));
			List<Event> seen = stream.until(x -> item(x, marker), SOON, "for the marker " + marker);
			assertThat(seen).as("events before the marker").noneMatch(x -> edited(x, doomed));
		}
	}

	@Test
	void anotherProductsReaderGetsNothingAndAnOutsiderNoStream() {
		TestProduct mine = aProduct("LIVC").createdBy(api());
		TestProduct theirs = aProduct("LIVD").createdBy(api());
		String secret = aStory("Secret").in(theirs);
		String marker = aStory("Marker").in(mine);
		accounts.createUser("reader@live.test", "Reader", PASSWORD, false);
		roles.grant("LIVC", "reader@live.test", ProductRole.VIEWER,
				accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id());
		BrowserlessSession reader = BrowserlessSession.signIn(port, "reader@live.test", PASSWORD);
		try (EventStream outsider = reader.stream("/p/LIVD/live", null)) {
			assertThat(outsider.status()).as("a product the reader has no role in").isEqualTo(404);
		}
		try (EventStream stream = reader.stream("/p/LIVC/live", null).ok()) {
			edit(theirs, secret);
			edit(mine, marker);
			List<Event> seen = stream.until(x -> item(x, marker), SOON, "for the marker " + marker);
			assertThat(seen).noneMatch(x -> x.data().contains("LIVD"));
		}
	}

	@Test
	void aReconnectWithLastEventIdIsSentWhatItMissed() {
		TestProduct p = aProduct("LIVE").createdBy(api());
		String first = aStory("First").in(p);
		String second = aStory("Second").in(p);
		String third = aStory("Third").in(p);
		BrowserlessSession admin = admin();
		String last;
		try (EventStream stream = admin.stream("/p/LIVE/live", null).ok()) {
			edit(p, first);
			last = stream.await(x -> edited(x, first), SOON, "for " + first).id();
		}
		edit(p, second);
		edit(p, third);
		try (EventStream again = admin.stream("/p/LIVE/live", last).ok()) {
			List<Event> seen = again.until(x -> edited(x, third), SOON, "the missed change of " + third);
			assertThat(seen).as("the missed change before the last one").anyMatch(x -> item(x, second));
			assertThat(seen).noneMatch(x -> item(x, first));
		}
	}

	@Test
	void aNotificationReachesOnlyItsPerson() {
		TestProduct p = aProduct("LIVF").createdBy(api());
		String key = aStory("Mentioned").in(p);
		var adminId = accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id();
		for (String who : List.of("bea", "cal")) {
			accounts.createUser(who + "@live.test", who.equals("bea") ? "Bea Live" : "Cal Live", PASSWORD, false);
			roles.grant("LIVF", who + "@live.test", ProductRole.MEMBER, adminId);
		}
		BrowserlessSession bea = BrowserlessSession.signIn(port, "bea@live.test", PASSWORD);
		BrowserlessSession cal = BrowserlessSession.signIn(port, "cal@live.test", PASSWORD);
		try (EventStream beas = bea.stream("/live", null).ok();
				EventStream cals = cal.stream("/p/LIVF/live", null).ok()) {
			var r = p.api().post(p.path("/items/" + key + "/comments"), "{\"body\":\"@bea@live.test please look\"}");
			assertThat(r.status()).as(r.text()).isEqualTo(201);
			beas.await(x -> "notification".equals(x.name()), SOON, "for Bea's bell");
			List<Event> calSaw = cals.until(x -> item(x, key), SOON, "the comment's item change");
			assertThat(calSaw).noneMatch(x -> "notification".equals(x.name()));
		}
	}

	@Test
	void aClientThatWentAwayIsForgotten() {
		long gone = accounts.createUser("gone@live.test", "Gone", PASSWORD, false).value();
		EventStream stream = BrowserlessSession.signIn(port, "gone@live.test", PASSWORD).stream("/live", null).ok();
		eventually().until(() -> streams.connectedOf(gone) == 1);
		stream.close();
		eventually().until(() -> {
			streams.heartbeat();
			return streams.connectedOf(gone) == 0;
		});
	}

	@Test
	void onlyAnEventStreamRequestOpensAStream() {
		var r = admin().get("/live");
		assertThat(r.statusCode()).as("a plain GET (a link opened in a tab)").isEqualTo(406);
		try (EventStream stream = admin().stream("/live", null).ok()) {
			eventually().until(() -> stream.comments().contains("connected"));
		}
	}

}
