package dev.priora.support;

import java.util.List;

/** A roadmap objective. See {@link Fixtures#anObjective(String)}. */
public final class ObjectiveBuilder extends RequestBuilder<ObjectiveBuilder> {

	ObjectiveBuilder(String title) {
		with("title", title);
	}

	public ObjectiveBuilder description(String description) {
		return with("description", description);
	}

	public ObjectiveBuilder keyResults(String... keyResults) {
		return with("keyResults", List.of(keyResults));
	}

	public ObjectiveBuilder target(String target) {
		return with("target", target);
	}

	/** Creates the objective in {@code product}; answers its id. */
	public long in(TestProduct product) {
		return createForId(product, "/objectives");
	}

}
