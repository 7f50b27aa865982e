package dev.priora.support;

/**
 * Test data made through the real API, read like the product:
 * {@code TestProduct shop = aProduct("SHOP").named("Shop").createdBy(api);}
 * {@code String export = aStory("Export CSV").estimate(5).in(shop);}
 * {@code long launch = aRelease("Launch").capacity(40).in(shop);}
 * <p>
 * Each builder posts one request and fails the test with the server's answer unless it is
 * created (201); a test about a refused request writes that request itself.
 */
public final class Fixtures {

	private Fixtures() {
	}

	/** A product with key {@code key}, named after it unless {@code named(…)}. */
	public static ProductBuilder aProduct(String key) {
		return new ProductBuilder(key);
	}

	/** A story (type STORY) in a product's backlog. */
	public static ItemBuilder aStory(String title) {
		return new ItemBuilder("STORY", title);
	}

	/** An epic (type EPIC) in a product's backlog. */
	public static ItemBuilder anEpic(String title) {
		return new ItemBuilder("EPIC", title);
	}

	/** A backlog item of any type (STORY, EPIC, BUG, TASK, SPIKE …). */
	public static ItemBuilder anItem(String type, String title) {
		return new ItemBuilder(type, title);
	}

	/** A release of a product. */
	public static ReleaseBuilder aRelease(String name) {
		return new ReleaseBuilder(name);
	}

	/** A sprint of a product; two weeks from {@code starting(…)}. */
	public static SprintBuilder aSprint(String name) {
		return new SprintBuilder(name);
	}

	/** A member of a product's team. */
	public static TeamMemberBuilder aTeamMember(String name) {
		return new TeamMemberBuilder(name);
	}

	/** An objective on a product's roadmap. */
	public static ObjectiveBuilder anObjective(String title) {
		return new ObjectiveBuilder(title);
	}

	/** A customer of a product. */
	public static CustomerBuilder aCustomer(String name) {
		return new CustomerBuilder(name);
	}

	/** A piece of feedback with text {@code text}. */
	public static FeedbackBuilder someFeedback(String text) {
		return new FeedbackBuilder(text);
	}

}
