package dev.priora.backlog.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.Permission;
import dev.priora.accounts.ProductRoles;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.problem.Etags;
import dev.priora.backlog.ProductService;
import dev.priora.backlog.ReadyRule;
import dev.priora.backlog.ReadyRuleSetting;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Products and their Definition of Ready. */
@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Products")
class ProductApiController {

	private final ProductService products;

	private final ProductRoles roles;

	ProductApiController(ProductService products, ProductRoles roles) {
		this.products = products;
		this.roles = roles;
	}

	record CreateProduct(@NotBlank @Size(max = 10) String key, @NotBlank @Size(max = 200) String name,
			@Size(max = 5000) String vision) {
	}

	record UpdateProduct(@NotBlank @Size(max = 200) String name, @Size(max = 5000) String vision,
			@Size(min = 1, max = 30) List<@NotNull BigDecimal> estimateScale,
			dev.priora.backlog.EstimateUnit estimateUnit) {
	}

	record RuleSetting(@NotNull ReadyRule rule, boolean enabled, Integer limit) {
	}

	@GetMapping
	@Operation(summary = "List the workspace's products")
	List<BacklogJson.Product> list(@AuthenticationPrincipal SignedInUser user) {
		return products.list().stream().filter(p -> roles.canSee(user, p.key())).map(BacklogJson.Product::of).toList();
	}

	@PostMapping
	@Operation(summary = "Create a product")
	ResponseEntity<BacklogJson.Product> create(@AuthenticationPrincipal SignedInUser user,
			@Valid @RequestBody CreateProduct body) {
		var p = products.create(body.key(), body.name(), body.vision(), user.id());
		return ResponseEntity.created(URI.create("/api/v1/products/" + p.key()))
			.eTag(Etags.of(p.version()))
			.body(BacklogJson.Product.of(p));
	}

	@GetMapping("/{key}")
	@Operation(summary = "Read a product")
	ResponseEntity<BacklogJson.Product> get(@PathVariable String key) {
		var p = products.get(key);
		return ResponseEntity.ok().eTag(Etags.of(p.version())).body(BacklogJson.Product.of(p));
	}

	@PutMapping("/{key}")
	@Requires(Permission.MANAGE_PRODUCT)
	@Operation(summary = "Update a product's name, vision and estimate scale (If-Match required)")
	ResponseEntity<BacklogJson.Product> update(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody UpdateProduct body) {
		long version = Etags.versionFrom(ifMatch);
		var p = products.update(key, body.name(), body.vision(), body.estimateScale(), body.estimateUnit(), version,
				user.id());
		return ResponseEntity.ok().eTag(Etags.of(p.version())).body(BacklogJson.Product.of(p));
	}

	@GetMapping("/{key}/ready-rules")
	@Operation(summary = "The product's Definition of Ready")
	List<ReadyRuleSetting> readyRules(@PathVariable String key) {
		return products.readyRules(key);
	}

	@PutMapping("/{key}/ready-rules")
	@Requires(Permission.MANAGE_PRODUCT)
	@Operation(summary = "Change rules of the Definition of Ready; rules not sent keep their setting")
	List<ReadyRuleSetting> updateReadyRules(@PathVariable String key,
			@Valid @RequestBody @Size(max = 20) List<@Valid RuleSetting> rules) {
		try {
			return products.updateReadyRules(key,
					rules.stream().map(r -> new ReadyRuleSetting(r.rule(), r.enabled(), r.limit())).toList());
		}
		catch (IllegalArgumentException e) {
			throw dev.priora.problem.DomainProblem.invalid("limit", e.getMessage());
		}
	}

}
