package dev.priora.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.ProductRole;
import dev.priora.accounts.ProductRoles;
import dev.priora.accounts.UserId;
import dev.priora.support.ApiClient;
import dev.priora.support.IntegrationTestBase;

/**
 * A product with signed-in people for notification tests: who holds which role, and what
 * each was told.
 */
final class People {

	static final String PASSWORD = "password-notify";

	private final int port;

	private final AccountService accounts;

	private final ProductRoles roles;

	final String product;

	People(int port, AccountService accounts, ProductRoles roles, ApiClient admin, String product) {
		this.port = port;
		this.accounts = accounts;
		this.roles = roles;
		this.product = product;
		assertThat(admin.post("/api/v1/products", "{\"key\":\"" + product + "\",\"name\":\"Notify " + product + "\"}")
			.status()).isEqualTo(201);
	}

	/** A new user with the role in the product (null: no access), signed in. */
	ApiClient person(String email, String name, ProductRole role) {
		accounts.createUser(email, name, PASSWORD, false);
		if (role != null) {
			roles.grant(product, email, role, admin());
		}
		return ApiClient.signIn(port, email, PASSWORD);
	}

	UserId id(String email) {
		return accounts.findByEmail(email).orElseThrow().id();
	}

	UserId admin() {
		return id(IntegrationTestBase.ADMIN_EMAIL);
	}

	/**
	 * "KIND ITEM-KEY" of each of the caller's notifications of this product, newest
	 * first.
	 */
	List<String> told(ApiClient who) {
		var r = who.get("/api/v1/notifications?size=100");
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		List<String> result = new ArrayList<>();
		for (JsonNode n : r.json().get("items")) {
			if (n.get("productKey").asText().equals(product)) {
				result
					.add(n.get("kind").asText() + " " + (n.get("itemKey").isNull() ? "-" : n.get("itemKey").asText()));
			}
		}
		return result;
	}

	String item(ApiClient who, String title, String description) {
		var r = who.post("/api/v1/products/" + product + "/items", ApiClient.json(java.util.Map.of("type", "STORY",
				"title", title, "description", description == null ? "" : description)));
		assertThat(r.status()).as(r.text()).isEqualTo(201);
		return r.json().get("key").asText();
	}

	void comment(ApiClient who, String item, String body) {
		var r = who.post("/api/v1/products/" + product + "/items/" + item + "/comments",
				ApiClient.json(java.util.Map.of("body", body)));
		assertThat(r.status()).as(r.text()).isEqualTo(201);
	}

	void watch(ApiClient who, String item, boolean watching) {
		var r = who.put("/api/v1/products/" + product + "/items/" + item + "/watch", "{\"watching\":" + watching + "}",
				null);
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		assertThat(r.json().get("watching").asBoolean()).isEqualTo(watching);
	}

}
