package dev.priora.support;

import java.util.List;

import com.microsoft.playwright.Page;

/**
 * Whether text shows whole in real Chromium: what a person would see cut off with an
 * ellipsis or under a select's arrow.
 */
public final class Fits {

	private Fits() {
	}

	/**
	 * The selects matching {@code selector} whose chosen option's text does not show
	 * whole, as "aria-label or name: text". A copy of each select holding only that
	 * option, sized by its content, says how wide the select must be.
	 */
	@SuppressWarnings("unchecked")
	public static List<String> cutSelects(Page page, String selector) {
		return (List<String>) page.evaluate(
				"""
						sel => Array.from(document.querySelectorAll(sel)).filter(s => s.offsetParent !== null && s.selectedIndex >= 0)
						  .filter(s => {
						    const copy = s.cloneNode(false);
						    copy.removeAttribute('id');
						    const o = document.createElement('option');
						    o.text = s.options[s.selectedIndex].text;
						    copy.appendChild(o);
						    copy.style.position = 'absolute';
						    copy.style.width = 'auto';
						    copy.style.maxWidth = 'none';
						    copy.style.visibility = 'hidden';
						    s.parentNode.appendChild(copy);
						    const need = copy.getBoundingClientRect().width;
						    copy.remove();
						    return need > s.getBoundingClientRect().width + 1;
						  })
						  .map(s => (s.getAttribute('aria-label') || s.name) + ': ' + s.options[s.selectedIndex].text)""",
				selector);
	}

	/**
	 * What makes the page wider than the window, empty when nothing does: "page N px
	 * wide" when it scrolls sideways, and each element reaching past the right edge that
	 * is neither fixed, nor inside a box that scrolls or clips it, nor in a closed menu,
	 * as tag#id.class and its right edge.
	 */
	@SuppressWarnings("unchecked")
	public static List<String> pastTheRightEdge(Page page) {
		return (List<String>) page.evaluate(
				"""
						() => {
						  const w = document.documentElement.clientWidth;
						  const scrolls = e => !!e && e !== document.body
						    && (['auto', 'scroll', 'hidden'].includes(getComputedStyle(e).overflowX) || scrolls(e.parentElement));
						  const out = document.documentElement.scrollWidth > w
						    ? ['page ' + document.documentElement.scrollWidth + ' px wide'] : [];
						  return out.concat([...document.querySelectorAll('body *')]
						    .filter(e => e.getClientRects().length && e.getBoundingClientRect().right > w + 1
						      && !e.closest('details:not([open]) > :not(summary)')
						      && getComputedStyle(e).position !== 'fixed' && !scrolls(e.parentElement))
						    .slice(0, 8)
						    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
						      + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
						      + ' ' + Math.round(e.getBoundingClientRect().right)));
						}
						""");
	}

	/**
	 * The elements matching {@code selector} whose text is cut (wider than their box), as
	 * their text.
	 */
	@SuppressWarnings("unchecked")
	public static List<String> cutTexts(Page page, String selector) {
		return (List<String>) page.evaluate("""
				sel => Array.from(document.querySelectorAll(sel)).filter(e => e.offsetParent !== null)
				  .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent.trim())""", selector);
	}

}
