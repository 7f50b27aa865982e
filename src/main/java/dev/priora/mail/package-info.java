/**
 * E-mail: an outbox written in the causing transaction
 * ({@link dev.priora.mail.MailOutbox}, the named interface {@code outbox} other modules
 * call), delivered over SMTP by one node at a time on the job scheduler with retries,
 * HTML and plain-text bodies from Thymeleaf templates, invitations and password resets
 * e-mailed, and the administrator's delivery log.
 */
package dev.priora.mail;
