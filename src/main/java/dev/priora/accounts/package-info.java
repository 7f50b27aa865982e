/** Accounts: users, sign-in, personal API tokens and the first administrator. */
package dev.priora.accounts;
