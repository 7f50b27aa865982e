// Priora's little hand-written JavaScript: CSRF for htmx, and backlog reordering by drag or keyboard.
(function () {
  'use strict';

  function csrf() {
    var meta = document.querySelector('meta[name="_csrf"]');
    return meta ? meta.content : null;
  }

  document.addEventListener('htmx:configRequest', function (e) {
    var token = csrf();
    if (token) { e.detail.headers['X-CSRF-TOKEN'] = token; }
  });

  function list() { return document.getElementById('backlog-rows'); }

  function announce(text, isError) {
    var box = document.getElementById('move-status');
    if (!box) {
      box = document.createElement('p');
      box.id = 'move-status';
      box.setAttribute('role', 'status');
      var l = list();
      if (l) { l.parentNode.insertBefore(box, l); }
    }
    box.className = isError ? 'error' : 'notice';
    box.textContent = text;
  }

  // Sends the move; on success moves the row in the page, so the order shown is the order stored.
  function move(row, position, target) {
    var body = new URLSearchParams({ item: row.dataset.key, position: position });
    if (target) { body.append('target', target.dataset.key); }
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
    if (csrf()) { headers['X-CSRF-TOKEN'] = csrf(); }
    return fetch(list().dataset.moveUrl, { method: 'POST', headers: headers, body: body, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        var l = list();
        if (position === 'top') { l.insertBefore(row, l.firstElementChild); }
        else if (position === 'bottom') { l.insertBefore(row, l.querySelector('li.more')); }
        else if (position === 'before') { l.insertBefore(row, target); }
        else { l.insertBefore(row, target.nextElementSibling); }
        row.focus();
        announce(row.dataset.key + ' moved ' + (target ? position + ' ' + target.dataset.key : 'to the ' + position) + '.', false);
      })
      .catch(function (err) { announce('The move was refused (' + err.message + '); reload to see the current order.', true); });
  }

  var dragged = null;

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
    if (!row || !e.altKey || e.target !== row || !movable()) { return; }
    var prev = row.previousElementSibling;
    var next = row.nextElementSibling;
    if (next && !next.classList.contains('row')) { next = null; }
    if (e.key === 'ArrowUp' && prev) { e.preventDefault(); move(row, 'before', prev); }
    else if (e.key === 'ArrowDown' && next) { e.preventDefault(); move(row, 'after', next); }
    else if (e.key === 'Home') { e.preventDefault(); move(row, 'top', null); }
    else if (e.key === 'End') { e.preventDefault(); move(row, 'bottom', null); }
  });

  // Feedback inbox: j / k move, Enter opens, t / d / a triage, decline, archive the focused feedback.
  document.addEventListener('keydown', function (e) {
    var row = e.target && e.target.closest ? e.target.closest('#inbox-rows > li.feedback') : null;
    if (!row || e.target !== row || e.altKey || e.ctrlKey || e.metaKey) { return; }
    var actions = { t: 'TRIAGED', d: 'DECLINED', a: 'ARCHIVED' };
    if (e.key === 'j' && row.nextElementSibling) { e.preventDefault(); row.nextElementSibling.focus(); }
    else if (e.key === 'k' && row.previousElementSibling) { e.preventDefault(); row.previousElementSibling.focus(); }
    else if (e.key === 'Enter') { e.preventDefault(); window.location = row.querySelector('a.open').href; }
    else if (actions[e.key]) {
      var form = row.querySelector('form[data-action="' + actions[e.key] + '"]');
      if (form) { e.preventDefault(); form.requestSubmit(); }
    }
  });

  document.addEventListener('htmx:afterSwap', function (e) {
    if (e.detail.target && e.detail.target.id === 'inbox') {
      var first = document.querySelector('#inbox-rows > li.feedback');
      if (first) { first.focus(); }
    }
  });

  // Enter on a focused row opens the item.
  document.addEventListener('keydown', function (e) {
    var row = rowOf(e.target);
    if (row && e.key === 'Enter' && e.target === row) {
      var link = row.querySelector('.key a');
      if (link) { window.location = link.href; }
    }
  });
})();

// "Select all" boxes: <input type="checkbox" data-select-all="ids"> ticks every box named ids.
document.addEventListener('change', function (e) {
  var name = e.target && e.target.dataset ? e.target.dataset.selectAll : null;
  if (!name) { return; }
  document.querySelectorAll('input[type=checkbox][name="' + name + '"]').forEach(function (box) {
    box.checked = e.target.checked;
  });
});

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
