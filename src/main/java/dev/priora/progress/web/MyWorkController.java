package dev.priora.progress.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.priora.accounts.SignedInUser;
import dev.priora.progress.MyWork;

/** "My work": the items assigned to the signed-in person across their products. */
@Controller
class MyWorkController {

	static final String MY_WORK_VIEW = "progress/my-work";

	private final MyWork work;

	MyWorkController(MyWork work) {
		this.work = work;
	}

	@GetMapping("/my-work")
	String myWork(@AuthenticationPrincipal SignedInUser user, Model m) {
		var groups = work.of(user);
		m.addAttribute("groups", groups);
		m.addAttribute("email", user.email());
		m.addAttribute("openCount", groups.stream().mapToLong(MyWork.Group::open).sum());
		return MY_WORK_VIEW;
	}

}
