package dev.priora.accounts;

/** A token with its owner, for the admin's list of everyone's tokens. */
public record OwnedToken(UserId owner, String ownerEmail, String ownerName, ApiTokenView token) {
}
