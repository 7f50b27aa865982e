package dev.priora.followups;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.MemberView;
import dev.priora.accounts.ProductRole;
import dev.priora.accounts.ProductRoles;
import dev.priora.accounts.UserId;
import dev.priora.accounts.UserView;
import dev.priora.backlog.ProductService;
import dev.priora.mail.MailBody;
import dev.priora.mail.MailOutbox;
import dev.priora.mail.MailTemplates;
import dev.priora.mail.OutgoingMail;
import dev.priora.problem.DomainProblem;

/**
 * Sends drafts: each one's e-mail (HTML and plain text from {@code mail/followup}, the
 * release's published notes appended) queued through the mail outbox in the caller's
 * transaction, kind {@code followup}, and the draft marked SENT with the time.
 */
@Component
class FollowupSender {

	/** At most this many lines of a release's notes go with a message. */
	static final int NOTE_LINES = 40;

	/** A paragraph of a body: quoted words (lines starting with "> ") or text. */
	record Paragraph(boolean quote, List<String> lines) {
	}

	private final FollowupRepository repository;

	private final AskerRepository asked;

	private final MailOutbox outbox;

	private final MailTemplates templates;

	private final ProductService products;

	private final Clock clock;

	private final AccountService accounts;

	private final ProductRoles roles;

	FollowupSender(FollowupRepository repository, AskerRepository asked, MailOutbox outbox, MailTemplates templates,
			ProductService products, Clock clock, AccountService accounts, ProductRoles roles) {
		this.accounts = accounts;
		this.roles = roles;
		this.repository = repository;
		this.asked = asked;
		this.outbox = outbox;
		this.templates = templates;
		this.products = products;
		this.clock = clock;
	}

	/**
	 * Queues every draft's e-mail and marks it sent; refuses the whole lot (409) when one
	 * is not a draft any more or has no address.
	 */
	void send(String productKey, List<FollowupRepository.Row> rows, UserId user) {
		String product = products.get(productKey).name();
		Map<Long, String> notes = asked
			.releaseNotes(rows.stream().map(FollowupRepository.Row::releaseId).filter(Objects::nonNull).toList());
		Instant now = clock.instant();
		String replyTo = replyTo(productKey, user);
		for (var row : rows) {
			if (row.status() != FollowupStatus.DRAFT) {
				throw DomainProblem
					.conflict("followup-not-draft",
							"Message " + row.id() + " is " + row.status().name().toLowerCase() + ", not a draft")
					.with("field", "ids");
			}
			if (row.recipient().email() == null) {
				throw DomainProblem
					.conflict("followup-no-email",
							"Message " + row.id() + " is for " + label(row)
									+ ", who has no e-mail address: mark it as told instead")
					.with("field", "ids");
			}
			MailBody body = templates.render("followup",
					variables(row, product, row.releaseId() == null ? null : notes.get(row.releaseId())));
			outbox.queue(OutgoingMail.of(row.recipient().email(), row.subject(), body, "followup").replyingTo(replyTo));
			if (!repository.close(row.id(), FollowupStatus.SENT, now, user == null ? null : user.value())) {
				throw DomainProblem.conflict("followup-not-draft", "Message " + row.id() + " was changed meanwhile");
			}
		}
	}

	/**
	 * Where the customer's answer goes: to the person who sends, or (sent on its own) to
	 * the product's owner; null (the sender address) when neither has an address.
	 */
	private String replyTo(String productKey, UserId user) {
		if (user != null) {
			return accounts.findById(user).map(UserView::email).orElse(null);
		}
		return roles.members(productKey)
			.stream()
			.filter(m -> m.role() == ProductRole.OWNER && m.active())
			.map(MemberView::email)
			.findFirst()
			.orElse(null);
	}

	private static Map<String, Object> variables(FollowupRepository.Row row, String product, String notes) {
		Map<String, Object> v = new HashMap<>();
		v.put("subject", row.subject());
		v.put("text", row.body());
		v.put("paragraphs", paragraphs(row.body()));
		v.put("product", product);
		v.put("release", row.releaseName());
		v.put("notes", notes == null || row.releaseName() == null ? null : noteLines(notes));
		return v;
	}

	static String label(FollowupRepository.Row row) {
		return row.recipient().name().isEmpty() ? "someone at " + row.customerName() : row.recipient().name();
	}

	/** The body's paragraphs (split at blank lines), quotes apart. */
	static List<Paragraph> paragraphs(String body) {
		List<Paragraph> result = new ArrayList<>();
		for (String block : body.strip().split("\\R\\s*\\R")) {
			List<String> lines = Arrays.stream(block.split("\\R")).map(String::stripTrailing).toList();
			boolean quote = lines.stream().allMatch(l -> l.startsWith(">"));
			result.add(new Paragraph(quote,
					quote ? lines.stream().map(l -> l.replaceFirst("^>\\s?", "")).toList() : lines));
		}
		return result;
	}

	/** The first lines of a release's notes, Markdown marks of headings dropped. */
	static List<String> noteLines(String markdown) {
		List<String> lines = new ArrayList<>();
		for (String line : markdown.strip().split("\\R")) {
			if (lines.size() == NOTE_LINES) {
				lines.add("…");
				break;
			}
			lines.add(line.replaceFirst("^#{1,6}\\s+", ""));
		}
		return lines;
	}

}
