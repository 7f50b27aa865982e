/**
 * The notifications page, the bell, watch controls, preferences, and the notifications
 * API.
 */
package dev.priora.notifications.web;
