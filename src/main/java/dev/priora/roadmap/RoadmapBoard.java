package dev.priora.roadmap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.priora.backlog.ItemStatus;
import dev.priora.backlog.ProductService;
import dev.priora.planning.PlanningService;
import dev.priora.planning.ReleaseStatus;
import dev.priora.planning.ReleaseView;
import dev.priora.progress.ProgressService;
import dev.priora.roadmap.RoadmapService.Column;
import dev.priora.roadmap.RoadmapService.Entry;
import dev.priora.roadmap.RoadmapService.Roadmap;
import dev.priora.roadmap.RoadmapService.TimelineRow;

/**
 * The roadmap as shown: vision, goal and objectives, the now / next / later board of the
 * unreleased releases' open items, and the timeline with each release's forecast.
 */
@Component
class RoadmapBoard {

	private final RoadmapRepository repository;

	private final Objectives objectives;

	private final ProductService products;

	private final PlanningService planning;

	private final ProgressService progress;

	RoadmapBoard(RoadmapRepository repository, Objectives objectives, ProductService products, PlanningService planning,
			ProgressService progress) {
		this.repository = repository;
		this.objectives = objectives;
		this.products = products;
		this.planning = planning;
		this.progress = progress;
	}

	Roadmap roadmap(String productKey, Long objectiveId) {
		var product = products.get(productKey);
		var all = objectives.objectives(productKey);
		Map<String, List<String>> byItem = Objectives.byItem(all);
		String filter = objectiveId == null ? null : objectives.objective(productKey, objectiveId).title();
		List<ReleaseView> releases = planning.board(productKey)
			.releases()
			.stream()
			.filter(r -> r.status() != ReleaseStatus.RELEASED)
			.toList();
		List<ReleaseView> now = releases.stream().filter(r -> r.status() == ReleaseStatus.ACTIVE).toList();
		List<ReleaseView> planned = releases.stream().filter(r -> r.status() == ReleaseStatus.PLANNED).toList();
		List<Column> board = new ArrayList<>();
		board.add(column("Now", now, byItem, filter));
		board.add(column("Next", planned.isEmpty() ? List.of() : planned.subList(0, 1), byItem, filter));
		board
			.add(column("Later", planned.size() <= 1 ? List.of() : planned.subList(1, planned.size()), byItem, filter));
		List<TimelineRow> timeline = new ArrayList<>();
		Map<Long, ProgressService.ReleaseForecast> forecasts = new HashMap<>();
		progress.releaseForecasts(productKey).forEach(f -> forecasts.put(f.releaseId(), f));
		for (ReleaseView r : releases) {
			var p = forecasts.get(r.id());
			var f = p == null ? null : p.forecast();
			timeline.add(new TimelineRow(r.name(), r.status().name().toLowerCase(Locale.ROOT), r.targetDate(),
					f == null ? null : f.p50Date(), f == null ? null : f.p85Date(), f == null ? null : f.p95Date(),
					p == null ? null : p.flag(), p == null ? List.of() : p.after()));
		}
		return new Roadmap(product.name(), product.vision(), repository.goal(product.key()).orElse(""), all, board,
				timeline);
	}

	private Column column(String name, List<ReleaseView> releases, Map<String, List<String>> byItem, String filter) {
		List<Entry> entries = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (ReleaseView r : releases) {
			names.add(r.name());
			for (var i : r.items()) {
				List<String> objectives = byItem.getOrDefault(i.key(), List.of());
				if (ItemStatus.DONE.label().equals(i.status()) || filter != null && !objectives.contains(filter)) {
					continue;
				}
				entries.add(new Entry(i.key(), i.title(), i.status(), i.estimate(), objectives));
			}
		}
		return new Column(name, String.join(", ", names), entries);
	}

}
