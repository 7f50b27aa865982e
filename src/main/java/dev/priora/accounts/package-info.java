/**
 * Accounts: users, sign-in, product roles and permissions, personal API tokens, rate
 * limits, the security log and the first administrator.
 */
package dev.priora.accounts;
