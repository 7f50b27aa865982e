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
