package dev.priora.backlog;

import dev.priora.problem.DomainProblem;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.UserId;

/**
 * Comments on items, oldest first: written by the team, or brought over by an import with
 * the original author's name and date.
 */
@Service
public class CommentService {

	/** Longest comment, in characters. */
	public static final int MAX_LENGTH = 20_000;

	/**
	 * A comment: its text (Markdown), who wrote it, where it came from ("" for Priora).
	 */
	public record Comment(long id, String body, String author, String source, Instant at) {
	}

	private final CommentRepository repository;

	private final ProductService products;

	private final ItemRepository items;

	private final AccountService accounts;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	CommentService(CommentRepository repository, ProductService products, ItemRepository items, AccountService accounts,
			Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.repository = repository;
		this.products = products;
		this.items = items;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Comment> comments(ItemKey key) {
		List<CommentRepository.Row> rows = repository.comments(itemId(key));
		Map<UserId, String> names = accounts
			.displayNames(rows.stream().filter(r -> r.authorId() != null).map(r -> new UserId(r.authorId())).toList());
		return rows.stream()
			.map(r -> new Comment(r.id(), r.body(),
					r.authorId() != null ? names.getOrDefault(new UserId(r.authorId()), "someone")
							: r.authorName().isBlank() ? "someone" : r.authorName(),
					r.source(), r.at()))
			.toList();
	}

	/** Adds the user's comment. */
	@Transactional
	public Comment add(ItemKey key, String body, UserId user) {
		String text = text(body);
		Instant now = clock.instant();
		ItemRow item = item(key);
		long id = repository.insert(item.id(), text, user.value(), "", "", now);
		events.publishEvent(new BacklogEvents.CommentAdded(new ItemId(item.id()), key, item.title(), id, text, user));
		return new Comment(id, text, accounts.displayNames(List.of(user)).getOrDefault(user, "someone"), "", now);
	}

	/** Adds a comment brought over from another tool, with its author and date. */
	@Transactional
	public void addImported(ItemKey key, String body, String author, String source, Instant at) {
		String text = body == null ? "" : body.strip();
		if (text.isEmpty()) {
			return;
		}
		repository.insert(itemId(key), text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH - 1) + "…" : text,
				null, author == null ? "" : clip(author, 200), clip(source, 20), at == null ? clock.instant() : at);
	}

	private static String text(String body) {
		String text = body == null ? "" : body.strip();
		if (text.isEmpty()) {
			throw DomainProblem.invalid("body", "must not be blank");
		}
		if (text.length() > MAX_LENGTH) {
			throw DomainProblem.invalid("body", "must be at most " + MAX_LENGTH + " characters");
		}
		return text;
	}

	private long itemId(ItemKey key) {
		return item(key).id();
	}

	private ItemRow item(ItemKey key) {
		ProductView product = products.get(key.productKey());
		if (!product.key().equals(key.productKey())) {
			throw DomainProblem.notFound("Item " + key);
		}
		return items.find(product.id().value(), key.number()).orElseThrow(() -> DomainProblem.notFound("Item " + key));
	}

	private static String clip(String s, int max) {
		return s.length() > max ? s.substring(0, max) : s;
	}

}
