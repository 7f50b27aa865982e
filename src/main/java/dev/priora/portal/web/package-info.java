/**
 * The portal's pages for visitors ({@code /portal/{portal}/…}), its settings and ideas
 * page for the team ({@code /p/{key}/portal}) and its JSON API.
 */
package dev.priora.portal.web;
