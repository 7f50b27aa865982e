package dev.priora.accounts;

/**
 * What one provider group gives at each sign-in: workspace admin ({@code productKey} and
 * {@code role} null) or a role in one product.
 */
public record SsoGroupRole(long id, String group, String productKey, ProductRole role) {

	public boolean admin() {
		return productKey == null;
	}

	public String describe() {
		return admin() ? "workspace admin" : role.label() + " of " + productKey;
	}

}
