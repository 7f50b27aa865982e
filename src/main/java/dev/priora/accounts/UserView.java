package dev.priora.accounts;

/** A user as other features see it. */
public record UserView(UserId id, String email, String displayName, boolean active, boolean admin) {
}
