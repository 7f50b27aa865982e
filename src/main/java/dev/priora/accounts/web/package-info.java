/**
 * Sign-in, account, token, product-member and workspace-admin pages, and their API.
 */
package dev.priora.accounts.web;
