package dev.priora.accounts;

/**
 * What the current request may do in one product: the user's role there (a workspace
 * admin counts as owner), narrowed by the token's scope when the request came with a
 * token.
 */
public record ProductAccess(UserId user, String productKey, ProductRole role, boolean readOnlyToken) {

	/** The request attribute under which the checked access is available to handlers. */
	public static final String ATTRIBUTE = "dev.priora.productAccess";

	public boolean can(Permission permission) {
		return role.allows(permission) && (!readOnlyToken || permission == Permission.READ);
	}
}
