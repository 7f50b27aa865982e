package dev.priora.followups;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.feedback.CustomerFollowups;

/**
 * The feedback module's port {@link CustomerFollowups}: when each feedback's sender was
 * told, and what a customer's people were told.
 */
@Component
class CustomerTold implements CustomerFollowups {

	private final FollowupRepository repository;

	CustomerTold(FollowupRepository repository) {
		this.repository = repository;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, Instant> toldAt(String productKey, Collection<Long> feedbackIds) {
		return repository.toldAt(productKey.toUpperCase(Locale.ROOT), feedbackIds);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Message> toldCustomer(String productKey, long customerId) {
		return repository.toldCustomer(productKey.toUpperCase(Locale.ROOT), customerId)
			.stream()
			.map(r -> new Message(r.id(), r.recipient().name().isEmpty() ? "someone" : r.recipient().name(),
					r.shipped().name(), r.subject(), r.status() == FollowupStatus.SENT, r.toldAt()))
			.toList();
	}

}
