/** Sign-in page, personal token pages and the token API. */
package dev.priora.accounts.web;
