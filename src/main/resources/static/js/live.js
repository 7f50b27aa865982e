// Live updates: one EventSource per page (#live-status[data-live-url]: /p/KEY/live on a product's pages, /live
// elsewhere). What others change appears without a reload: backlog rows (re-read and swapped; the order and new items by
// re-reading the list), the sprint board and the planning board (re-read whole), new feedback in the inbox, the bell, a
// planning poker room and the list of sessions (re-read whole). Nothing the reader is busy with is replaced — a row or
// board with the focus in a field, an open menu, a changed field or a drag under way — it is marked "Changed by someone
// else" with a Refresh button instead. The indicator in the header says when the stream is down; the browser reconnects
// by itself and the server sends what was missed (Last-Event-ID). Event names and payloads: dev.priora.live.LiveChanges.
(function () {
  'use strict';

  var status = document.getElementById('live-status');
  if (!status || !status.dataset.liveUrl || typeof window.EventSource === 'undefined') { return; }

  // The reader's own writes: a re-read that started before one of them ended (or while one runs) may show the page as it
  // was before it, so its answer is dropped and the re-read done again.
  var generation = 0;
  var inflight = 0;
  window.Priora = window.Priora || {};
  window.Priora.writing = function () {
    generation++;
    inflight++;
    var ended = false;
    return function () { if (!ended) { ended = true; generation++; inflight--; } };
  };
  document.addEventListener('htmx:beforeRequest', function (e) {
    if (e.detail.requestConfig && e.detail.requestConfig.verb !== 'get') { e.detail.xhr.liveDone = window.Priora.writing(); }
  });
  document.addEventListener('htmx:afterRequest', function (e) { if (e.detail.xhr && e.detail.xhr.liveDone) { e.detail.xhr.liveDone(); } });
  document.addEventListener('submit', function () { generation++; }, true);

  // Runs apply(answer) unless the reader wrote meanwhile; then tries again (retry) a little later.
  function unlessWritten(promise, apply, retry) {
    var at = generation;
    return promise.then(function (answer) {
      if (at !== generation || inflight > 0) { setTimeout(retry, 400); return; }
      apply(answer);
    });
  }

  var dragging = false;
  document.addEventListener('dragstart', function () { dragging = true; }, true);
  document.addEventListener('dragend', function () { dragging = false; }, true);
  document.addEventListener('drop', function () { dragging = false; }, true);

  // ---------- Reading pages and comparing what they show ----------
  function fetchHtml(url, headers) {
    var h = { 'Accept': 'text/html' };
    Object.keys(headers || {}).forEach(function (k) { h[k] = headers[k]; });
    return fetch(url, { headers: h, credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) { throw new Error('HTTP ' + r.status); }
      return r.text();
    }).then(function (text) { return new DOMParser().parseFromString(text, 'text/html'); });
  }

  // What an element shows as the server rendered it: its text and its fields' rendered values, without the menus that
  // load on opening, errors and our own marks.
  function signature(el) {
    var copy = el.cloneNode(true);
    copy.querySelectorAll('.menu-list, .row-error, .card-error, .live-stale').forEach(function (x) { x.remove(); });
    var fields = Array.prototype.map.call(copy.querySelectorAll('select, input, textarea'), function (f) {
      if (f.tagName === 'SELECT') {
        return Array.prototype.map.call(f.options, function (o) { return o.defaultSelected ? '1' : '0'; }).join('');
      }
      return f.type === 'checkbox' || f.type === 'radio' ? (f.name === 'items' ? '' : String(f.defaultChecked)) : f.defaultValue;
    });
    return copy.textContent.replace(/\s+/g, ' ').trim() + '|' + fields.join('|');
  }

  function dirty(el) {
    return Array.prototype.some.call(el.querySelectorAll('select, input, textarea'), function (f) {
      if (f.tagName === 'SELECT') {
        return Array.prototype.some.call(f.options, function (o) { return o.selected !== o.defaultSelected; });
      }
      if (f.type === 'checkbox' || f.type === 'radio') { return f.name !== 'items' && f.checked !== f.defaultChecked; }
      return f.type !== 'hidden' && f.value !== f.defaultValue;
    });
  }

  // Busy: the reader is typing or choosing in it, has a menu open, changed a field, or drags.
  function busy(el) {
    var active = document.activeElement;
    var typing = active && el.contains(active) && /^(INPUT|SELECT|TEXTAREA|SUMMARY|BUTTON)$/.test(active.tagName);
    return dragging || typing || !!el.querySelector('details[open], .moving') || el.classList.contains('is-dragging') || dirty(el);
  }

  function stale(el, refresh) {
    el.classList.add('is-stale');
    if (el.querySelector(':scope > .live-stale')) { return; }
    var note = document.createElement(el.tagName === 'LI' ? 'span' : 'p');
    note.className = 'live-stale';
    note.setAttribute('role', 'status');
    note.appendChild(document.createTextNode('Changed by someone else. '));
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'link small';
    button.textContent = 'Refresh';
    button.addEventListener('click', function (e) { e.preventDefault(); e.stopPropagation(); refresh(true); });
    note.appendChild(button);
    el.appendChild(note);
  }

  // Puts a fresh element in place of the old one, keeping what the reader had: the focus (by key), the selection box,
  // the side panel's mark.
  function swap(old, fresh) {
    var adopted = document.importNode(fresh, true);
    var focused = document.activeElement && old.contains(document.activeElement) ? document.activeElement : null;
    var focusKey = focused && focused.closest('[data-key]') ? focused.closest('[data-key]').dataset.key : null;
    var selected = old.querySelector('input[name=items]:checked');
    old.querySelectorAll('.panel-open[data-key]').forEach(function (o) {
      var twin = adopted.matches('[data-key="' + o.dataset.key + '"]') ? adopted : adopted.querySelector('[data-key="' + o.dataset.key + '"]');
      if (twin) { twin.classList.add('panel-open'); }
    });
    if (old.classList.contains('panel-open')) { adopted.classList.add('panel-open'); }
    if (selected) { var box = adopted.querySelector('input[name=items]'); if (box) { box.checked = true; } }
    old.replaceWith(adopted);
    if (window.htmx) { window.htmx.process(adopted); }
    if (focusKey) {
      var target = adopted.matches('[data-key="' + focusKey + '"]') ? adopted : adopted.querySelector('[data-key="' + focusKey + '"]');
      if (target) { target.focus({ preventScroll: true }); }
    }
    return adopted;
  }

  function unmark(el) {
    el.classList.remove('is-stale');
    el.querySelectorAll(':scope > .live-stale').forEach(function (n) { n.remove(); });
  }

  function later(fn, ms) {
    var timer = null;
    return function (force) {
      if (force === true) { clearTimeout(timer); timer = null; fn(true); return; }
      if (!timer) { timer = setTimeout(function () { timer = null; fn(false); }, ms); }
    };
  }

  // ---------- Regions ----------
  // A whole region (#sprint-board, #board, #poker-room, #poker-sessions) read again from the page's own URL. A region is
  // marked instead of replaced while the reader is busy in it (isBusy: by default busy()).
  function region(id, after, isBusy) {
    return later(function (force) {
      var old = document.getElementById(id);
      if (!old) { return; }
      unlessWritten(fetchHtml(window.location.href), function (doc) {
        var fresh = doc.getElementById(id);
        old = document.getElementById(id);
        if (!fresh || !old) { return; }
        if (signature(fresh) === signature(old)) { unmark(old); return; }
        if (!force && (isBusy || busy)(old)) { stale(old, refreshers[id]); return; }
        var now = swap(old, fresh);
        if (after) { after(now); }
      }, function () { refreshers[id](force); }).catch(function () { /* the next change or the reconnect tries again */ });
    }, 250);
  }

  var refreshers = {
    'sprint-board': region('sprint-board', function (b) { if (window.Priora.wireBoard) { window.Priora.wireBoard(b); } }),
    'board': region('board'),
    // a planning poker room is only busy while the reader has changed a field in it (the value to accept): a vote card
    // keeps the focus after a click, and the reveal must reach every room at once
    'poker-room': region('poker-room', null, dirty),
    'poker-sessions': region('poker-sessions')
  };

  // Backlog rows: one row re-read by key; the order and new rows by re-reading the list (filters kept).
  function rowsList() { return document.getElementById('backlog-rows'); }

  function refreshRow(key, force) {
    var list = rowsList();
    var row = list && list.querySelector(':scope > li.row[data-key="' + key + '"]');
    if (!row || !list.dataset.rowUrl) { return; }
    unlessWritten(fetchHtml(list.dataset.rowUrl.replace('KEY', encodeURIComponent(key)), { 'HX-Request': 'true' }), function (doc) {
      var fresh = doc.querySelector('li.row[data-key="' + key + '"]');
      row = rowsList() && rowsList().querySelector(':scope > li.row[data-key="' + key + '"]');
      if (!fresh || !row) { return; }
      if (signature(fresh) === signature(row)) { unmark(row); return; }
      if (!force && busy(row)) { stale(row, function () { refreshRow(key, true); }); return; }
      swap(row, fresh);
    }, function () { refreshRow(key, force); }).catch(function () { /* gone, or hidden now: the list refresh settles it */ });
  }

  var refreshList = later(function (force) {
    var list = rowsList();
    if (!list) { return; }
    unlessWritten(fetchHtml(window.location.href, { 'HX-Request': 'true', 'HX-Target': 'backlog-list' }), function (doc) {
      var fresh = doc.getElementById('backlog-rows');
      list = rowsList();
      if (!fresh || !list) { return; }
      var freshRows = Array.prototype.slice.call(fresh.querySelectorAll(':scope > li.row'));
      var oldRows = Array.prototype.slice.call(list.querySelectorAll(':scope > li.row'));
      var firstPageOnly = oldRows.length <= freshRows.length;
      var keys = {};
      var ordered = freshRows.map(function (f) {
        keys[f.dataset.key] = true;
        var old = list.querySelector(':scope > li.row[data-key="' + f.dataset.key + '"]');
        if (!old) { return document.importNode(f, true); }
        if (signature(old) !== signature(f)) {
          if (!force && busy(old)) { stale(old, function () { refreshRow(old.dataset.key, true); }); }
          else { return swap(old, f); }
        }
        return old;
      });
      oldRows.forEach(function (o) {
        if (!keys[o.dataset.key] && (!firstPageOnly || busy(o))) { ordered.push(o); }
        else if (!keys[o.dataset.key]) { o.remove(); }
      });
      var same = ordered.length === oldRows.length && ordered.every(function (r, i) { return r === oldRows[i]; });
      if (same) { return; }
      var more = list.querySelector(':scope > li.more');
      var freshMore = fresh.querySelector(':scope > li.more');
      var focused = document.activeElement;
      ordered.forEach(function (r) { list.insertBefore(r, more); });
      if (firstPageOnly && more) { more.remove(); more = null; }
      if (firstPageOnly && freshMore) { list.appendChild(document.importNode(freshMore, true)); }
      if (window.htmx) { window.htmx.process(list); }
      if (focused && focused !== document.activeElement && list.contains(focused)) { focused.focus({ preventScroll: true }); }
    }, function () { refreshList(force); }).catch(function () { /* the next change or the reconnect tries again */ });
  }, 300);

  // Inbox: new feedback rows appear where the list puts them; rows already shown are left alone.
  // A page fetched before the list was swapped (a row triaged meanwhile) is stale: it would bring the triaged row back
  // as new, so it is dropped and the list fetched again.
  var inboxSwaps = 0;
  document.addEventListener('htmx:afterSwap', function (e) {
    if (e.detail && e.detail.target && e.detail.target.id === 'inbox') { inboxSwaps++; }
  });
  var refreshInbox = later(function () {
    var list = document.getElementById('inbox-rows');
    if (!list) { return; }
    var swapsBefore = inboxSwaps;
    fetchHtml(window.location.href).then(function (doc) {
      if (inboxSwaps !== swapsBefore) { refreshInbox(); return; }
      var fresh = doc.getElementById('inbox-rows');
      list = document.getElementById('inbox-rows');
      if (!fresh || !list) { return; }
      var rows = Array.prototype.slice.call(fresh.querySelectorAll(':scope > li.feedback'));
      rows.forEach(function (f, i) {
        if (list.querySelector(':scope > li.feedback[data-id="' + f.dataset.id + '"]')) { return; }
        var next = null;
        for (var j = i + 1; j < rows.length && !next; j++) {
          next = list.querySelector(':scope > li.feedback[data-id="' + rows[j].dataset.id + '"]');
        }
        var row = document.importNode(f, true);
        row.classList.add('is-new');
        list.insertBefore(row, next || list.querySelector(':scope > li.more'));
        if (window.htmx) { window.htmx.process(row); }
      });
    }).catch(function () { /* the next change or the reconnect tries again */ });
  }, 300);

  var refreshBell = later(function () {
    var slot = document.getElementById('bell-slot');
    if (slot && window.htmx) { window.htmx.ajax('GET', slot.getAttribute('hx-get'), { target: '#bell-slot', swap: 'innerHTML' }); }
  }, 100);

  function everything() {
    refreshList(); refreshers['sprint-board'](); refreshers.board(); refreshInbox(); refreshBell();
    refreshers['poker-room'](); refreshers['poker-sessions']();
  }

  // ---------- The stream ----------
  var labels = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', down: 'Offline' };
  function state(s) {
    status.dataset.state = s;
    var label = status.querySelector('.live-label');
    if (label) { label.textContent = labels[s]; }
    status.title = s === 'live' ? 'Live: changes by others appear as they happen'
      : s === 'down' ? 'Live updates are off: reload the page to see changes by others' : 'Live updates: ' + labels[s];
  }

  function data(e) { try { return JSON.parse(e.data || '{}'); } catch (x) { return {}; } }

  var source = null;
  var caughtUp = true;
  function connect() {
    state('connecting');
    source = new EventSource(status.dataset.liveUrl);
    source.onopen = function () {
      state('live');
      if (!caughtUp) { caughtUp = true; everything(); }
    };
    source.onerror = function () {
      if (source.readyState === EventSource.CLOSED) {
        // the server refused (signed out, no access) or is gone: try again later, from scratch
        state('down');
        caughtUp = false;
        setTimeout(connect, 15000);
      }
      else { state('reconnecting'); }
    };
    source.addEventListener('item', function (e) {
      var d = data(e);
      var what = d.what || [];
      if (what.indexOf('created') >= 0 || what.indexOf('order') >= 0) { refreshList(); }
      else if (d.key) { refreshRow(d.key, false); }
      refreshers['sprint-board']();
      refreshers.board();
    });
    source.addEventListener('order', function () { refreshList(); refreshers['sprint-board'](); refreshers.board(); });
    source.addEventListener('plan', function () { refreshList(); refreshers['sprint-board'](); refreshers.board(); });
    source.addEventListener('feedback', function () { refreshInbox(); });
    source.addEventListener('notification', function () { refreshBell(); });
    source.addEventListener('poker', function (e) {
      var room = document.getElementById('poker-room');
      if (room && room.dataset.session === String(data(e).session)) { refreshers['poker-room'](); }
      refreshers['poker-sessions']();
    });
    source.addEventListener('reload', everything);
  }

  window.addEventListener('pagehide', function () { if (source) { source.close(); } });
  connect();
})();
