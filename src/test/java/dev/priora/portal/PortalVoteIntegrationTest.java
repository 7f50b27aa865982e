package dev.priora.portal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.priora.feedback.Channel;
import dev.priora.feedback.FeedbackService;
import dev.priora.feedback.FeedbackStatus;
import dev.priora.feedback.FeedbackView;
import dev.priora.feedback.Importance;
import dev.priora.support.RequestProbe;
import dev.priora.support.TestProduct;

import static dev.priora.support.Fixtures.aCustomer;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aStory;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new voter's vote, as the portal benchmark times it: everything a vote writes (the
 * voter's PORTAL feedback, triaged, of their domain's customer with that customer
 * suggested, with the idea's vector and kind, and left out of the similarity index; the
 * vote with its importance and the idea's count; the link like the idea's), in a dozen
 * statements, and a visitor's two votes at the same moment counted once. Statements are
 * counted with datasource-proxy ({@link RequestProbe}).
 */
@Import(RequestProbe.class)
class PortalVoteIntegrationTest extends PortalTestBase {

	/** A new voter's vote on an idea linked to no item (34 before issue 19's work). */
	static final int STATEMENTS_OF_A_NEW_VOTE = 11;

	@Autowired
	IdeaVotes votes;

	@Autowired
	Ideas ideas;

	@Autowired
	Portals portals;

	@Autowired
	VisitorRepository visitors;

	@Autowired
	FeedbackService feedback;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aNewVotersVoteWritesTheirFeedbackLinkedLikeTheIdeaInADozenStatements() {
		TestProduct p = aProduct("VVA").named("Portal votes").createdBy(api());
		portal(api(), p, Map.of());
		long acme = aCustomer("Acme").revenue(9000).currency("EUR").contact("Ann", "ann@acme-vva.test").in(p);
		String item = aStory("Export to Excel").estimate(3).in(p);
		PortalSettings portal = portals.get("VVA");
		PortalVisitor poster = signedIn("VVA", "pat@free-vva.test");
		long linked = ideas.post(portal, poster, "Excel export", "We copy orders by hand.", "", "", "10.0.0.1");
		long plain = ideas.post(portal, poster, "Dark mode", "My eyes hurt at night.", "", "", "10.0.0.1");
		long ideaFeedback = jdbc.queryForObject("select feedback_id from portal_ideas where id = ?", Long.class,
				linked);
		assertThat(api()
			.post(p.path("/feedback/" + ideaFeedback + "/links"),
					"{\"item\":\"" + item + "\",\"importance\":\"NICE_TO_HAVE\"}")
			.status()).isEqualTo(200);

		PortalVisitor bea = signedIn("VVA", "bea@acme-vva.test");
		votes.vote(portal, bea, linked, Importance.CRITICAL);
		FeedbackView own = feedback.get("VVA", voteFeedback(linked, bea));
		assertThat(own.channel()).isEqualTo(Channel.PORTAL);
		assertThat(own.status()).isEqualTo(FeedbackStatus.LINKED);
		assertThat(own.title()).isEqualTo("Vote: Excel export");
		assertThat(own.text()).isEqualTo("Voted on the portal idea \u201cExcel export\u201d (critical).");
		assertThat(own.customerId()).isEqualTo(acme);
		assertThat(own.suggestedCustomerId()).isEqualTo(acme);
		assertThat(own.submitterEmail()).isEqualTo("bea@acme-vva.test");
		assertThat(own.kind()).isNotNull();
		assertThat(own.links()).singleElement().satisfies(l -> {
			assertThat(l.item()).isEqualTo(item);
			assertThat(l.importance()).isEqualTo(Importance.CRITICAL);
		});
		// the vote asks for what the idea asks for: its vector and kind, and no
		// look-alike of it
		assertThat(jdbc.queryForObject("select embedding_model from feedback where id = ?", String.class, own.id()))
			.isNotNull();
		assertThat(jdbc.queryForObject("select embedding from feedback where id = ?", byte[].class, own.id()))
			.isEqualTo(jdbc.queryForObject("select embedding from feedback where id = ?", byte[].class, ideaFeedback));
		assertThat(own.kind()).isEqualTo(feedback.get("VVA", ideaFeedback).kind());
		assertThat(jdbc.queryForObject("select vote_of from feedback where id = ?", Long.class, own.id()))
			.isEqualTo(ideaFeedback);
		assertThat(api().get(p.path("/feedback/" + ideaFeedback + "/similar")).json().toString())
			.doesNotContain("\"feedbackId\":" + own.id() + ",");
		assertThat(jdbc.queryForObject("select vote_count from portal_ideas where id = ?", Integer.class, linked))
			.isEqualTo(2);
		assertThat(api().get(p.path("/items/" + item + "/demand")).json().get("customers").asInt()).isEqualTo(1);

		PortalVisitor cid = signedIn("VVA", "cid@acme-vva.test");
		List<String> statements = RequestProbe.statementsOf(() -> votes.vote(portal, cid, plain, null));
		assertThat(statements).as(String.join("\n", statements)).hasSizeLessThanOrEqualTo(STATEMENTS_OF_A_NEW_VOTE);
		assertThat(feedback.get("VVA", voteFeedback(plain, cid)).status()).isEqualTo(FeedbackStatus.TRIAGED);
		assertThat(jdbc.queryForObject("select importance from portal_votes where idea_id = ? and visitor_id = ?",
				String.class, plain, cid.id()))
			.isNull();
	}

	@Test
	void twoVotesOfOneVisitorAtTheSameMomentAreCountedOnce() throws Exception {
		TestProduct p = aProduct("VVB").named("Portal double votes").createdBy(api());
		portal(api(), p, Map.of());
		PortalSettings portal = portals.get("VVB");
		long idea = ideas.post(portal, signedIn("VVB", "pat@free-vvb.test"), "Calendar sync", "Sync with Outlook.", "",
				"", "10.0.0.2");
		for (int round = 0; round < 5; round++) {
			PortalVisitor voter = signedIn("VVB", "voter" + round + "@free-vvb.test");
			CountDownLatch start = new CountDownLatch(1);
			List<CompletableFuture<Void>> clicks = new ArrayList<>();
			for (Importance importance : List.of(Importance.IMPORTANT, Importance.CRITICAL)) {
				clicks.add(CompletableFuture.runAsync(() -> {
					try {
						start.await();
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
					votes.vote(portal, voter, idea, importance);
				}));
			}
			start.countDown();
			CompletableFuture.allOf(clicks.toArray(CompletableFuture[]::new)).get();
			assertThat(jdbc.queryForObject("select count(*) from portal_votes where idea_id = ? and visitor_id = ?",
					Integer.class, idea, voter.id()))
				.isEqualTo(1);
		}
		assertThat(jdbc.queryForObject("select vote_count from portal_ideas where id = ?", Integer.class, idea))
			.isEqualTo(6);
		assertThat(jdbc.queryForObject("select count(*) from feedback where product_key = 'VVB' and channel = 'PORTAL'",
				Integer.class))
			.isEqualTo(6);
	}

	private PortalVisitor signedIn(String key, String email) {
		return visitors.upsert(key, email, null, null, Instant.now());
	}

	private long voteFeedback(long idea, PortalVisitor voter) {
		return jdbc.queryForObject("select feedback_id from portal_votes where idea_id = ? and visitor_id = ?",
				Long.class, idea, voter.id());
	}

}
