// Priora's one script. No inline handlers anywhere (the CSP forbids them): every behaviour is attached here, by data
// attributes or htmx attributes. The data attributes it understands are listed in docs/ARCHITECTURE.md.
(function () {
  'use strict';

  var Priora = window.Priora = window.Priora || {};
  // guard.js held back a confirmation clicked before this script ran and showed the busy bar meanwhile
  document.documentElement.classList.remove('page-loading');

  function on(type, selector, handler, capture) {
    document.addEventListener(type, function (e) {
      var el = selector && e.target && e.target.closest ? e.target.closest(selector) : null;
      if (!selector || el) { handler(e, el); }
    }, !!capture);
  }

  function csrf() {
    var meta = document.querySelector('meta[name="_csrf"]');
    return meta ? meta.content : null;
  }
  Priora.csrf = csrf;

  document.addEventListener('htmx:configRequest', function (e) {
    var token = csrf();
    if (token) { e.detail.headers['X-CSRF-TOKEN'] = token; }
  });

  // ---------- Toasts: Priora.toast(message, kind); flash messages after a redirect; htmx "HX-Trigger: priora:toast" ----
  function region() {
    var r = document.getElementById('toasts');
    if (!r) {
      r = document.createElement('div');
      r.id = 'toasts';
      r.className = 'toasts';
      r.setAttribute('aria-live', 'polite');
      document.body.appendChild(r);
    }
    return r;
  }

  function arm(toast) {
    if (toast.dataset.armed) { return; }
    toast.dataset.armed = 'true';
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'toast-close';
    close.setAttribute('aria-label', 'Dismiss');
    close.textContent = '\u2715';
    close.addEventListener('click', function () { dismiss(toast); });
    toast.appendChild(close);
    if (!toast.classList.contains('error') && !toast.querySelector('form')) {
      setTimeout(function () { dismiss(toast); }, 6000);
    }
  }

  function dismiss(toast) {
    toast.classList.add('leaving');
    setTimeout(function () { if (toast.parentNode) { toast.parentNode.removeChild(toast); } }, 300);
  }

  Priora.toast = function (message, kind) {
    if (!message) { return null; }
    var toast = document.createElement('p');
    toast.className = 'toast' + (kind === 'error' ? ' error' : '');
    toast.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    var text = document.createElement('span');
    text.textContent = message;
    toast.appendChild(text);
    region().appendChild(toast);
    arm(toast);
    return toast;
  };

  document.addEventListener('priora:toast', function (e) {
    var d = e.detail || {};
    Priora.toast(d.message || d.value || (typeof d === 'string' ? d : ''), d.kind);
  });

  document.addEventListener('htmx:responseError', function (e) {
    var xhr = e.detail.xhr;
    var text = xhr && /text\/plain/.test(xhr.getResponseHeader('Content-Type') || '') ? xhr.responseText : '';
    Priora.toast(text || 'The request failed (' + (xhr ? xhr.status : 'no answer') + '); nothing was changed.', 'error');
  });
  document.addEventListener('htmx:sendError', function () {
    Priora.toast('Priora cannot be reached; check the connection and try again.', 'error');
  });

  // ---------- Busy indicator: after 300 ms of an htmx request or a page submit ----------
  var busyTimer = null;
  var pending = 0;
  function busy(start) {
    pending = Math.max(0, pending + (start ? 1 : -1));
    if (pending > 0 && !busyTimer) {
      busyTimer = setTimeout(function () { document.documentElement.classList.add('is-busy'); }, 300);
    }
    if (pending === 0) {
      clearTimeout(busyTimer);
      busyTimer = null;
      document.documentElement.classList.remove('is-busy');
    }
  }
  // each request counts once, by its own XMLHttpRequest: two at a time from one element (the side panel and the bell,
  // both loaded by htmx.ajax from the body) each end their own wait, so the spinner never stays on after both are done
  var waiting = typeof WeakSet === 'function' ? new WeakSet() : null;
  document.addEventListener('htmx:beforeRequest', function (e) {
    // polling (hx-trigger "every …") is not the user waiting
    var trigger = e.detail.elt && e.detail.elt.getAttribute && e.detail.elt.getAttribute('hx-trigger');
    if (trigger && trigger.indexOf('every') === 0) { return; }
    if (!waiting || !e.detail.xhr || waiting.has(e.detail.xhr)) { return; }
    waiting.add(e.detail.xhr);
    busy(true);
  });
  document.addEventListener('htmx:afterRequest', function (e) {
    if (waiting && e.detail.xhr && waiting.has(e.detail.xhr)) { waiting.delete(e.detail.xhr); busy(false); }
  });
  window.addEventListener('pageshow', function () { pending = 0; busy(false); });

  // ---------- data-confirm="message": destructive actions ask first, in a <dialog> ----------
  var confirmed = null;
  // The confirmation dialog is made on first use, so pages carry no hidden buttons.
  function confirmDialog() {
    var dialog = document.getElementById('confirm-dialog');
    if (dialog) { return dialog; }
    dialog = document.createElement('dialog');
    dialog.id = 'confirm-dialog';
    dialog.className = 'dialog';
    dialog.setAttribute('aria-labelledby', 'confirm-title');
    dialog.innerHTML = '<form method="dialog"><div class="dialog-head"><h2 id="confirm-title">Are you sure?</h2></div>'
      + '<div class="dialog-body"><p id="confirm-message"></p></div><div class="dialog-actions">'
      + '<button type="submit" value="cancel" class="ghost">Cancel</button>'
      + '<button type="submit" value="ok" class="danger solid" id="confirm-ok">Confirm</button></div></form>';
    document.body.appendChild(dialog);
    return dialog;
  }

  function ask(message, okLabel, then) {
    var dialog = confirmDialog();
    if (typeof dialog.showModal !== 'function') {
      if (window.confirm(message)) { then(); }
      return;
    }
    document.getElementById('confirm-message').textContent = message;
    document.getElementById('confirm-ok').textContent = okLabel || 'Confirm';
    dialog.returnValue = '';
    dialog.addEventListener('close', function handler() {
      dialog.removeEventListener('close', handler);
      if (dialog.returnValue === 'ok') { then(); }
    });
    dialog.showModal();
    dialog.querySelector('button[value=cancel]').focus();
  }
  Priora.confirm = ask;

  document.addEventListener('submit', function (e) {
    var form = e.target;
    var submitter = e.submitter;
    if ((form.getAttribute('method') || '').toLowerCase() === 'dialog') { return; }
    var source = submitter && submitter.dataset.confirm ? submitter : (form.dataset.confirm ? form : null);
    if (!source || confirmed === form) {
      confirmed = null;
      // a plain submit loads the next page; htmx cancels its own submits and counts its requests itself
      setTimeout(function () { if (!e.defaultPrevented) { busy(true); } }, 0);
      return;
    }
    e.preventDefault();
    e.stopPropagation();
    ask(source.dataset.confirm, source.dataset.confirmLabel || (submitter ? submitter.textContent.trim() : ''), function () {
      confirmed = form;
      form.requestSubmit(submitter || undefined);
    });
  }, true);

  on('click', 'a[data-confirm]', function (e, link) {
    if (link.dataset.confirmed) { delete link.dataset.confirmed; return; }
    e.preventDefault();
    ask(link.dataset.confirm, link.dataset.confirmLabel || link.textContent.trim(), function () {
      link.dataset.confirmed = 'true';
      link.click();
    });
  });

  // ---------- data-autosubmit: a form (or one control in it) submits itself when a select or box changes ----------
  on('change', '[data-autosubmit]', function (e) {
    var control = e.target;
    var form = control.form || control.closest('form');
    if (!form || !(control.matches('select, input[type=checkbox], input[type=radio], input[type=date]'))) { return; }
    if (form.hasAttribute('hx-get') || form.hasAttribute('hx-post')) { return; } // htmx submits it itself
    form.requestSubmit();
  });

  // ---------- Dialogs: data-dialog-open="id", data-dialog-close; dialog[data-open] opens on load ----------
  on('click', '[data-dialog-open]', function (e, button) {
    var dialog = document.getElementById(button.dataset.dialogOpen);
    if (dialog && dialog.showModal) {
      e.preventDefault();
      dialog.showModal();
      var first = dialog.querySelector('[autofocus], input:not([type=hidden]), select, textarea');
      if (first) { first.focus(); }
    }
  });
  on('click', '[data-dialog-close]', function (e, button) {
    var dialog = button.closest('dialog');
    if (dialog) { dialog.close(); }
  });

  // ---------- data-focus="#selector": a link or button that brings the focus to a field (e.g. "New item") ----------
  on('click', '[data-focus]', function (e, el) {
    var target = document.querySelector(el.dataset.focus);
    if (!target) { return; }
    e.preventDefault();
    var closed = target.closest('details:not([open])');
    if (closed) { closed.open = true; }
    target.scrollIntoView({ block: 'center' });
    target.focus();
  });

  // ---------- data-fill="#selector" data-fill-value="5": put a value into a field (e.g. "Use this" of a suggested
  // estimate); a closed <details> around the field opens, and the field hears input and change as if typed ----------
  on('click', '[data-fill]', function (e, button) {
    var field = document.querySelector(button.dataset.fill);
    if (!field) { return; }
    e.preventDefault();
    var closed = field.closest('details:not([open])');
    if (closed) { closed.open = true; }
    field.value = button.dataset.fillValue;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.dispatchEvent(new Event('change', { bubbles: true }));
    field.focus();
  });

  // ---------- data-copy="#selector": copy a secret or link ----------
  // without the clipboard API (plain http away from localhost) or when it refuses, the text is selected
  // and copied the old way, or left selected with a note saying so: never a button that does nothing
  function selectText(source) {
    var range = document.createRange();
    range.selectNodeContents(source);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
  function copyBySelection(source) {
    selectText(source);
    var copied = false;
    try { copied = document.execCommand('copy'); } catch (err) { copied = false; }
    Priora.toast(copied ? 'Copied.' : 'Selected: press Ctrl+C (⌘C on a Mac) to copy.');
  }
  on('click', '[data-copy]', function (e, button) {
    var source = document.querySelector(button.dataset.copy);
    if (!source) { return; }
    if (!navigator.clipboard || !window.isSecureContext) { copyBySelection(source); return; }
    navigator.clipboard.writeText(source.textContent.trim()).then(function () { Priora.toast('Copied.'); },
      function () { copyBySelection(source); });
  });

  // ---------- Sidebar below 1100 px: data-sidebar-toggle ----------
  function sidebar(open) {
    document.documentElement.classList.toggle('sidebar-open', open);
    document.querySelectorAll('[data-sidebar-toggle]').forEach(function (b) { b.setAttribute('aria-expanded', String(open)); });
  }
  on('click', '[data-sidebar-toggle]', function () {
    sidebar(!document.documentElement.classList.contains('sidebar-open'));
  });
  on('click', null, function (e) {
    if (document.documentElement.classList.contains('sidebar-open') && !e.target.closest('#sidebar, [data-sidebar-toggle]')) {
      sidebar(false);
    }
  });

  // ---------- Menus (details.menu): one open at a time, closed by Escape or a click outside ----------
  on('click', null, function (e) {
    document.querySelectorAll('details.menu[open]').forEach(function (menu) {
      if (!menu.contains(e.target)) { menu.open = false; }
    });
  });

  // ---------- Command palette hook: Ctrl/⌘-K or [data-palette-trigger] dispatch "priora:palette" ----------
  // A palette listens to it and calls preventDefault(); until one exists, the page's own search gets the focus, or the
  // trigger's data-search-url (the backlog) opens.
  function openPalette(trigger) {
    var event = new CustomEvent('priora:palette', { cancelable: true, detail: { trigger: trigger || null } });
    if (!document.dispatchEvent(event)) { return; }
    var search = pageSearch();
    if (search) { search.focus(); search.select && search.select(); return; }
    var button = trigger || document.querySelector('[data-palette-trigger]');
    if (button && button.dataset.searchUrl) { window.location = button.dataset.searchUrl; }
  }
  Priora.openPalette = openPalette;
  function pageSearch() {
    return document.querySelector('[data-page-search]') || document.querySelector('main input[type=search]');
  }
  on('click', '[data-palette-trigger]', function (e, button) { openPalette(button); });
  var mac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
  document.querySelectorAll('[data-mod-key]').forEach(function (k) { k.textContent = mac ? '\u2318K' : 'Ctrl K'; });

  // ---------- Keyboard: ?, /, g + key (sidebar data-shortcut), Escape ----------
  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName));
  }
  var leader = null;
  document.addEventListener('keydown', function (e) {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'k' || e.key === 'K')) {
      e.preventDefault();
      openPalette(null);
      return;
    }
    if (e.key === 'Escape') {
      document.querySelectorAll('details.menu[open]').forEach(function (m) { m.open = false; });
      sidebar(false);
      return;
    }
    if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey || document.querySelector('dialog[open]')) { return; }
    if (leader) {
      var link = document.querySelector('[data-shortcut="' + leader + ' ' + e.key + '"]');
      leader = null;
      if (link) { e.preventDefault(); window.location = link.href; }
      return;
    }
    if (e.key === 'g') { leader = 'g'; setTimeout(function () { leader = null; }, 1200); return; }
    if (e.key === '?') {
      var help = document.getElementById('shortcuts-dialog');
      if (help && help.showModal) { e.preventDefault(); help.showModal(); }
      return;
    }
    if (e.key === '/') {
      var search = pageSearch();
      if (search) { e.preventDefault(); search.focus(); }
    }
  });

  // ---------- Times: the exact time on hover in the reader's own time zone ----------
  function localTimes(root) {
    if (!window.Intl) { return; }
    var f = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    (root || document).querySelectorAll('time.when[datetime]').forEach(function (t) {
      var when = new Date(t.getAttribute('datetime'));
      if (!isNaN(when) && t.getAttribute('datetime').length > 10) { t.title = f.format(when); }
    });
  }

  // ---------- Error summary: mark the field it names, write the reason under it, link to it ----------
  // the words a person reads as the field's name: its label without the field, hints and errors
  function labelText(label) {
    if (!label) { return ''; }
    var copy = label.cloneNode(true);
    copy.querySelectorAll('input, select, textarea, button, .field-hint, .field-error, .hint, .faint').forEach(function (e) { e.remove(); });
    return copy.textContent.replace(/\s+/g, ' ').trim();
  }
  function errorSummaries(root) {
    (root || document).querySelectorAll('[data-error-summary] a[data-field]').forEach(function (link) {
      var summary = link.closest('[data-error-summary]');
      var scope = summary.parentElement;
      var refused = summary.dataset.form && document.querySelector('form[action="' + summary.dataset.form + '"]');
      var field = (refused && refused.querySelector('[name="' + link.dataset.field + '"]'))
        || scope.querySelector('[name="' + link.dataset.field + '"]') || document.querySelector('main [name="' + link.dataset.field + '"]');
      if (!field) { return; }
      // the summary names the field by the label a person sees ("Objective: is required"),
      // not by its parameter name ("title: is required")
      var shown = labelText(field.closest('label') || (field.id && document.querySelector('label[for="' + field.id + '"]')));
      if (shown && link.dataset.reason) {
        link.textContent = shown + (/[?:.!]$/.test(shown) ? ' ' : ': ') + link.dataset.reason;
      }
      if (!field.id) { field.id = 'field-' + link.dataset.field; }
      link.href = '#' + field.id;
      field.setAttribute('aria-invalid', 'true');
      // inside the field's label when it wraps the field; else right under the field (a label
      // with for=, as on the portal settings), never at the end of the whole form
      var label = field.closest('label');
      if (!document.getElementById(field.id + '-error')) {
        var message = document.createElement('span');
        message.className = 'field-error';
        message.id = field.id + '-error';
        message.textContent = link.dataset.reason || link.textContent;
        if (label) { label.appendChild(message); } else { field.insertAdjacentElement('afterend', message); }
        field.setAttribute('aria-describedby', message.id);
      }
    });
    var first = (root || document).querySelector('[data-error-summary]');
    if (first && !root) { first.focus(); }
  }
  on('click', '[data-error-summary] a[data-field]', function (e, link) {
    var field = document.getElementById(link.getAttribute('href').slice(1));
    if (field) { e.preventDefault(); field.focus(); }
  });

  function ready(root) {
    (root || document).querySelectorAll('#toasts .toast, .toast[data-toast]').forEach(arm);
    localTimes(root);
    (root || document).querySelectorAll('dialog[data-open]').forEach(function (d) { if (d.showModal && !d.open) { d.showModal(); } });
  }
  document.addEventListener('DOMContentLoaded', function () { ready(null); errorSummaries(null); });
  // an outerHTML swap leaves e.detail.target out of the page (the item page's content, a row): then the whole page
  document.addEventListener('htmx:afterSwap', function (e) {
    var root = e.detail.target && e.detail.target.isConnected ? e.detail.target : null;
    localTimes(root);
    errorSummaries(root);
  });
})();

// Backlog: reordering by drag or keyboard (Alt+↑/↓, Alt+Home/End), Enter opens the focused row.
(function () {
  'use strict';

  function list() { return document.getElementById('backlog-rows'); }

  function announce(text, isError) {
    var box = document.getElementById('move-status');
    if (!box) {
      box = document.createElement('p');
      box.id = 'move-status';
      box.setAttribute('role', 'status');
      box.className = 'sr-only';
      var l = list();
      if (l) { l.parentNode.insertBefore(box, l); }
    }
    box.textContent = text;
    if (isError) { window.Priora.toast(text, 'error'); }
  }

  // Sends the move; on success moves the row in the page, so the order shown is the order stored.
  function move(row, position, target) {
    var done = window.Priora.writing ? window.Priora.writing() : function () {};
    var body = new URLSearchParams({ item: row.dataset.key, position: position });
    if (target) { body.append('target', target.dataset.key); }
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
    if (window.Priora.csrf()) { headers['X-CSRF-TOKEN'] = window.Priora.csrf(); }
    return fetch(list().dataset.moveUrl, { method: 'POST', headers: headers, body: body, credentials: 'same-origin' })
      .finally(done)
      .then(function (response) {
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        var l = list();
        var more = l.querySelector('li.more');
        if (position === 'bottom' && more) {
          // the bottom is past the rows shown: the row leaves the page and comes back, in its place, with "Load more"
          var after = row.nextElementSibling && row.nextElementSibling.classList.contains('row') ? row.nextElementSibling : row.previousElementSibling;
          row.remove();
          if (after) { after.focus(); }
          announce(row.dataset.key + ' moved to the bottom of the backlog, after the rows shown.', false);
          return;
        }
        if (position === 'top') { l.insertBefore(row, l.firstElementChild); }
        else if (position === 'bottom') { l.insertBefore(row, more); }
        else if (position === 'before') { l.insertBefore(row, target); }
        else { l.insertBefore(row, target.nextElementSibling); }
        row.focus();
        announce(row.dataset.key + ' moved ' + (target ? position + ' ' + target.dataset.key : 'to the ' + position) + '.', false);
      })
      .catch(function (err) { announce('The move was refused (' + err.message + '); reload to see the current order.', true); });
  }

  var dragged = null;

  // Rows loaded with "Load more" come in the stored order; a row moved past the rows shown (dropped after the last
  // one) comes again with them, so the copy shown earlier goes and each item is listed once.
  document.addEventListener('htmx:load', function (e) {
    var row = e.target;
    if (!row || !row.matches || !row.matches('#backlog-rows > li.row')) { return; }
    list().querySelectorAll(':scope > li.row').forEach(function (other) {
      if (other !== row && other.dataset.key === row.dataset.key) {
        var focused = other.contains(document.activeElement);
        other.remove();
        if (focused) { row.focus(); }
      }
    });
  });

  function rowOf(el) { return el && el.closest ? el.closest('#backlog-rows > li.row') : null; }

  function clearMarks() {
    document.querySelectorAll('#backlog-rows > li.drop-before, #backlog-rows > li.drop-after').forEach(function (li) {
      li.classList.remove('drop-before', 'drop-after');
    });
  }

  function half(row, event) {
    var box = row.getBoundingClientRect();
    return event.clientY < box.top + box.height / 2 ? 'before' : 'after';
  }

  function movable() { var l = list(); return l && l.dataset.moveUrl; }

  document.addEventListener('dragstart', function (e) {
    var row = rowOf(e.target);
    if (!row || !movable()) { return; }
    dragged = row;
    row.classList.add('dragging');
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', row.dataset.key);
  });

  document.addEventListener('dragover', function (e) {
    var row = rowOf(e.target);
    if (!dragged || !row || row === dragged) { return; }
    e.preventDefault();
    clearMarks();
    row.classList.add(half(row, e) === 'before' ? 'drop-before' : 'drop-after');
  });

  document.addEventListener('drop', function (e) {
    var row = rowOf(e.target);
    if (!dragged || !row || row === dragged) { return; }
    e.preventDefault();
    var position = half(row, e);
    clearMarks();
    move(dragged, position, row);
  });

  document.addEventListener('dragend', function () {
    if (dragged) { dragged.classList.remove('dragging'); }
    dragged = null;
    clearMarks();
  });

  document.addEventListener('keydown', function (e) {
    var row = rowOf(e.target);
    if (!row || e.target !== row) { return; }
    if (e.key === 'Enter' && !e.altKey) {
      var link = row.querySelector('a.key, .key a');
      if (link) { window.location = link.href; }
      return;
    }
    if (!e.altKey || !movable()) { return; }
    var prev = row.previousElementSibling;
    var next = row.nextElementSibling;
    if (next && !next.classList.contains('row')) { next = null; }
    if (e.key === 'ArrowUp' && prev) { e.preventDefault(); move(row, 'before', prev); }
    else if (e.key === 'ArrowDown' && next) { e.preventDefault(); move(row, 'after', next); }
    else if (e.key === 'Home') { e.preventDefault(); move(row, 'top', null); }
    else if (e.key === 'End') { e.preventDefault(); move(row, 'bottom', null); }
  });
})();

// Feedback inbox: j / k move, Enter opens, t / d / a triage, decline, archive the current feedback. The keys work from
// page load (no row needs the focus first: the first row is current); after an action the next row becomes current.
(function () {
  'use strict';
  function rows() { return Array.prototype.slice.call(document.querySelectorAll('#inbox-rows > li.feedback')); }
  function current() {
    var active = document.activeElement && document.activeElement.closest ? document.activeElement.closest('#inbox-rows > li.feedback') : null;
    return active || document.querySelector('#inbox-rows > li.feedback.current') || rows()[0] || null;
  }
  function makeCurrent(row) {
    rows().forEach(function (r) { r.classList.toggle('current', r === row); });
    if (row) { row.focus(); }
  }
  document.addEventListener('focusin', function (e) {
    var row = e.target && e.target.closest ? e.target.closest('#inbox-rows > li.feedback') : null;
    if (row) { rows().forEach(function (r) { r.classList.toggle('current', r === row); }); }
  });
  document.addEventListener('keydown', function (e) {
    if (!document.getElementById('inbox-rows') || e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) { return; }
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(t.tagName)) || document.querySelector('dialog[open]')) { return; }
    var onRow = t && t.closest && t.closest('#inbox-rows > li.feedback') === t;
    if (t && t !== document.body && !onRow && t.closest && t.closest('a, summary')) { return; }
    var row = current();
    if (!row) { return; }
    var all = rows();
    var i = all.indexOf(row);
    var actions = { t: 'TRIAGED', d: 'DECLINED', a: 'ARCHIVED' };
    if (e.key === 'j') { e.preventDefault(); makeCurrent(onRow || i < 0 ? all[Math.min(i + 1, all.length - 1)] : row); }
    else if (e.key === 'k') { e.preventDefault(); makeCurrent(all[Math.max(i - 1, 0)]); }
    else if (e.key === 'Enter' && onRow) { e.preventDefault(); window.location = row.querySelector('a.open').href; }
    else if (actions[e.key]) {
      var form = row.querySelector('form[data-action="' + actions[e.key] + '"]');
      if (form) {
        e.preventDefault();
        var after = all[i + 1] || all[i - 1];
        document.documentElement.dataset.focusAfter = after ? after.dataset.id : '';
        document.documentElement.dataset.focusIndex = String(i);
        form.requestSubmit();
      }
    }
  });

  // After an inbox swap the row that followed the one acted on becomes current (if the list kept the acted-on row,
  // because the filter still shows it, the one after it).
  // Only the inbox's own swap counts: another swap settling first (the bell refreshed by a notification) must not
  // take the focus to a row of the list about to be replaced.
  document.addEventListener('htmx:afterSettle', function (e) {
    var root = document.documentElement;
    var settled = e.target && e.target.querySelector ? e.target : null;
    if (!settled || !(settled.id === 'inbox' || settled.querySelector('#inbox-rows'))) { return; }
    if (root.dataset.focusIndex === undefined || !document.getElementById('inbox-rows')) { return; }
    var want = root.dataset.focusAfter;
    var index = parseInt(root.dataset.focusIndex, 10);
    delete root.dataset.focusAfter;
    delete root.dataset.focusIndex;
    var all = rows();
    var row = (want && document.querySelector('#inbox-rows > li.feedback[data-id="' + want + '"]')) || all[Math.min(index, all.length - 1)];
    if (row) { makeCurrent(row); }
  });
})();

// "Select all" boxes: <input type="checkbox" data-select-all="ids"> ticks every box named ids; the bulk bar counts them.
(function () {
  'use strict';
  function count(name) {
    var n = document.querySelectorAll('input[type=checkbox][name="' + name + '"]:checked').length;
    document.querySelectorAll('[data-selected-count="' + name + '"]').forEach(function (el) {
      el.textContent = n === 1 ? '1 selected' : n + ' selected';
    });
  }
  document.addEventListener('change', function (e) {
    var t = e.target;
    if (!t || !t.dataset) { return; }
    if (t.dataset.selectAll) {
      document.querySelectorAll('input[type=checkbox][name="' + t.dataset.selectAll + '"]').forEach(function (box) {
        box.checked = t.checked;
        var row = box.closest('li.row, tr');
        if (row) { row.classList.toggle('selected', box.checked); }
      });
      count(t.dataset.selectAll);
    }
    else if (t.type === 'checkbox' && t.name) {
      var row = t.closest('li.row');
      if (row) { row.classList.toggle('selected', t.checked); }
      count(t.name);
    }
  });
})();

// Scoring grid: Enter or ArrowDown / ArrowUp on an input moves to the same column in the next / previous row.
document.addEventListener('keydown', function (e) {
  var input = e.target;
  if (!input || !input.closest || !input.closest('#score-grid') || !input.name || input.name.indexOf('c.') !== 0) { return; }
  var down = e.key === 'Enter' || (e.key === 'ArrowDown' && input.tagName === 'INPUT');
  var up = e.key === 'ArrowUp' && input.tagName === 'INPUT';
  if (!down && !up) { return; }
  var row = input.closest('tr');
  var next = down ? row.nextElementSibling : row.previousElementSibling;
  var target = next ? next.querySelector('[name="' + input.name + '"]') : null;
  if (target) {
    e.preventDefault();
    if (input.tagName === 'INPUT') { input.dispatchEvent(new Event('change', { bubbles: true })); }
    target.focus();
  }
});

// Dependency graph zoom: buttons with data-zoom scale the drawing.
document.addEventListener('click', function (e) {
  var button = e.target && e.target.closest ? e.target.closest('[data-zoom]') : null;
  var svg = document.getElementById('dependency-graph');
  if (!button || !svg) { return; }
  var factor = parseFloat(button.dataset.zoom);
  var width = parseFloat(svg.getAttribute('width')) * factor;
  var base = parseFloat(svg.dataset.width);
  if (width < base * 0.25 || width > base * 4) { return; }
  svg.setAttribute('width', width);
  svg.setAttribute('height', parseFloat(svg.getAttribute('height')) * factor);
});

// Planning board: drag a card onto a release column (or back to Unplanned) to plan it there.
(function () {
  var dragged = null;
  document.addEventListener('dragstart', function (e) {
    var card = e.target && e.target.closest ? e.target.closest('#board .card') : null;
    if (card) { dragged = card; e.dataTransfer.effectAllowed = 'move'; }
  });
  document.addEventListener('dragover', function (e) {
    var column = dragged && e.target.closest ? e.target.closest('#board .board-column') : null;
    if (column) { e.preventDefault(); column.classList.add('drop'); }
  });
  document.addEventListener('dragleave', function (e) {
    var column = e.target.closest ? e.target.closest('#board .board-column') : null;
    if (column) { column.classList.remove('drop'); }
  });
  document.addEventListener('drop', function (e) {
    var column = dragged && e.target.closest ? e.target.closest('#board .board-column') : null;
    var board = document.getElementById('board');
    if (!column || !board || !board.dataset.assignUrl) { return; }
    e.preventDefault();
    htmx.ajax('POST', board.dataset.assignUrl, { target: '#board', swap: 'outerHTML',
      values: { item: dragged.dataset.key, release: column.dataset.release } });
    dragged = null;
  });
})();

// Sprint board (#sprint-board, data-move-url): drag a card to another column with SortableJS, or focus it and press
// Alt+←/→; arrows alone move the focus. The server answers the re-drawn board (data-announce, data-warning) or a
// refusal (409 text: the workflow or the Definition of Ready), which puts the card back and shows why on it.
(function () {
  'use strict';

  function board() { return document.getElementById('sprint-board'); }

  function announce(text) {
    var box = document.getElementById('board-status');
    if (box) { box.textContent = ''; setTimeout(function () { box.textContent = text; }, 30); }
  }

  function columnOf(card) { return card.closest('.board-cell'); }

  function neighbourCell(cell, step) {
    var cells = Array.prototype.slice.call(cell.parentNode.querySelectorAll(':scope > .board-cell'));
    return cells[cells.indexOf(cell) + step] || null;
  }

  function refuse(card, from, index, reason) {
    if (from) { from.insertBefore(card, from.children[index] || null); }
    var old = card.querySelector('.card-error');
    if (old) { old.remove(); }
    var note = document.createElement('p');
    note.className = 'card-error';
    note.textContent = reason;
    card.appendChild(note);
    card.focus();
    window.Priora.toast(reason, 'error');
    announce(card.dataset.key + ' was not moved: ' + reason);
  }

  function move(card, status, from, index) {
    var done = window.Priora.writing ? window.Priora.writing() : function () {};
    var b = board();
    var body = new URLSearchParams({ item: card.dataset.key, status: status, version: card.dataset.version });
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded', 'HX-Request': 'true' };
    if (window.Priora.csrf()) { headers['X-CSRF-TOKEN'] = window.Priora.csrf(); }
    card.classList.add('moving');
    return fetch(b.dataset.moveUrl, { method: 'POST', headers: headers, body: body, credentials: 'same-origin' })
      .finally(done)
      .then(function (response) {
        return response.text().then(function (text) {
          card.classList.remove('moving');
          if (!response.ok) {
            var reason = /text\/plain/.test(response.headers.get('Content-Type') || '') && text
              ? text : 'The move failed (' + response.status + '); nothing was changed.';
            refuse(card, from, index, reason);
            return;
          }
          var holder = document.createElement('div');
          holder.innerHTML = text;
          var fresh = holder.querySelector('#sprint-board');
          b.replaceWith(fresh);
          wire(fresh);
          var moved = fresh.querySelector('.board-card[data-key="' + card.dataset.key + '"]');
          if (moved) { moved.focus(); }
          announce(fresh.dataset.announce || '');
          if (fresh.dataset.warning) { window.Priora.toast(fresh.dataset.warning, 'error'); }
          else if (fresh.dataset.announce) { window.Priora.toast(fresh.dataset.announce); }
        });
      })
      .catch(function () {
        card.classList.remove('moving');
        refuse(card, from, index, 'Priora cannot be reached; the card is back where it was.');
      });
  }

  function wire(root) {
    if (!root || !root.dataset.moveUrl || typeof window.Sortable === 'undefined') { return; }
    root.querySelectorAll('.board-cell').forEach(function (cell) {
      window.Sortable.create(cell, {
        group: 'lane-' + cell.dataset.lane,
        sort: false,
        draggable: '.board-card',
        filter: 'a.key, summary, button, .menu-list',
        preventOnFilter: false,
        forceFallback: true,
        fallbackTolerance: 3,
        ghostClass: 'drag-ghost',
        chosenClass: 'drag-chosen',
        dragClass: 'dragging',
        onStart: function () { root.classList.add('is-dragging'); },
        onEnd: function (e) {
          root.classList.remove('is-dragging');
          if (e.to === e.from) { return; }
          move(e.item, e.to.dataset.status, e.from, e.oldIndex);
        }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () { wire(board()); });
  window.Priora.wireBoard = wire;

  document.addEventListener('keydown', function (e) {
    var card = e.target && e.target.closest ? e.target.closest('#sprint-board .board-card') : null;
    if (!card || e.target !== card || e.ctrlKey || e.metaKey) { return; }
    var cell = columnOf(card);
    if (e.key === 'Enter' && !e.altKey) {
      var link = card.querySelector('a.key');
      if (link) { e.preventDefault(); window.location = link.href; }
      return;
    }
    if (e.key === ' ' && !e.altKey) {
      var open = card.querySelector('[data-panel-open]');
      if (open) { e.preventDefault(); open.click(); }
      return;
    }
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight' && e.key !== 'ArrowUp' && e.key !== 'ArrowDown') { return; }
    e.preventDefault();
    if (e.altKey) {
      if (e.key === 'ArrowUp' || e.key === 'ArrowDown' || !board().dataset.moveUrl) { return; }
      var target = neighbourCell(cell, e.key === 'ArrowLeft' ? -1 : 1);
      if (!target) { announce(card.dataset.key + ' is already in the ' + (e.key === 'ArrowLeft' ? 'first' : 'last') + ' column.'); return; }
      var index = Array.prototype.indexOf.call(cell.children, card);
      target.appendChild(card);
      card.focus();
      move(card, target.dataset.status, cell, index);
      return;
    }
    var next = null;
    if (e.key === 'ArrowUp') { next = card.previousElementSibling; }
    else if (e.key === 'ArrowDown') { next = card.nextElementSibling; }
    else {
      var side = neighbourCell(cell, e.key === 'ArrowLeft' ? -1 : 1);
      while (side && !side.querySelector('.board-card')) { side = neighbourCell(side, e.key === 'ArrowLeft' ? -1 : 1); }
      next = side ? side.querySelector('.board-card') : null;
    }
    if (next) { next.focus(); }
  });
})();

// Command palette (#palette): Ctrl/⌘-K or the header's search opens it; typing asks /search (htmx) for items, pages
// and actions; ↑/↓ choose, Enter opens, Esc closes (the native dialog). A URL's #hash naming a dialog opens it, one
// naming a field focuses it (the palette's "New item", "New feedback").
(function () {
  'use strict';
  function palette() { return document.getElementById('palette'); }
  function options() { return Array.prototype.slice.call(document.querySelectorAll('#palette-results [role=option]')); }
  function select(option) {
    var input = document.getElementById('palette-input');
    options().forEach(function (o) { o.setAttribute('aria-selected', String(o === option)); });
    if (option) {
      if (!option.id) { option.id = 'palette-option-' + options().indexOf(option); }
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else if (input) {
      input.removeAttribute('aria-activedescendant');
    }
  }
  function selected() { return document.querySelector('#palette-results [role=option][aria-selected=true]'); }

  document.addEventListener('priora:palette', function (e) {
    var dialog = palette();
    if (!dialog || !dialog.showModal) { return; }
    e.preventDefault();
    if (dialog.open) { document.getElementById('palette-input').select(); return; }
    var input = document.getElementById('palette-input');
    input.value = '';
    dialog.showModal();
    input.focus();
    if (window.htmx) { window.htmx.trigger(input, 'palette-open'); }
  });

  document.addEventListener('htmx:afterSwap', function (e) {
    if (e.detail.target && e.detail.target.id === 'palette-results' || document.getElementById('palette-results') === e.detail.elt) {
      select(options()[0] || null);
    }
  });
  document.addEventListener('htmx:afterSettle', function (e) {
    if (palette() && palette().open && !selected()) { select(options()[0] || null); }
  });

  document.addEventListener('keydown', function (e) {
    var dialog = palette();
    if (!dialog || !dialog.open || !dialog.contains(e.target)) { return; }
    var all = options();
    var i = all.indexOf(selected());
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!all.length) { return; }
      i = e.key === 'ArrowDown' ? (i + 1) % all.length : (i <= 0 ? all.length - 1 : i - 1);
      select(all[i]);
    } else if (e.key === 'Enter' && e.target.id === 'palette-input') {
      e.preventDefault();
      var chosen = selected() || all[0];
      if (chosen) { window.location = chosen.href; dialog.close(); }
      else if (e.target.value.trim()) { e.target.form.submit(); }
    }
  });
  document.addEventListener('mousemove', function (e) {
    var option = e.target.closest ? e.target.closest('#palette-results [role=option]') : null;
    if (option && option !== selected()) { select(option); }
  });

  // The palette's actions and the health page's fix links land on a page with a #hash: open the dialog, or focus the
  // field it names (opening the <details> it is in).
  function hashTarget() {
    var id = window.location.hash ? decodeURIComponent(window.location.hash.slice(1)) : '';
    var el = id && /^[A-Za-z][\w-]*$/.test(id) ? document.getElementById(id) : null;
    if (!el) { return; }
    if (el.tagName === 'DIALOG' && el.showModal && !el.open) {
      el.showModal();
      var first = el.querySelector('[autofocus], input:not([type=hidden]), select, textarea');
      if (first) { first.focus(); }
    } else if (/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) {
      var closed = el.closest('details:not([open])');
      if (closed) { closed.open = true; }
      el.scrollIntoView({ block: 'center' });
      el.focus();
    }
  }
  document.addEventListener('DOMContentLoaded', hashTarget);
  window.addEventListener('hashchange', hashTarget);
})();

// Backlog rows: shift-click selects a range of boxes; x selects the focused row, e edits its estimate, Space opens it in
// the side panel (aside#item-panel, loaded by htmx from the title link of a backlog row or a sprint board card); Esc or
// Close empties the panel and the focus returns to the row or card it came from.
(function () {
  'use strict';
  var lastBox = null;
  document.addEventListener('click', function (e) {
    var box = e.target && e.target.matches && e.target.matches('#backlog-rows input[type=checkbox][name=items]') ? e.target : null;
    if (!box) { return; }
    if (e.shiftKey && lastBox && lastBox !== box && document.contains(lastBox)) {
      var boxes = Array.prototype.slice.call(document.querySelectorAll('#backlog-rows input[type=checkbox][name=items]'));
      var a = boxes.indexOf(lastBox);
      var b = boxes.indexOf(box);
      boxes.slice(Math.min(a, b), Math.max(a, b) + 1).forEach(function (other) {
        if (other.checked !== box.checked) {
          other.checked = box.checked;
          other.dispatchEvent(new Event('change', { bubbles: true }));
        }
      });
    }
    lastBox = box;
  });

  // The panel keeps its place in the URL: opening an item pushes ?item=KEY (the rest of the URL kept), opening another
  // one replaces it, closing goes back to the entry before it (or drops the parameter), Back and Forward close and open
  // it, and a reload reopens it. aside#item-panel[data-panel-base] says where panels are: base + KEY + '/panel'.
  var panelRow = null;
  var ITEM_KEY = /^[A-Za-z][A-Za-z0-9]{0,9}-[0-9]{1,12}$/;
  function panel() { return document.getElementById('item-panel'); }
  function openKey() { var body = panel() && panel().firstElementChild; return body ? body.getAttribute('data-panel-key') : null; }
  function itemParam() {
    var key = new URLSearchParams(window.location.search).get('item');
    return key && ITEM_KEY.test(key) ? key : null;
  }
  function urlWithItem(key) {
    var url = new URL(window.location.href);
    if (key) { url.searchParams.set('item', key); } else { url.searchParams.delete('item'); }
    return url.pathname + url.search + url.hash;
  }
  function rowOf(key) {
    return key ? document.querySelector('#backlog-rows > li.row[data-key="' + key + '"], #sprint-board .board-card[data-key="' + key + '"]') : null;
  }
  function markOpen(row) {
    document.querySelectorAll('#backlog-rows > li.panel-open, #sprint-board .board-card.panel-open').forEach(function (r) { r.classList.remove('panel-open'); });
    if (row) { row.classList.add('panel-open'); }
  }
  function loadPanel(key) {
    var p = panel();
    if (!p || !p.dataset.panelBase || !window.htmx) { return; }
    panelRow = rowOf(key);
    window.htmx.ajax('GET', p.dataset.panelBase + encodeURIComponent(key) + '/panel', { target: '#item-panel', swap: 'innerHTML' });
  }
  // Empties the panel; the focus goes back to the row or card it was opened from.
  function emptyPanel() {
    var p = panel();
    if (!p || !p.firstElementChild) { return false; }
    p.innerHTML = '';
    markOpen(null);
    var row = panelRow && panelRow.dataset ? rowOf(panelRow.dataset.key) : null;
    if (row) { row.focus(); }
    return true;
  }
  function closePanel() {
    if (!emptyPanel()) { return false; }
    if (itemParam()) {
      if (history.state && history.state.prioraPanel) { history.back(); }
      else { history.replaceState(history.state, '', urlWithItem(null)); }
    }
    return true;
  }
  document.addEventListener('click', function (e) {
    var link = e.target.closest ? e.target.closest('[data-panel-open]') : null;
    if (link) { panelRow = link.closest('li.row, li.board-card'); }
    if (e.target.closest && e.target.closest('[data-panel-close]')) { e.preventDefault(); closePanel(); }
  });
  document.addEventListener('htmx:afterSettle', function (e) {
    var p = panel();
    if (!p || e.detail.target !== p || !p.firstElementChild) { return; }
    var key = openKey();
    markOpen(panelRow ? rowOf(panelRow.dataset.key) : rowOf(key));
    if (key && itemParam() !== key) {
      if (itemParam()) { history.replaceState(history.state, '', urlWithItem(key)); }
      else { history.pushState({ prioraPanel: key }, '', urlWithItem(key)); }
    }
    var title = document.getElementById('panel-title');
    if (title) { title.focus({ preventScroll: true }); }
  });
  window.addEventListener('popstate', function () {
    if (!panel()) { return; }
    var key = itemParam();
    if (!key) { emptyPanel(); }
    else if (key !== openKey()) { loadPanel(key); }
  });
  document.addEventListener('DOMContentLoaded', function () {
    var key = itemParam();
    if (key && panel()) { loadPanel(key); }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && !document.querySelector('dialog[open]') && closePanel()) { e.preventDefault(); return; }
    var row = e.target && e.target.closest ? e.target.closest('#backlog-rows > li.row') : null;
    if (!row || e.target !== row || e.altKey || e.ctrlKey || e.metaKey) { return; }
    if (e.key === 'x') {
      var box = row.querySelector('input[type=checkbox][name=items]');
      if (box) { e.preventDefault(); box.click(); }
    } else if (e.key === 'e') {
      var estimate = row.querySelector('select[name=estimate]');
      if (estimate) { e.preventDefault(); estimate.focus(); }
    } else if (e.key === ' ') {
      var open = row.querySelector('[data-panel-open]');
      if (open) { e.preventDefault(); open.click(); }
    }
  });
  // After a row is saved (htmx swaps the row), the focus stays on that row: on the control that was changed (a status or
  // estimate select), or on the release and sprint chip after a choice in its menu.
  document.addEventListener('htmx:afterSwap', function (e) {
    var t = e.detail.elt;
    var id = e.detail.target && e.detail.target.id;
    var row = id && id.indexOf('row-') === 0 ? document.getElementById(id) : null;
    if (!row) { return; }
    var form = t && t.closest ? t.closest('form.inline-edit') : null;
    if (!form) { row.focus(); return; }
    var select = form.querySelector('select');
    var again = form.closest('.plan-edit') ? row.querySelector('.plan-edit > summary')
      : select ? row.querySelector('select[name="' + select.name + '"]') : null;
    if (again) { again.focus(); }
  });
})();
