package dev.priora.live;

import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aStory;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.priora.support.ApiClient;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.EventStream;
import dev.priora.support.TestDatabase;
import dev.priora.support.TestProduct;
import dev.priora.support.TwoNodeTestBase;

/**
 * Two Priora servers over one database: a change made on node A reaches a reader whose
 * stream is open on node B (each node polls the change table), and a reader reconnecting
 * to the other node is sent what it missed.
 */
class LiveTwoNodeIntegrationTest extends TwoNodeTestBase {

	private static final Duration SOON = Duration.ofSeconds(10);

	@Override
	protected String nodeName() {
		return "priora-live-node-b";
	}

	private static boolean item(EventStream.Event e, String key) {
		return "item".equals(e.name()) && e.data().contains("\"key\":\"" + key + "\"");
	}

	/** Renames the item through the API of the node {@code api} talks to. */
	private static void rename(ApiClient api, String key) {
		String path = "/api/v1/products/LTWO/items/" + key;
		var r = api.patch(path, "{\"title\":\"Renamed " + key + "\"}", api.get(path).etag());
		assertThat(r.status()).as(r.text()).isBetween(200, 299);
	}

	@Test
	void aChangeOnOneNodeReachesAReaderOnTheOther() {
		TestProduct p = aProduct("LTWO").createdBy(api());
		String key = aStory("Across nodes").in(p);
		String later = aStory("While away").in(p);
		BrowserlessSession onA = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		BrowserlessSession onB = onA.on(portB);
		String last;
		try (EventStream stream = onB.stream("/p/LTWO/live", null).ok()) {
			rename(p.api(), key);
			last = stream
				.await(x -> item(x, key), SOON, "on node B for a change on node A (" + TestDatabase.name() + ")")
				.id();
		}
		rename(ApiClient.signIn(portB, ADMIN_EMAIL, ADMIN_PASSWORD), later);
		try (EventStream again = onA.stream("/p/LTWO/live", last).ok()) {
			again.await(x -> item(x, later), SOON, "replayed on node A for a change made on node B");
		}
	}

}
