package dev.priora.feedback.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.feedback.FeedbackKind;
import dev.priora.feedback.FeedbackService;
import dev.priora.web.HtmxToast;

/**
 * Kinds on pages: set on the feedback page (an htmx select; a plain post redirects back
 * to it), and the product settings' section with the kind model in use, its accuracy,
 * confusion matrix and "retrain now" (loaded by htmx into the backlog's settings page).
 */
@Controller
class KindPageController {

	static final String SETTINGS_FRAGMENT = "feedback/kinds :: settings";

	private final FeedbackService feedback;

	private final FeedbackPageModel pageModel;

	KindPageController(FeedbackService feedback, FeedbackPageModel pageModel) {
		this.feedback = feedback;
		this.pageModel = pageModel;
	}

	@PostMapping("/p/{key}/feedback/{id}/kind")
	@Requires(Permission.EDIT_BACKLOG)
	String setKind(@PathVariable String key, @PathVariable long id, @RequestParam(defaultValue = "") String kind,
			Model model, @RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes redirect,
			HttpServletResponse response) {
		var f = feedback.setKind(key, id, FeedbackKind.parse(kind));
		String done = "Kind set to " + f.kind().label().toLowerCase(Locale.ROOT) + ".";
		if (htmx == null) {
			return FeedbackPageController.redirect(key, id, done, redirect);
		}
		HtmxToast.show(response, done);
		pageModel.fill(key, id, model);
		return FeedbackPageController.FEEDBACK_CONTENT;
	}

	@GetMapping("/p/{key}/settings/kinds")
	String settings(@PathVariable String key, Model model) {
		model.addAttribute("kindModel", feedback.kindModel(key));
		model.addAttribute("minLabels", dev.priora.feedback.KindModelView.MIN_LABELS);
		return SETTINGS_FRAGMENT;
	}

	@PostMapping("/p/{key}/settings/kinds/retrain")
	@Requires(Permission.EDIT_BACKLOG)
	String retrain(@PathVariable String key, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		feedback.retrainKinds(key);
		String done = "Retraining in the background: reload in a moment to see the result.";
		if (htmx == null) {
			redirect.addFlashAttribute("toast", done);
			return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/settings";
		}
		HtmxToast.show(response, done);
		return settings(key, model);
	}

}
