package dev.priora.accounts;

/**
 * Published once, when the first start of an empty database created the administrator.
 */
public record InitialAdminCreated(UserId admin) {
}
