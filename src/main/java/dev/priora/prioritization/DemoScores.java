package dev.priora.prioritization;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import dev.priora.backlog.DemoClock;
import dev.priora.backlog.DemoProductCreated;
import dev.priora.backlog.ItemKey;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives the demo product's open items RICE impact and confidence from
 * {@code demo/scores.json}; reach (customers asking) and effort (estimates) come from the
 * demo's feedback and backlog, so the scores, the map and the order by score work from
 * the first start. The inputs were typed in on the day {@code scored} gives.
 */
@Component
class DemoScores {

	record Demo(String model, String scored, Map<String, Map<String, String>> inputs) {
	}

	private final PrioritizationService scores;

	private final ScoringModels models;

	private final JsonMapper json;

	private final DemoClock clock;

	DemoScores(PrioritizationService scores, ScoringModels models, JsonMapper json, DemoClock clock) {
		this.scores = scores;
		this.models = models;
		this.json = json;
		this.clock = clock;
	}

	@EventListener
	@Order(20)
	void on(DemoProductCreated event) throws IOException {
		Demo demo;
		try (InputStream in = new ClassPathResource("demo/scores.json").getInputStream()) {
			demo = json.readValue(in, Demo.class);
		}
		var model = models.models(event.productKey())
			.stream()
			.filter(m -> m.name().equals(demo.model()))
			.findFirst()
			.orElseThrow();
		clock.at(event.at(demo.scored()),
				() -> demo.inputs()
					.forEach((number, inputs) -> scores.setInputs(
							new ItemKey(event.productKey(), Long.parseLong(number)), model.id(), inputs,
							event.createdBy())));
	}

}
