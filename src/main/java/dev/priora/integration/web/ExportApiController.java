package dev.priora.integration.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.backlog.BacklogOrder;
import dev.priora.csv.CsvWriter;
import dev.priora.planning.PlanningService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The backlog as CSV, in backlog order, for spreadsheets. */
@RestController
@Tag(name = "Export")
class ExportApiController {

	private final BacklogOrder backlog;

	private final PlanningService planning;

	ExportApiController(BacklogOrder backlog, PlanningService planning) {
		this.backlog = backlog;
		this.planning = planning;
	}

	@GetMapping(value = "/api/v1/products/{productKey}/items.csv", produces = "text/csv")
	@Operation(
			summary = "The whole backlog as CSV in backlog order: rank, key, type, title, status, estimate, labels, epic, release")
	ResponseEntity<String> backlogCsv(@PathVariable String productKey) {
		var snapshot = backlog.snapshot(productKey);
		Map<String, String> releases = new HashMap<>();
		planning.board(productKey).releases().forEach(r -> r.items().forEach(i -> releases.put(i.key(), r.name())));
		List<List<?>> rows = new ArrayList<>();
		int rank = 0;
		for (var e : snapshot.items()) {
			rows.add(Arrays.asList(++rank, e.key(), e.type(), e.title(), e.status(),
					e.estimate() == null ? null : e.estimate().stripTrailingZeros(), String.join(";", e.labels()),
					e.parent(), releases.get(e.key().toString())));
		}
		return CsvWriter.download(snapshot.productKey() + "-backlog.csv",
				List.of("rank", "key", "type", "title", "status", "estimate", "labels", "epic", "release"), rows);
	}

}
