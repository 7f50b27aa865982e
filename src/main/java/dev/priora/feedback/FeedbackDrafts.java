package dev.priora.feedback;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.priora.problem.DomainProblem;

/**
 * Checks new feedback before it is recorded: text, one-line title, tags (lower case, each
 * once), external id, a date not in the future, and a customer and contact of the
 * product; one 400 naming every field at fault.
 */
@Component
class FeedbackDrafts {

	/** Control characters other than line breaks and tabs: refused in feedback texts. */
	static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");

	private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,49}");

	private final CustomerService customers;

	private final Clock clock;

	FeedbackDrafts(CustomerService customers, Clock clock) {
		this.customers = customers;
		this.clock = clock;
	}

	/**
	 * The draft as it is stored (text stripped, tags normalised); 400 when it is not
	 * valid.
	 */
	FeedbackDraft checked(String key, FeedbackDraft d) {
		Map<String, String> errors = new LinkedHashMap<>();
		String text = d.text() == null ? "" : d.text().strip();
		if (text.isEmpty()) {
			errors.put("text", "is required");
		}
		else if (text.length() > FeedbackService.MAX_TEXT) {
			errors.put("text", "must be at most " + FeedbackService.MAX_TEXT + " characters, was " + text.length());
		}
		else if (CONTROL.matcher(text).find()) {
			errors.put("text", "must not contain control characters");
		}
		if (d.title().length() > 300 || CONTROL.matcher(d.title()).find() || d.title().contains("\n")) {
			errors.put("title", "must be one line of at most 300 characters");
		}
		List<String> tags = tags(d.tags(), errors);
		if (d.externalId() != null && d.externalId().length() > 100) {
			errors.put("externalId", "must be at most 100 characters");
		}
		if (d.receivedAt() != null && d.receivedAt().isAfter(clock.instant().plus(Duration.ofDays(1)))) {
			errors.put("receivedAt", "must not be in the future");
		}
		customer(key, d, errors);
		if (!errors.isEmpty()) {
			throw DomainProblem.invalid(errors);
		}
		return new FeedbackDraft(d.title(), text, d.customerId(), d.contactId(), d.channel(), d.receivedAt(), tags,
				d.externalId());
	}

	private static List<String> tags(List<String> given, Map<String, String> errors) {
		Set<String> tags = new LinkedHashSet<>();
		for (String t : given) {
			String tag = t == null ? "" : t.strip().toLowerCase(Locale.ROOT);
			if (!TAG.matcher(tag).matches()) {
				errors.put("tags", "each tag is 1 to 50 letters, digits, '.', '_' or '-'");
			}
			tags.add(tag);
		}
		if (tags.size() > 20) {
			errors.put("tags", "at most 20 tags");
		}
		return List.copyOf(tags);
	}

	private void customer(String key, FeedbackDraft d, Map<String, String> errors) {
		if (d.customerId() != null) {
			try {
				CustomerView c = customers.get(key, d.customerId());
				if (d.contactId() != null && c.contacts().stream().noneMatch(x -> x.id() == d.contactId())) {
					errors.put("contactId", "is not a contact of customer " + d.customerId());
				}
			}
			catch (DomainProblem e) {
				errors.put("customerId", "no customer " + d.customerId() + " in product " + key);
			}
		}
		else if (d.contactId() != null) {
			errors.put("contactId", "needs a customerId");
		}
	}

}
