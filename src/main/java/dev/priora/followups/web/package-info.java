/** The Tell customers page and the follow-ups API. */
package dev.priora.followups.web;
