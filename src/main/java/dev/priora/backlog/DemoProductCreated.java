package dev.priora.backlog;

import dev.priora.accounts.UserId;

/**
 * The demo product was created on a first start, so other modules can add their part of
 * the demo (customers and feedback, for instance).
 */
public record DemoProductCreated(String productKey, UserId createdBy) {
}
