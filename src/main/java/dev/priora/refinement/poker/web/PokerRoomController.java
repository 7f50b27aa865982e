package dev.priora.refinement.poker.web;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.Permission;
import dev.priora.accounts.ProductAccess;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.problem.DomainProblem;
import dev.priora.refinement.poker.PokerSession;
import dev.priora.refinement.poker.PokerSessions;
import dev.priora.web.HtmxToast;

/**
 * The room's commands: join, vote, and the facilitator's reveal, accept, re-vote, skip
 * and close. An htmx post answers the room (the others' rooms follow live); a plain form
 * post redirects to the room with a toast.
 */
@Controller
class PokerRoomController {

	private static final String ROOM_FRAGMENT = PokerPageController.ROOM + " :: room";

	private final PokerSessions sessions;

	private final PokerPageController pages;

	PokerRoomController(PokerSessions sessions, PokerPageController pages) {
		this.sessions = sessions;
		this.pages = pages;
	}

	/** What the room needs to answer a command. */
	record Caller(SignedInUser user, ProductAccess access, String htmx, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
	}

	@PostMapping("/p/{key}/refinement/sessions/{id}/join")
	@Requires(Permission.WORK_ITEMS)
	String join(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@RequestAttribute(ProductAccess.ATTRIBUTE) ProductAccess access,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return answer(new Caller(user, access, htmx, model, response, redirect), "You joined the session.",
				() -> sessions.join(key, id, user.id()));
	}

	@PostMapping("/p/{key}/refinement/sessions/{id}/vote")
	@Requires(Permission.WORK_ITEMS)
	String vote(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@RequestParam(defaultValue = "") String item, @RequestParam(defaultValue = "") String card,
			@RequestAttribute(ProductAccess.ATTRIBUTE) ProductAccess access,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return answer(new Caller(user, access, htmx, model, response, redirect), "Your vote is in.",
				() -> sessions.vote(key, id, blankToNull(item), card, user.id()));
	}

	@PostMapping("/p/{key}/refinement/sessions/{id}/accept")
	@Requires(Permission.RUN_REFINEMENT)
	String accept(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@RequestParam(defaultValue = "") String item, @RequestParam(defaultValue = "") String estimate,
			@RequestAttribute(ProductAccess.ATTRIBUTE) ProductAccess access,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return answer(new Caller(user, access, htmx, model, response, redirect), "Estimate accepted.",
				() -> sessions.accept(key, id, blankToNull(item), number(estimate), user.id()));
	}

	@PostMapping("/p/{key}/refinement/sessions/{id}/{action:reveal|revote|skip|close}")
	@Requires(Permission.RUN_REFINEMENT)
	String act(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@PathVariable String action, @RequestParam(defaultValue = "") String item,
			@RequestAttribute(ProductAccess.ATTRIBUTE) ProductAccess access,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		String on = blankToNull(item);
		Caller caller = new Caller(user, access, htmx, model, response, redirect);
		return switch (action) {
			case "reveal" -> answer(caller, "Votes revealed.", () -> sessions.reveal(key, id, on, user.id()));
			case "revote" ->
				answer(caller, "Cards put back: vote again.", () -> sessions.revote(key, id, on, user.id()));
			case "skip" -> answer(caller, "Item skipped.", () -> sessions.skip(key, id, on, user.id()));
			default -> answer(caller, "Session closed.", () -> sessions.close(key, id, user.id()));
		};
	}

	private String answer(Caller c, String toast, Supplier<PokerSession> command) {
		PokerSession session = command.get();
		if (c.htmx() != null) {
			HtmxToast.show(c.response(), toast);
			pages.room(session, c.user(), c.access(), c.model());
			return ROOM_FRAGMENT;
		}
		c.redirect().addFlashAttribute("toast", toast);
		return "redirect:/p/" + session.productKey().toUpperCase(Locale.ROOT) + "/refinement/sessions/" + session.id();
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static BigDecimal number(String typed) {
		try {
			return typed.isBlank() ? null : new BigDecimal(typed.strip());
		}
		catch (NumberFormatException e) {
			throw DomainProblem.invalid("estimate", "is not a number");
		}
	}

}
