package dev.priora.progress.web;

import java.util.List;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import dev.priora.csv.CsvWriter;
import dev.priora.progress.FlowMetrics;
import io.swagger.v3.oas.annotations.Operation;

/**
 * The charts page (velocity, cumulative flow, cycle times) and the same data as JSON and
 * CSV.
 */
@Controller
class FlowController {

	static final String CHARTS_VIEW = "progress/charts";

	private static final String BASE = "/api/v1/products/{productKey}/charts";

	private final FlowMetrics flow;

	FlowController(FlowMetrics flow) {
		this.flow = flow;
	}

	@GetMapping("/p/{key}/charts")
	String page(@PathVariable String key, @RequestParam(defaultValue = "60") int days, Model m) {
		m.addAttribute("days", days);
		var velocity = flow.velocity(key);
		var cfd = flow.cumulativeFlow(key, days);
		var cycle = flow.cycleTimes(key);
		m.addAttribute("velocity", velocity);
		m.addAttribute("velocityChart", ProgressCharts.sprintVelocity(velocity).json());
		m.addAttribute("flowChart", ProgressCharts.flow(cfd).json());
		m.addAttribute("cycle", cycle);
		m.addAttribute("cycleChart", ProgressCharts.cycleTimes(cycle).json());
		return CHARTS_VIEW;
	}

	@GetMapping(BASE + "/velocity")
	@ResponseBody
	@Operation(summary = "Committed and completed points per closed sprint")
	List<FlowMetrics.SprintVelocity> velocity(@PathVariable String productKey) {
		return flow.velocity(productKey);
	}

	@GetMapping(value = BASE + "/velocity.csv", produces = "text/csv")
	@ResponseBody
	@Operation(summary = "Committed and completed points per closed sprint as CSV")
	ResponseEntity<String> velocityCsv(@PathVariable String productKey) {
		return CsvWriter.response(List.of("sprint", "committed", "completed"),
				flow.velocity(productKey)
					.stream()
					.map(v -> List.<Object>of(v.sprint(), v.committed(), v.completed()))
					.toList());
	}

	@GetMapping(BASE + "/cumulative-flow")
	@ResponseBody
	@Operation(summary = "Items per status at the end of each of the last days (default 60)")
	List<FlowMetrics.FlowDay> cumulativeFlow(@PathVariable String productKey,
			@RequestParam(defaultValue = "60") int days) {
		return flow.cumulativeFlow(productKey, days);
	}

	@GetMapping(value = BASE + "/cumulative-flow.csv", produces = "text/csv")
	@ResponseBody
	@Operation(summary = "The cumulative flow as CSV")
	ResponseEntity<String> cumulativeFlowCsv(@PathVariable String productKey,
			@RequestParam(defaultValue = "60") int days) {
		var flowDays = flow.cumulativeFlow(productKey, days);
		List<String> header = new java.util.ArrayList<>(List.of("day"));
		for (var st : dev.priora.backlog.ItemStatus.values()) {
			header.add(st.name().toLowerCase(Locale.ROOT));
		}
		return CsvWriter.response(header, flowDays.stream().map(d -> {
			List<Object> row = new java.util.ArrayList<>();
			row.add(d.day());
			row.addAll(d.counts().values());
			return row;
		}).toList());
	}

	@GetMapping(BASE + "/cycle-times")
	@ResponseBody
	@Operation(summary = "Cycle times of done items with 50/85/95 % percentiles")
	FlowMetrics.CycleTimes cycleTimes(@PathVariable String productKey) {
		return flow.cycleTimes(productKey);
	}

	@GetMapping(value = BASE + "/cycle-times.csv", produces = "text/csv")
	@ResponseBody
	@Operation(summary = "Cycle times as CSV")
	ResponseEntity<String> cycleTimesCsv(@PathVariable String productKey) {
		return CsvWriter.response(List.of("item", "done", "days"),
				flow.cycleTimes(productKey)
					.items()
					.stream()
					.map(i -> List.<Object>of(i.item(), i.done(), i.days()))
					.toList());
	}

}
