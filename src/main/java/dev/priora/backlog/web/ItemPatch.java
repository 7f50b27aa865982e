package dev.priora.backlog.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import dev.priora.accounts.Permission;
import dev.priora.accounts.ProductAccess;
import dev.priora.backlog.AcceptanceCriterion;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ItemDraft;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemStatus;
import dev.priora.backlog.ItemType;

/**
 * A JSON merge patch (RFC 7396) of an item: fields present are changed, {@code null}
 * clears estimate and parent, unknown fields and wrong types are refused naming the
 * field.
 */
record ItemPatch(UnaryOperator<ItemDraft> fields, ItemStatus status) {

	private static final Set<String> FIELDS = Set.of("type", "title", "description", "estimate", "labels", "parent",
			"acceptanceCriteria", "status");

	/** Fields a team member (who may work items but not edit the backlog) may change. */
	private static final Set<String> WORK_FIELDS = Set.of("status", "estimate");

	/**
	 * Without {@link Permission#EDIT_BACKLOG}, only status and estimate may change, and
	 * readiness cannot be forced: 403 otherwise.
	 */
	static void checkAllowed(ProductAccess access, Map<String, Object> body, boolean force) {
		if (access.can(Permission.EDIT_BACKLOG) || body == null) {
			return;
		}
		boolean onlyWork = WORK_FIELDS.containsAll(body.keySet());
		if (!onlyWork || force) {
			throw new ErrorResponseException(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(
					HttpStatus.FORBIDDEN,
					"Your role (" + access.role().label() + ") may change only status and estimate, without forcing."),
					null);
		}
	}

	static ItemPatch parse(String productKey, Map<String, Object> body) {
		if (body == null) {
			throw DomainProblem.invalid("body", "a JSON object is required");
		}
		for (String f : body.keySet()) {
			if (!FIELDS.contains(f)) {
				throw DomainProblem.invalid(f, "is not a known field");
			}
		}
		ItemType type = body.containsKey("type") ? enumOf(ItemType.class, "type", body.get("type")) : null;
		String title = body.containsKey("title") ? string("title", body.get("title"), false) : null;
		String description = body.containsKey("description") ? string("description", body.get("description"), true)
				: null;
		BigDecimal estimate = body.containsKey("estimate") ? number("estimate", body.get("estimate")) : null;
		List<String> labels = body.containsKey("labels") ? strings("labels", body.get("labels")) : null;
		ItemKey parent = body.containsKey("parent")
				? ItemKeys.field("parent", productKey, string("parent", body.get("parent"), true)) : null;
		List<AcceptanceCriterion> criteria = body.containsKey("acceptanceCriteria")
				? criteria(body.get("acceptanceCriteria")) : null;
		ItemStatus status = body.containsKey("status") ? enumOf(ItemStatus.class, "status", body.get("status")) : null;
		UnaryOperator<ItemDraft> fields = d -> new ItemDraft(type != null ? type : d.type(),
				title != null ? title : d.title(), description != null ? description : d.description(),
				body.containsKey("estimate") ? estimate : d.estimate(), labels != null ? labels : d.labels(),
				body.containsKey("parent") ? parent : d.parent(), criteria != null ? criteria : d.acceptanceCriteria());
		return new ItemPatch(fields, status);
	}

	private static String string(String field, Object v, boolean nullable) {
		if (v == null && nullable) {
			return null;
		}
		if (!(v instanceof String s)) {
			throw DomainProblem.invalid(field, "must be a string");
		}
		return s;
	}

	private static BigDecimal number(String field, Object v) {
		if (v == null) {
			return null;
		}
		if (!(v instanceof Number n)) {
			throw DomainProblem.invalid(field, "must be a number or null");
		}
		return new BigDecimal(n.toString());
	}

	private static List<String> strings(String field, Object v) {
		if (!(v instanceof List<?> list)) {
			throw DomainProblem.invalid(field, "must be an array of strings");
		}
		List<String> out = new ArrayList<>();
		for (Object o : list) {
			out.add(string(field, o, false));
		}
		return out;
	}

	private static List<AcceptanceCriterion> criteria(Object v) {
		if (!(v instanceof List<?> list)) {
			throw DomainProblem.invalid("acceptanceCriteria", "must be an array of {statement, done}");
		}
		List<AcceptanceCriterion> out = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			String f = "acceptanceCriteria[" + i + "]";
			if (!(list.get(i) instanceof Map<?, ?> m) || !(m.get("statement") instanceof String s) || s.isBlank()
					|| m.containsKey("done") && !(m.get("done") instanceof Boolean)) {
				throw DomainProblem.invalid(f, "must be {\"statement\": non-blank text, \"done\": true|false}");
			}
			out.add(new AcceptanceCriterion(s, Boolean.TRUE.equals(m.get("done"))));
		}
		return out;
	}

	static ItemStatus statusOf(String text) {
		return enumOf(ItemStatus.class, "status", text);
	}

	static dev.priora.backlog.DependencyKind kindOf(String text) {
		return enumOf(dev.priora.backlog.DependencyKind.class, "kind", text);
	}

	private static <E extends Enum<E>> E enumOf(Class<E> type, String field, Object v) {
		if (v instanceof String s) {
			try {
				return Enum.valueOf(type, s.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
			}
			catch (IllegalArgumentException e) {
				// reported below
			}
		}
		throw DomainProblem.invalid(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
	}
}
