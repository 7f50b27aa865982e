package dev.priora.feedback.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.feedback.FeedbackKind;
import dev.priora.feedback.FeedbackService;
import dev.priora.feedback.FeedbackView;
import dev.priora.feedback.KindModelView;
import dev.priora.problem.Etags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The kind of each feedback set by hand, and the product's kind model. */
@RestController
@Tag(name = "Feedback")
class KindApiController {

	private static final String BASE = "/api/v1/products/{productKey}";

	private final FeedbackService feedback;

	KindApiController(FeedbackService feedback) {
		this.feedback = feedback;
	}

	record KindBody(@Size(max = 30) String kind) {
	}

	@PutMapping(BASE + "/feedback/{id}/kind")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Set the kind (BUG, FEATURE_REQUEST, QUESTION, PRAISE, COMPLAINT, OTHER) by hand",
			description = "The kind stays as set (kindSource set, confidence 1) and teaches the product's own model,"
					+ " checked again in the background.")
	ResponseEntity<FeedbackView> setKind(@PathVariable String productKey, @PathVariable long id,
			@Valid @RequestBody KindBody body) {
		FeedbackView f = feedback.setKind(productKey, id, FeedbackKind.parse(body.kind()));
		return ResponseEntity.ok().eTag(Etags.of(f.version())).body(f);
	}

	@GetMapping(BASE + "/feedback-kinds/model")
	@Operation(summary = "The kind model in use (general or the product's own), its labels, held-out accuracy"
			+ " and confusion matrix")
	KindModelView kindModel(@PathVariable String productKey) {
		return feedback.kindModel(productKey);
	}

	@PostMapping(BASE + "/feedback-kinds/model/retrain")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Check the product's kind model again now, in the background (202)")
	ResponseEntity<KindModelView> retrainKinds(@PathVariable String productKey) {
		feedback.retrainKinds(productKey);
		return ResponseEntity.accepted().body(feedback.kindModel(productKey));
	}

}
