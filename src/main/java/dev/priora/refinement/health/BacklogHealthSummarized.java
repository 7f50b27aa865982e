package dev.priora.refinement.health;

import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * A product's weekly health summary is due (published once a week per product by the
 * daily task, in its transaction): the score, the score a week before (null when none was
 * recorded) and one line per kind of finding that has any ("3 items without an
 * estimate"). The notifications module tells the product's owners.
 */
@NamedInterface("health")
public record BacklogHealthSummarized(String productKey, String productName, int score, Integer weekBefore,
		List<String> lines) {

	public BacklogHealthSummarized {
		lines = List.copyOf(lines);
	}

	/** The page the summary links to. */
	public String link() {
		return "/p/" + productKey + "/health";
	}

}
