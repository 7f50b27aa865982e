package dev.priora.backlog.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.priora.backlog.AcceptanceCriterion;
import dev.priora.backlog.DependencyBadge;
import dev.priora.backlog.EpicRollup;
import dev.priora.backlog.HistoryEntry;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemLinks;
import dev.priora.backlog.ItemPage;
import dev.priora.backlog.ItemStatus;
import dev.priora.backlog.ItemDemand;
import dev.priora.backlog.ItemSummary;
import dev.priora.backlog.ItemType;
import dev.priora.backlog.ItemView;
import dev.priora.backlog.LinkedItem;
import dev.priora.backlog.ProductView;
import dev.priora.backlog.Readiness;

/** The JSON shapes of the backlog API, made from the service's views. */
final class BacklogJson {

	private BacklogJson() {
	}

	record Product(String key, String name, String vision, List<BigDecimal> estimateScale,
			dev.priora.backlog.EstimateUnit estimateUnit, Instant createdAt, Instant updatedAt, long version) {
		static Product of(ProductView p) {
			return new Product(p.key(), p.name(), p.vision(), p.estimateScale(), p.estimateUnit(), p.createdAt(),
					p.updatedAt(), p.version());
		}
	}

	record Rollup(int children, BigDecimal totalPoints, BigDecimal donePoints, BigDecimal remainingPoints,
			int percentComplete, int unestimated) {
		static Rollup of(EpicRollup r) {
			return r == null ? null : new Rollup(r.children(), r.totalPoints(), r.donePoints(), r.remainingPoints(),
					r.percentComplete(), r.unestimated());
		}
	}

	record Summary(String key, ItemType type, String title, ItemStatus status, BigDecimal estimate, List<String> labels,
			String parent, long version, Readiness readiness, DependencyBadge dependencies, Rollup rollup,
			ItemDemand demand, String assignee) {
		static Summary of(ItemSummary s) {
			return new Summary(s.key().toString(), s.type(), s.title(), s.status(), s.estimate(), s.labels(),
					text(s.parent()), s.version(), s.readiness(), s.dependencies(), Rollup.of(s.rollup()), s.demand(),
					s.assignee());
		}
	}

	record Page(List<Summary> items, String nextCursor) {
		static Page of(ItemPage p) {
			return new Page(p.items().stream().map(Summary::of).toList(), p.nextCursor());
		}
	}

	record Link(String key, String title, ItemStatus status, boolean done, dev.priora.backlog.DependencyKind kind) {
		static Link of(LinkedItem l) {
			return new Link(l.key().toString(), l.title(), l.status(), l.done(), l.kind());
		}
	}

	record Links(List<Link> waitsOn, List<Link> waitedOnBy, List<Link> relatesTo) {
		static Links of(ItemLinks l) {
			return new Links(l.waitsOn().stream().map(Link::of).toList(),
					l.waitedOnBy().stream().map(Link::of).toList(), l.relatesTo().stream().map(Link::of).toList());
		}
	}

	record Item(String key, ItemType type, String title, String description, BigDecimal estimate, ItemStatus status,
			List<ItemStatus> allowedStatuses, List<String> labels, String parent,
			List<AcceptanceCriterion> acceptanceCriteria, Instant createdAt, String createdBy, Instant updatedAt,
			String updatedBy, long version, Readiness readiness, Links dependencies, Rollup rollup,
			List<Summary> children) {
		static Item of(ItemView v) {
			return new Item(v.key().toString(), v.type(), v.title(), v.description(), v.estimate(), v.status(),
					List.copyOf(v.status().next()), v.labels(), text(v.parent()), v.acceptanceCriteria(), v.createdAt(),
					v.createdBy(), v.updatedAt(), v.updatedBy(), v.version(), v.readiness(), Links.of(v.links()),
					Rollup.of(v.rollup()), v.children().stream().map(Summary::of).toList());
		}
	}

	record History(String field, String oldValue, String newValue, String note, String changedBy, Instant changedAt) {
		static History of(HistoryEntry h) {
			return new History(h.field(), h.oldValue(), h.newValue(), h.note(), h.changedBy(), h.changedAt());
		}
	}

	private static String text(ItemKey key) {
		return key == null ? null : key.toString();
	}

}
