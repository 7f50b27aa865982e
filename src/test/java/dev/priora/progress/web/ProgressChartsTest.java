package dev.priora.progress.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.priora.backlog.ItemStatus;
import dev.priora.progress.FlowMetrics;
import dev.priora.web.Chart;

class ProgressChartsTest {

	private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

	@Test
	void percentilesOfTheSameDaysShareOneLabelledLine() {
		var items = List.of(new FlowMetrics.CycleTime("A-1", DAY, 0), new FlowMetrics.CycleTime("A-2", DAY, 0));
		Chart same = ProgressCharts.cycleTimes(new FlowMetrics.CycleTimes(items, 0.0, 0.0, 0.0));
		assertThat(same.levels()).extracting(Chart.Level::label).containsExactly("50 %, 85 % and 95 % within 0 days");
		Chart apart = ProgressCharts.cycleTimes(new FlowMetrics.CycleTimes(items, 2.0, 5.5, 5.5));
		assertThat(apart.levels()).extracting(Chart.Level::label)
			.containsExactly("50 % within 2 days", "85 % and 95 % within 5.5 days");
		assertThat(List.<Object>copyOf(apart.series().get(0).data())).containsExactly(List.of("2026-11-02", 0.0, "A-1"),
				List.of("2026-11-02", 0.0, "A-2"));
	}

	@Test
	void cumulativeFlowStartsAtTheFirstDayWithItemsAndStacksDoneFirst() {
		Map<ItemStatus, Integer> none = Map.of(ItemStatus.NEW, 0, ItemStatus.READY, 0, ItemStatus.IN_PROGRESS, 0,
				ItemStatus.DONE, 0);
		Map<ItemStatus, Integer> some = Map.of(ItemStatus.NEW, 3, ItemStatus.READY, 1, ItemStatus.IN_PROGRESS, 1,
				ItemStatus.DONE, 2);
		Chart flow = ProgressCharts.flow(List.of(new FlowMetrics.FlowDay(DAY, none),
				new FlowMetrics.FlowDay(DAY.plusDays(1), none), new FlowMetrics.FlowDay(DAY.plusDays(2), some)));
		assertThat(flow.series()).extracting(Chart.Series::name).containsExactly("Done", "In progress", "Ready", "New");
		assertThat(List.<Object>copyOf(flow.series().get(0).data())).containsExactly(List.of("2026-11-04", 2));
		assertThat(flow.json()).contains("\"type\":\"area\"");
	}

}
