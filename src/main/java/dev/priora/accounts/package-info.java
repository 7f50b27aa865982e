/**
 * Accounts: users, sign-in, invitations and password resets, product roles and
 * permissions, personal API tokens, rate limits, the security log and the first
 * administrator.
 */
package dev.priora.accounts;
