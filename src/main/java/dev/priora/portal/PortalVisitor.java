package dev.priora.portal;

import java.io.Serializable;

/**
 * A person signed in to one product's portal with an e-mail link: the session's portal
 * principal, apart from workspace users (it is never a Spring Security authentication, so
 * it reaches no team page and no team API). {@code customerId} is the customer their
 * address matched, or null.
 */
public record PortalVisitor(long id, String productKey, String email, Long customerId) implements Serializable {
}
