package dev.priora.feedback.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.problem.Etags;
import dev.priora.feedback.CustomerDraft;
import dev.priora.feedback.CustomerService;
import dev.priora.feedback.CustomerView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A product's customers and their contacts. */
@RestController
@RequestMapping("/api/v1/products/{productKey}/customers")
@Tag(name = "Customers")
class CustomerApiController {

	private final CustomerService customers;

	CustomerApiController(CustomerService customers) {
		this.customers = customers;
	}

	record ContactBody(@NotBlank @Size(max = 200) String name, @Size(max = 320) String email) {
	}

	record CustomerBody(@NotBlank @Size(max = 200) String name, @Size(max = 100) String segment, BigDecimal revenue,
			@Size(max = 3) String currency, @Size(max = 50) String tier, BigDecimal weight,
			@Size(max = 100) List<@Valid ContactBody> contacts) {

		CustomerDraft draft() {
			return new CustomerDraft(name, segment, revenue, currency, tier, weight, contacts == null ? List.of()
					: contacts.stream().map(c -> new CustomerDraft.ContactDraft(c.name(), c.email())).toList());
		}
	}

	@GetMapping
	@Operation(summary = "The product's customers")
	List<CustomerView> list(@PathVariable String productKey) {
		return customers.list(productKey);
	}

	@PostMapping
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Add a customer (name, segment, yearly revenue and currency, tier, weight, contacts)")
	ResponseEntity<CustomerView> create(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@Valid @RequestBody CustomerBody body) {
		CustomerView c = customers.create(productKey, body.draft(), user.id());
		return ResponseEntity.created(URI.create("/api/v1/products/" + productKey + "/customers/" + c.id()))
			.eTag(Etags.of(c.version()))
			.body(c);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A customer")
	ResponseEntity<CustomerView> get(@PathVariable String productKey, @PathVariable long id) {
		CustomerView c = customers.get(productKey, id);
		return ResponseEntity.ok().eTag(Etags.of(c.version())).body(c);
	}

	@PutMapping("/{id}")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Replace a customer's fields (If-Match required)")
	ResponseEntity<CustomerView> update(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody CustomerBody body) {
		CustomerView c = customers.update(productKey, id, body.draft(), Etags.versionFrom(ifMatch), user.id());
		return ResponseEntity.ok().eTag(Etags.of(c.version())).body(c);
	}

	@DeleteMapping("/{id}")
	@Requires(Permission.EDIT_BACKLOG)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a customer that has no feedback")
	void delete(@PathVariable String productKey, @PathVariable long id) {
		customers.delete(productKey, id);
	}

}
