package dev.priora.accounts;

/** A freshly created token: the only moment its secret is known. */
public record CreatedToken(ApiTokenView token, String secret) {
}
