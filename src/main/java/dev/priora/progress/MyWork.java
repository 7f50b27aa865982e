package dev.priora.progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.ProductRoles;
import dev.priora.accounts.SignedInUser;
import dev.priora.backlog.ItemStatus;
import dev.priora.backlog.ProductService;

/**
 * A person's work: the items assigned to them across the products they may see. A person
 * is a team member of a product when the member's e-mail is their sign-in e-mail.
 */
@Service
public class MyWork {

	/** The person's items in one product. */
	public record Group(String productKey, String productName, String memberName, List<Entry> items) {

		public long open() {
			return items.stream().filter(Entry::open).count();
		}

	}

	/** One assigned item with its status and plan (sprint and release may be null). */
	public record Entry(String key, String type, String title, ItemStatus status, BigDecimal estimate, Long sprintId,
			String sprint, Long releaseId, String release, Instant updatedAt) {

		public boolean open() {
			return status != ItemStatus.DONE && status != ItemStatus.REJECTED;
		}

	}

	private final BoardRepository repository;

	private final ProductRoles roles;

	private final ProductService products;

	MyWork(BoardRepository repository, ProductRoles roles, ProductService products) {
		this.repository = repository;
		this.roles = roles;
		this.products = products;
	}

	/** The user's assigned items, grouped by product (by product name). */
	@Transactional(readOnly = true)
	public List<Group> of(SignedInUser user) {
		List<String> keys = products.list()
			.stream()
			.map(dev.priora.backlog.ProductView::key)
			.filter(k -> roles.canSee(user, k))
			.toList();
		Map<String, Group> groups = new LinkedHashMap<>();
		for (var w : repository.work(user.email(), keys)) {
			groups
				.computeIfAbsent(w.productKey(),
						k -> new Group(w.productKey(), w.productName(), w.memberName(), new ArrayList<>()))
				.items()
				.add(new Entry(w.productKey() + "-" + w.itemNumber(), w.type(), w.title(),
						ItemStatus.valueOf(w.status()), w.estimate(), w.sprintId(), w.sprintName(), w.releaseId(),
						w.releaseName(), w.updatedAt()));
		}
		return List.copyOf(groups.values());
	}

}
