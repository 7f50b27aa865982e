package dev.priora.refinement.poker.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.priora.accounts.Permission;
import dev.priora.accounts.ProductAccess;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.backlog.web.MarkdownRenderer;
import dev.priora.refinement.poker.PokerSession;
import dev.priora.refinement.poker.PokerSessions;
import dev.priora.refinement.poker.engine.Deck;

/**
 * The Refinement pages: the product's sessions, a new session (its items picked from the
 * items that are not ready, in backlog order) and the session's room, which is also its
 * summary once closed. The room's commands are {@link PokerRoomController}'s.
 */
@Controller
class PokerPageController {

	static final String LIST = "refinement/sessions";

	static final String NEW = "refinement/new";

	static final String ROOM = "refinement/room";

	private final PokerSessions sessions;

	private final MarkdownRenderer markdown;

	PokerPageController(PokerSessions sessions, MarkdownRenderer markdown) {
		this.sessions = sessions;
		this.markdown = markdown;
	}

	@GetMapping("/p/{key}/refinement")
	String list(@PathVariable String key, @RequestAttribute(ProductAccess.ATTRIBUTE) ProductAccess access,
			Model model) {
		model.addAttribute("sessions", sessions.list(key));
		model.addAttribute("canRefine", access.can(Permission.RUN_REFINEMENT));
		return LIST;
	}

	@GetMapping("/p/{key}/refinement/new")
	@Requires(Permission.RUN_REFINEMENT)
	String create(@PathVariable String key, Model model) {
		model.addAttribute("candidates", sessions.candidates(key));
		return NEW;
	}

	@PostMapping("/p/{key}/refinement/sessions")
	@Requires(Permission.RUN_REFINEMENT)
	String create(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			@RequestParam(defaultValue = "") String name, @RequestParam(required = false) List<String> items,
			@RequestParam(defaultValue = "") String more, RedirectAttributes redirect) {
		List<String> picked = new ArrayList<>(items == null ? List.of() : items);
		Arrays.stream(more.split("[,\\s]+")).filter(s -> !s.isBlank()).forEach(picked::add);
		PokerSession s = sessions.create(key, name, picked, user.id());
		redirect.addFlashAttribute("toast", "Session started: share this page's link with the team.");
		return "redirect:/p/" + s.productKey() + "/refinement/sessions/" + s.id();
	}

	@GetMapping("/p/{key}/refinement/sessions/{id}")
	String room(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@RequestAttribute(ProductAccess.ATTRIBUTE) ProductAccess access, Model model) {
		return room(sessions.get(key, id, user.id()), user, access, model);
	}

	/**
	 * The room's model: the session as the reader sees it, and what they may do in it.
	 */
	String room(PokerSession session, SignedInUser user, ProductAccess access, Model model) {
		model.addAttribute("room", session);
		model.addAttribute("canRefine", access.can(Permission.RUN_REFINEMENT));
		model.addAttribute("canVote", access.can(Permission.WORK_ITEMS));
		model.addAttribute("joined", session.participants().stream().anyMatch(p -> p.userId() == user.id().value()));
		model.addAttribute("roomLink",
				ServletUriComponentsBuilder.fromCurrentContextPath()
					.path("/p/" + session.productKey() + "/refinement/sessions/" + session.id())
					.toUriString());
		PokerSession.Current c = session.current();
		model.addAttribute("descriptionHtml", c == null ? "" : markdown.render(c.description()));
		model.addAttribute("proposal", c == null || c.tally() == null || c.tally().proposal() == null ? null
				: Deck.text(c.tally().proposal()));
		return ROOM;
	}

}
