package dev.priora.portal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.backlog.ProductService;
import dev.priora.problem.DomainProblem;

/**
 * The team's side of a portal's ideas: every idea with the customers behind its votes
 * (revenue per currency, segments), the status shown to visitors set by hand (or back to
 * following the linked items; its followers are mailed a change), and moderation (approve
 * a held idea, mark spam).
 */
@Service
public class IdeaModeration {

	private final IdeaRepository ideas;

	private final IdeaDemandRepository demand;

	private final IdeaTalkRepository talk;

	private final ProductService products;

	private final IdeaMails mails;

	IdeaModeration(IdeaRepository ideas, IdeaDemandRepository demand, IdeaTalkRepository talk, ProductService products,
			IdeaMails mails) {
		this.ideas = ideas;
		this.demand = demand;
		this.talk = talk;
		this.products = products;
		this.mails = mails;
	}

	/** Every idea of the product, newest first, with who is behind it. */
	public List<TeamIdea> list(String productKey) {
		String key = products.get(productKey).key();
		Map<Long, List<IdeaDemandRepository.VoterRow>> voters = new HashMap<>();
		for (var v : demand.voters(key)) {
			voters.computeIfAbsent(v.ideaId(), k -> new java.util.ArrayList<>()).add(v);
		}
		Map<Long, Integer> held = talk.heldCounts(key);
		return ideas.all(key)
			.stream()
			.map(r -> view(r, voters.getOrDefault(r.id(), List.of()), held.getOrDefault(r.id(), 0)))
			.toList();
	}

	/** One idea as the team sees it; 404 when it is not the product's. */
	public TeamIdea get(String productKey, long id) {
		String key = products.get(productKey).key();
		return list(key).stream()
			.filter(i -> i.id() == id)
			.findFirst()
			.orElseThrow(() -> DomainProblem.notFound("Idea " + id));
	}

	/**
	 * Sets the status visitors see ({@code null}: follow the linked items again); a
	 * decline needs a reason.
	 */
	@Transactional
	public TeamIdea setStatus(String productKey, long id, IdeaStatus status, String reason) {
		String key = products.get(productKey).key();
		String why = IdeaTexts.reason(status, reason);
		IdeaRepository.Row row = ideas.lock(key, id).orElseThrow(() -> DomainProblem.notFound("Idea " + id));
		if (row.mergedInto() != null) {
			throw DomainProblem.conflict("merged", "Idea " + id + " is merged into #" + row.mergedInto() + ".");
		}
		ideas.setStatus(row.id(), status, why);
		IdeaRepository.Row now = ideas.find(key, id).orElseThrow();
		if (now.status() != row.status() || !now.declinedReason().equals(row.declinedReason())) {
			mails.tell(now, now.status(), why);
		}
		return get(key, id);
	}

	/** Approves (VISIBLE), holds or marks an idea as spam. */
	@Transactional
	public TeamIdea moderate(String productKey, long id, IdeaState state) {
		String key = products.get(productKey).key();
		if (state == null) {
			throw DomainProblem.invalid("state", "is VISIBLE, HELD or SPAM");
		}
		IdeaRepository.Row row = ideas.lock(key, id).orElseThrow(() -> DomainProblem.notFound("Idea " + id));
		ideas.setState(row.id(), state);
		return get(key, id);
	}

	private static TeamIdea view(IdeaRepository.Row r, List<IdeaDemandRepository.VoterRow> voters, int held) {
		Set<Long> customers = new HashSet<>();
		Map<String, BigDecimal> revenue = new TreeMap<>();
		Map<String, Integer> segments = new TreeMap<>();
		for (var v : voters) {
			if (v.customerId() == null || !customers.add(v.customerId())) {
				continue;
			}
			if (v.revenue() != null && v.currency() != null) {
				revenue.merge(v.currency(), v.revenue(), BigDecimal::add);
			}
			segments.merge(v.segment() == null || v.segment().isBlank() ? "(none)" : v.segment(), 1, Integer::sum);
		}
		return new TeamIdea(r.id(), r.feedbackId(), r.title(), r.category(), r.state(), r.status(), r.statusByHand(),
				r.votes(), customers.size(), revenue, segments, r.createdAt(), r.mergedInto(), held);
	}

}
