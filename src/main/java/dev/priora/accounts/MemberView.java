package dev.priora.accounts;

/** A user holding a role in a product. */
public record MemberView(UserId user, String email, String displayName, ProductRole role, boolean active) {
}
