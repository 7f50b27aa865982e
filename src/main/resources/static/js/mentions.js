// @mention autocomplete for textareas with data-mentions="URL of the product's members (JSON)".
// Typing @ and a few letters lists matching members; ↑/↓ choose, Enter or Tab insert, Esc closes.
(function () {
  'use strict';
  var cache = {};
  var list = null;
  var state = null; // {area, start, matches, active}

  function members(url) {
    if (!cache[url]) {
      cache[url] = fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : []; })
        .catch(function () { return []; });
    }
    return cache[url];
  }

  // The "@query" just before the caret, or null.
  function query(area) {
    var before = area.value.slice(0, area.selectionStart);
    var at = before.lastIndexOf('@');
    if (at < 0 || before.length - at > 41) { return null; }
    if (at > 0 && /[\w.%+-]/.test(before.charAt(at - 1))) { return null; }
    var q = before.slice(at + 1);
    if (/[\n@]/.test(q) || /\s\s/.test(q)) { return null; }
    return { start: at, text: q.toLowerCase() };
  }

  function close() {
    if (list) { list.remove(); list = null; }
    if (state) {
      state.area.removeAttribute('aria-activedescendant');
      state.area.setAttribute('aria-expanded', 'false');
    }
    state = null;
  }

  function render() {
    if (!list) {
      list = document.createElement('ul');
      list.className = 'menu-list mention-list';
      list.id = 'mention-list';
      list.setAttribute('role', 'listbox');
      list.setAttribute('aria-label', 'Members to mention');
      state.area.insertAdjacentElement('afterend', list);
      state.area.setAttribute('aria-controls', 'mention-list');
    }
    list.textContent = '';
    state.matches.forEach(function (m, i) {
      var li = document.createElement('li');
      li.id = 'mention-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', i === state.active ? 'true' : 'false');
      li.dataset.index = String(i);
      var name = document.createElement('strong');
      name.textContent = m.name;
      var mail = document.createElement('span');
      mail.className = 'hint';
      mail.textContent = ' ' + m.email;
      li.appendChild(name);
      li.appendChild(mail);
      list.appendChild(li);
    });
    state.area.setAttribute('aria-expanded', 'true');
    state.area.setAttribute('aria-activedescendant', 'mention-' + state.active);
  }

  function pick(i) {
    var m = state.matches[i];
    var area = state.area;
    var sameName = state.all.filter(function (o) { return o.name.toLowerCase() === m.name.toLowerCase(); }).length > 1;
    var text = '@' + (sameName ? m.email : m.name) + ' ';
    var caret = area.selectionStart;
    area.value = area.value.slice(0, state.start) + text + area.value.slice(caret);
    var at = state.start + text.length;
    area.setSelectionRange(at, at);
    close();
    area.focus();
  }

  document.addEventListener('input', function (e) {
    var area = e.target;
    if (!(area instanceof HTMLTextAreaElement) || !area.dataset.mentions) { return; }
    var q = query(area);
    if (!q) { close(); return; }
    members(area.dataset.mentions).then(function (all) {
      var again = query(area);
      if (!again || again.start !== q.start) { return; }
      var matches = all.filter(function (m) {
        return m.name.toLowerCase().indexOf(again.text) === 0 || m.email.toLowerCase().indexOf(again.text) === 0
          || m.name.toLowerCase().indexOf(' ' + again.text) > 0;
      }).slice(0, 8);
      if (matches.length === 0) { close(); return; }
      state = { area: area, start: again.start, matches: matches, all: all, active: 0 };
      render();
    });
  });

  document.addEventListener('keydown', function (e) {
    if (!state || e.target !== state.area) { return; }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      var n = state.matches.length;
      state.active = (state.active + (e.key === 'ArrowDown' ? 1 : n - 1)) % n;
      render();
      e.preventDefault();
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      pick(state.active);
      e.preventDefault();
    } else if (e.key === 'Escape') {
      close();
      e.preventDefault();
      e.stopPropagation();
    }
  }, true);

  document.addEventListener('mousedown', function (e) {
    var option = list && e.target.closest && e.target.closest('#mention-list [role=option]');
    if (option) {
      e.preventDefault();
      pick(Number(option.dataset.index));
    } else if (state && e.target !== state.area) {
      close();
    }
  });
})();
