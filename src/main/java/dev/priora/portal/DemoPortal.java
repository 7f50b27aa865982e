package dev.priora.portal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.priora.backlog.DemoClock;
import dev.priora.backlog.DemoProductCreated;
import dev.priora.feedback.Importance;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the demo product's portal on with the ideas of {@code demo/portal.json}: posted
 * by the demo customers' contacts over the last weeks, voted for and commented on by
 * others, some linked to the items that deliver them (their status follows), one set to
 * planned by the team with a reply, so the portal and the team's Portal page show a
 * living portal on the first start. Everything goes through the portal's own services.
 */
@Component
class DemoPortal {

	private static final Logger LOG = LoggerFactory.getLogger(DemoPortal.class);

	record Idea(String by, String at, String category, String title, String text, List<List<String>> votes,
			List<List<String>> comments, List<String> link, List<String> status, List<String> reply) {
	}

	record Demo(String title, String intro, String colour, List<String> categories, List<Idea> ideas) {
	}

	private final Portals portals;

	private final VisitorSignIn visitors;

	private final Ideas ideas;

	private final IdeaVotes votes;

	private final IdeaItemLinks links;

	private final IdeaModeration moderation;

	private final TeamReplies replies;

	private final TransactionTemplate transaction;

	private final JsonMapper json;

	private final DemoClock clock;

	DemoPortal(Portals portals, VisitorSignIn visitors, Ideas ideas, IdeaVotes votes, IdeaItemLinks links,
			IdeaModeration moderation, TeamReplies replies, PlatformTransactionManager transactions, JsonMapper json,
			DemoClock clock) {
		this.portals = portals;
		this.visitors = visitors;
		this.ideas = ideas;
		this.votes = votes;
		this.links = links;
		this.moderation = moderation;
		this.replies = replies;
		this.transaction = new TransactionTemplate(transactions);
		this.json = json;
		this.clock = clock;
	}

	@EventListener
	@Order(70)
	void on(DemoProductCreated event) throws IOException {
		Demo demo;
		try (InputStream in = new ClassPathResource("demo/portal.json").getInputStream()) {
			demo = json.readValue(in, Demo.class);
		}
		String key = event.productKey();
		PortalSettings portal = clock.at(event.at("-50 09:00"),
				() -> portals.update(key, new PortalSettingsDraft(true, demo.title(), demo.intro(), demo.colour(),
						false, List.of(), List.of(), demo.categories(), false), portals.get(key).version()));
		DemoClock.Timeline timeline = clock.timeline();
		for (Idea idea : demo.ideas()) {
			timeline.add(event.at(idea.at()), () -> {
				long id = ideas.postWithoutLimit(portal, visitor(key, idea.by()), idea.title(), idea.text(),
						idea.category());
				for (List<String> v : idea.votes()) {
					timeline.add(event.at(v.get(2)), () -> votes.vote(portal, visitor(key, v.get(0)), id,
							v.get(1) == null ? null : Importance.valueOf(v.get(1))));
				}
				for (List<String> c : idea.comments()) {
					timeline.add(event.at(c.get(1)),
							() -> votes.commentWithoutLimit(portal, visitor(key, c.get(0)), id, c.get(2)));
				}
				if (idea.link() != null) {
					timeline.add(event.at(idea.link().get(2)), () -> links.link(key, id, idea.link().get(0),
							Importance.valueOf(idea.link().get(1)), event.createdBy()));
				}
				if (idea.status() != null) {
					timeline.add(event.at(idea.status().get(1)),
							() -> moderation.setStatus(key, id, IdeaStatus.valueOf(idea.status().get(0)), ""));
				}
				if (idea.reply() != null) {
					timeline.add(event.at(idea.reply().get(0)),
							() -> replies.post(key, id, idea.reply().get(1), event.createdBy()));
				}
			});
		}
		timeline.run();
		LOG.info("Turned the portal of the demo product {} on with {} ideas", key, demo.ideas().size());
	}

	/** The demo customer's contact as a signed-in visitor of the portal. */
	private PortalVisitor visitor(String key, String email) {
		return transaction.execute(tx -> visitors.enter(key, email));
	}

}
