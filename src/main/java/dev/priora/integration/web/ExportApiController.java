package dev.priora.integration.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.backlog.BacklogOrder;
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
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder()
					.setHeader("rank", "key", "type", "title", "status", "estimate", "labels", "epic", "release")
					.get())) {
			int rank = 0;
			for (var e : snapshot.items()) {
				csv.printRecord(++rank, e.key(), e.type(), e.title(), e.status(),
						e.estimate() == null ? "" : e.estimate().stripTrailingZeros().toPlainString(),
						String.join(";", e.labels()), e.parent() == null ? "" : e.parent(),
						releases.getOrDefault(e.key().toString(), ""));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"" + snapshot.productKey() + "-backlog.csv\"")
			.body(out.toString());
	}

}
