package dev.priora.progress.web;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemStatus;
import dev.priora.progress.Board;
import dev.priora.progress.BoardService;

/**
 * The sprint board page: columns by status, swimlanes, WIP limits; a card moves by drag,
 * by keyboard (both through the script, which swaps in the board this answers) or by its
 * status menu (a plain form: post/redirect/get).
 */
@Controller
class BoardPageController {

	static final String BOARD_VIEW = "progress/board";

	static final String BOARD_FRAGMENT = "progress/board :: board";

	private final BoardService boards;

	BoardPageController(BoardService boards) {
		this.boards = boards;
	}

	/** The board's choice as request parameters: a sprint or a release, lanes, mine. */
	record BoardForm(Long sprint, Long release, String lanes, Boolean mine) {

		BoardService.Query query() {
			return new BoardService.Query(sprint, release, Board.Lanes.of(lanes), Boolean.TRUE.equals(mine));
		}

		/** The board's address with these choices. */
		public String url(String key) {
			return build(key, "", sprint, release, lanes, mine);
		}

		/**
		 * The address of one of the board's actions (move, wip) keeping these choices.
		 */
		public String action(String key, String action) {
			return build(key, "/" + action, sprint, release, lanes, mine);
		}

		/** The board of another sprint, keeping lanes and mine. */
		public String sprintUrl(String key, long id) {
			return build(key, "", id, null, lanes, mine);
		}

		/** The board of a release, keeping lanes and mine. */
		public String releaseUrl(String key, long id) {
			return build(key, "", null, id, lanes, mine);
		}

		/** This board with other lanes. */
		public String lanesUrl(String key, String by) {
			return build(key, "", sprint, release, by, mine);
		}

		/** This board with "mine" switched. */
		public String mineUrl(String key) {
			return build(key, "", sprint, release, lanes, !Boolean.TRUE.equals(mine));
		}

		private static String build(String key, String suffix, Long sprint, Long release, String lanes, Boolean mine) {
			var b = UriComponentsBuilder.fromPath("/p/{key}/board" + suffix);
			if (release != null) {
				b.queryParam("release", release);
			}
			else if (sprint != null) {
				b.queryParam("sprint", sprint);
			}
			if (lanes != null && !lanes.isBlank() && !"none".equalsIgnoreCase(lanes.strip())) {
				b.queryParam("lanes", lanes.strip().toLowerCase(Locale.ROOT));
			}
			if (Boolean.TRUE.equals(mine)) {
				b.queryParam("mine", true);
			}
			return b.buildAndExpand(key.toUpperCase(Locale.ROOT)).encode().toUriString();
		}

	}

	@GetMapping("/p/{key}/board")
	String board(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, BoardForm form, Model m) {
		fill(user, key, form, m);
		return BOARD_VIEW;
	}

	@PostMapping("/p/{key}/board/move")
	@Requires(Permission.WORK_ITEMS)
	String move(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, BoardForm form,
			@RequestParam String item, @RequestParam String status, @RequestParam long version,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model m, RedirectAttributes redirect) {
		var moved = boards.move(ItemKey.inProduct(key, item), status(status), version, form.query(), user.id());
		String done = moved.item() + " moved to " + moved.status().label() + ".";
		if (htmx != null) {
			m.addAttribute("announce", done);
			m.addAttribute("warning", moved.warning());
			fill(user, key, form, m);
			return BOARD_FRAGMENT;
		}
		redirect.addFlashAttribute("toast", moved.warning() == null ? done : done + " " + moved.warning());
		return "redirect:" + form.url(key);
	}

	@PostMapping("/p/{key}/board/wip")
	@Requires(Permission.EDIT_BACKLOG)
	String wip(@PathVariable String key, BoardForm form, @RequestParam Map<String, String> params,
			RedirectAttributes redirect) {
		Map<ItemStatus, Integer> limits = new EnumMap<>(ItemStatus.class);
		for (ItemStatus s : Board.STATUSES) {
			String v = params.getOrDefault("limit." + s.name(), "").strip();
			if (!v.isEmpty()) {
				limits.put(s, parse(s, v));
			}
		}
		boards.setWipLimits(key, limits);
		redirect.addFlashAttribute("toast", limits.isEmpty() ? "WIP limits removed." : "WIP limits saved.");
		return "redirect:" + form.url(key);
	}

	private void fill(SignedInUser user, String key, BoardForm form, Model m) {
		m.addAttribute("board", boards.board(key, form.query(), user.email()));
		m.addAttribute("form", form);
	}

	static ItemStatus status(String text) {
		try {
			return ItemStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw DomainProblem.invalid("status", "must be one of NEW, READY, IN_PROGRESS, DONE, REJECTED");
		}
	}

	private static int parse(ItemStatus s, String v) {
		try {
			return Integer.parseInt(v);
		}
		catch (NumberFormatException e) {
			throw DomainProblem.invalid("limits." + s.name(),
					"must be a whole number from 1 to " + BoardService.MAX_WIP_LIMIT);
		}
	}

}
