package dev.priora.integration.web;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.integration.ProductArchive;
import dev.priora.jobs.Upload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A whole product as a versioned JSON export, and importing one as a new product. */
@RestController
@Tag(name = "Export")
class ArchiveApiController {

	private final ProductArchive archive;

	ArchiveApiController(ProductArchive archive) {
		this.archive = archive;
	}

	@GetMapping("/api/v1/products/{productKey}/export")
	@Requires(Permission.MANAGE_PRODUCT)
	@Operation(summary = "The whole product as versioned JSON (format priora-product-export, version 1)",
			description = "Items, order, labels, criteria, dependencies, history, comments, customers, feedback, scoring"
					+ " models and scores, releases, sprints, runs, reviews, team, goal, objectives, roadmap comments."
					+ " Ids are references local to the document; people are e-mail addresses.")
	ResponseEntity<Map<String, Object>> export(@PathVariable String productKey) {
		Map<String, Object> doc = archive.export(productKey);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + doc.get("product") + "-export.json\"")
			.body(doc);
	}

	@PostMapping("/api/v1/products/import")
	@Operation(summary = "Create a product from an export (the JSON as the body); key=NEW imports it under another key",
			description = "All or nothing: every value is checked first, and a bad file is refused with 400 listing"
					+ " errors [{table, row, column, reason}]. A workspace administrator's import maps people to the users"
					+ " with their e-mail addresses; anyone else's maps only the importing user. Every other person becomes"
					+ " the importing user (authorship, history) and gets no role; warnings say so. The importing user owns"
					+ " the product. 409 when the key is taken.")
	ResponseEntity<Map<String, Object>> restore(@AuthenticationPrincipal SignedInUser user, @RequestBody Upload file,
			@RequestParam(required = false) String key) {
		ProductArchive.Imported p = archive.restore(file.bytes(), key, user.id());
		return ResponseEntity.created(URI.create("/api/v1/products/" + p.key()))
			.body(Map.of("key", p.key(), "name", p.name(), "warnings", p.warnings()));
	}

}
