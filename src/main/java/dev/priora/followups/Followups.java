package dev.priora.followups;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.backlog.ProductService;
import dev.priora.problem.DomainProblem;

/**
 * The product owner's side of closing the loop: the drafted messages to read, edit,
 * dismiss, send in one go or mark as told in person, and whether drafts are sent
 * automatically. One transaction per command; a refused command changes nothing.
 */
@Service
public class Followups {

	/** The most ids one send takes. */
	public static final int MAX_SEND = 500;

	/** The longest body, in characters. */
	public static final int MAX_BODY = 20_000;

	/** What shipped, with the messages about it. */
	public record Group(Shipped shipped, List<FollowupView> messages) {
	}

	/**
	 * The page: drafts to e-mail by what shipped, drafts for people without an address,
	 * recent messages sent, told or dismissed, and the automatic-sending setting.
	 */
	public record Board(List<Group> toSend, List<FollowupView> inPerson, List<FollowupView> recent, boolean autoSend) {

		public int waiting() {
			return toSend.stream().mapToInt(g -> g.messages().size()).sum() + inPerson.size();
		}

	}

	private final FollowupRepository repository;

	private final AskerRepository asked;

	private final FollowupSender sender;

	private final ProductService products;

	private final Clock clock;

	Followups(FollowupRepository repository, AskerRepository asked, FollowupSender sender, ProductService products,
			Clock clock) {
		this.repository = repository;
		this.asked = asked;
		this.sender = sender;
		this.products = products;
		this.clock = clock;
	}

	/** The product's messages in this status (all when null), newest first. */
	@Transactional(readOnly = true)
	public List<FollowupView> list(String productKey, FollowupStatus status) {
		String key = products.get(productKey).key();
		return views(repository.list(key, status == null ? Set.of() : Set.of(status), 1000));
	}

	@Transactional(readOnly = true)
	public FollowupView get(String productKey, long id) {
		return views(List.of(row(products.get(productKey).key(), id))).get(0);
	}

	@Transactional(readOnly = true)
	public Board board(String productKey) {
		String key = products.get(productKey).key();
		List<FollowupView> drafts = new ArrayList<>(views(repository.list(key, Set.of(FollowupStatus.DRAFT), 1000)));
		java.util.Collections.reverse(drafts); // oldest first
		Map<String, List<FollowupView>> groups = new LinkedHashMap<>();
		List<FollowupView> inPerson = new ArrayList<>();
		for (FollowupView v : drafts) {
			if (v.mailable()) {
				groups.computeIfAbsent(v.shipped().kind() + ":" + v.shipped().id(), k -> new ArrayList<>()).add(v);
			}
			else {
				inPerson.add(v);
			}
		}
		List<Group> toSend = groups.values().stream().map(g -> new Group(g.get(0).shipped(), g)).toList();
		var recent = views(repository.list(key,
				EnumSet.of(FollowupStatus.SENT, FollowupStatus.MANUAL, FollowupStatus.DISMISSED), 30));
		return new Board(toSend, inPerson, recent, repository.autoSend(key));
	}

	/** The number of messages waiting for the product owner. */
	@Transactional(readOnly = true)
	public int waiting(String productKey) {
		return repository.list(products.get(productKey).key(), Set.of(FollowupStatus.DRAFT), 1000).size();
	}

	/**
	 * Changes a draft's subject and body (null: kept) when it is at {@code version}.
	 */
	@Transactional
	public FollowupView edit(String productKey, long id, String subject, String body, long version) {
		String key = products.get(productKey).key();
		var row = row(key, id);
		Map<String, String> errors = new LinkedHashMap<>();
		String s = subject == null ? row.subject() : subject.strip();
		if (s.isEmpty() || s.length() > 300 || s.matches("(?s).*[\\r\\n].*")) {
			errors.put("subject", "is one line of 1 to 300 characters");
		}
		String b = body == null ? row.body() : body.strip();
		if (b.isEmpty() || b.length() > MAX_BODY) {
			errors.put("body", "is required, at most 20,000 characters");
		}
		if (!errors.isEmpty()) {
			throw DomainProblem.invalid(errors);
		}
		draft(row);
		if (row.version() != version || !repository.edit(id, s, b, version, clock.instant())) {
			throw DomainProblem.stale("Message " + id, row.version(), "someone");
		}
		return get(key, id);
	}

	/** E-mails these drafts (all or none) and answers how many were sent. */
	@Transactional
	public int send(String productKey, Collection<Long> ids, UserId user) {
		String key = products.get(productKey).key();
		if (ids == null || ids.isEmpty() || ids.stream().anyMatch(Objects::isNull)) {
			throw DomainProblem.invalid("ids", "select at least one message");
		}
		Set<Long> wanted = new LinkedHashSet<>(ids);
		if (wanted.size() > MAX_SEND) {
			throw DomainProblem.invalid("ids", "at most " + MAX_SEND + " messages at once");
		}
		var rows = repository.find(key, wanted);
		if (rows.size() != wanted.size()) {
			Set<Long> missing = new LinkedHashSet<>(wanted);
			rows.forEach(r -> missing.remove(r.id()));
			throw DomainProblem.invalid("ids", "no message " + missing.iterator().next() + " in product " + key);
		}
		sender.send(key, rows, user);
		return rows.size();
	}

	/** Dismisses a draft: nobody is told. */
	@Transactional
	public FollowupView dismiss(String productKey, long id, UserId user) {
		return close(productKey, id, FollowupStatus.DISMISSED, user);
	}

	/** Records that the person was told in person (for people without an address). */
	@Transactional
	public FollowupView told(String productKey, long id, UserId user) {
		return close(productKey, id, FollowupStatus.MANUAL, user);
	}

	@Transactional(readOnly = true)
	public boolean autoSend(String productKey) {
		return repository.autoSend(products.get(productKey).key());
	}

	/** Turns automatic sending on or off; turning it on does not send waiting drafts. */
	@Transactional
	public void autoSend(String productKey, boolean on) {
		repository.autoSend(products.get(productKey).key(), on);
	}

	private FollowupView close(String productKey, long id, FollowupStatus status, UserId user) {
		String key = products.get(productKey).key();
		draft(row(key, id));
		if (!repository.close(id, status, clock.instant(), user.value())) {
			throw DomainProblem.conflict("followup-not-draft", "Message " + id + " was changed meanwhile");
		}
		return get(key, id);
	}

	private static void draft(FollowupRepository.Row row) {
		if (row.status() != FollowupStatus.DRAFT) {
			throw DomainProblem.conflict("followup-not-draft",
					"Message " + row.id() + " is " + row.status().name().toLowerCase() + ", not a draft");
		}
	}

	private FollowupRepository.Row row(String key, long id) {
		return repository.find(key, List.of(id))
			.stream()
			.findFirst()
			.orElseThrow(() -> DomainProblem.notFound("Message " + id));
	}

	List<FollowupView> views(List<FollowupRepository.Row> rows) {
		List<Long> ids = rows.stream().map(FollowupRepository.Row::id).toList();
		var words = repository.words(ids);
		var feedback = repository.feedbackIds(ids);
		var notes = asked
			.releaseNotes(rows.stream().map(FollowupRepository.Row::releaseId).filter(Objects::nonNull).toList());
		return rows.stream()
			.map(r -> new FollowupView(r.id(), r.shipped(), r.releaseName(),
					r.recipient().name().isEmpty() && r.customerName() != null ? r.customerName()
							: r.recipient().name(),
					r.recipient().email(), r.recipient().customerId(), r.customerName(),
					words.getOrDefault(r.id(), List.of()), feedback.getOrDefault(r.id(), List.of()), r.subject(),
					r.body(), r.releaseId() != null && notes.containsKey(r.releaseId()), r.status(), r.createdAt(),
					r.toldAt(), r.version()))
			.toList();
	}

}
