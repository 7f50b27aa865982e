package dev.priora.operations.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.operations.OnlineBackup;
import dev.priora.operations.Queues;

/**
 * Admin → Operations: the embedded database's backups (and one taken now), or the pointer
 * to {@code pg_dump} on PostgreSQL, and the queues the metrics watch (administrators:
 * {@code /admin/**}).
 */
@Controller
class OperationsPageController {

	static final String VIEW = "operations/admin-operations";

	private final OnlineBackup backups;

	private final Queues queues;

	OperationsPageController(OnlineBackup backups, Queues queues) {
		this.backups = backups;
		this.queues = queues;
	}

	@GetMapping("/admin/operations")
	String page(Model model) {
		boolean embedded = backups.embedded();
		model.addAttribute("embedded", embedded);
		model.addAttribute("folder", backups.folder());
		model.addAttribute("backups", embedded ? backups.kept(20) : java.util.List.of());
		model.addAttribute("queues", queues.now());
		return VIEW;
	}

	@PostMapping("/admin/operations/backup")
	String backup(RedirectAttributes redirect) {
		OnlineBackup.Written w = backups.backup();
		String name = w.file().substring(w.file().lastIndexOf('/') + 1);
		redirect.addFlashAttribute("toast",
				"Backup written: " + name + " (" + w.products() + (w.products() == 1 ? " product)." : " products)."));
		return "redirect:/admin/operations";
	}

}
