package dev.priora.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.priora.support.ApiClient.Response;

/**
 * A product made by {@link Fixtures#aProduct(String)}, with the caller who made it: its
 * API paths and the everyday moves a test sets up (planning an item into a release or
 * sprint, assigning it, finishing it, aligning it with objectives). Each move fails the
 * test unless the server accepts it.
 */
public record TestProduct(ApiClient api, String key) {

	/** {@code /api/v1/products/KEY}. */
	public String base() {
		return "/api/v1/products/" + this.key;
	}

	/** {@code /api/v1/products/KEY} followed by {@code rest}, e.g. {@code "/items"}. */
	public String path(String rest) {
		return base() + rest;
	}

	/** The key of the product's {@code n}th item, e.g. {@code KEY-3}. */
	public String item(int n) {
		return this.key + "-" + n;
	}

	/** Plans {@code item} into release {@code releaseId} (out of any sprint). */
	public void planInRelease(String item, long releaseId) {
		plan(item, releaseId, null);
	}

	/** Plans {@code item} into sprint {@code sprintId} (and the sprint's release). */
	public void planInSprint(String item, long sprintId) {
		plan(item, null, sprintId);
	}

	/**
	 * Plans {@code item} into release {@code releaseId} and its sprint {@code sprintId}.
	 */
	public void plan(String item, Long releaseId, Long sprintId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("releaseId", releaseId);
		body.put("sprintId", sprintId);
		accepted(this.api.put(path("/items/" + item + "/release"), ApiClient.json(body), null));
	}

	/** Assigns {@code item} to team member {@code memberId}. */
	public void assign(String item, long memberId) {
		accepted(
				this.api.put(path("/items/" + item + "/assignee"), ApiClient.json(Map.of("memberId", memberId)), null));
	}

	/** Aligns {@code item} with the objectives (replacing the ones it had). */
	public void align(String item, long... objectives) {
		accepted(this.api.put(path("/items/" + item + "/objectives"),
				ApiClient.json(Map.of("objectives", Arrays.stream(objectives).boxed().toList())), null));
	}

	/** Takes a ready {@code item} through READY and IN_PROGRESS to DONE. */
	public void finish(String item) {
		for (String status : new String[] { "READY", "IN_PROGRESS", "DONE" }) {
			String etag = this.api.get(path("/items/" + item)).etag();
			accepted(this.api.patch(path("/items/" + item), ApiClient.json(Map.of("status", status)), etag));
		}
	}

	private static void accepted(Response r) {
		assertThat(r.status()).as(r.text()).isBetween(200, 299);
	}

}
