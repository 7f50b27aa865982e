/** The Admin page's Mail section and the admin mail API. */
package dev.priora.mail.web;
