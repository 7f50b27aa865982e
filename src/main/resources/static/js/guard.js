// Loaded before the page's body, without defer: until priora.js has run (it is deferred, after the whole page is
// parsed), a destructive form or link marked data-confirm would act without asking. This holds such a submit or
// click back and says so; once priora.js is ready (Priora.confirm), it asks as usual and this does nothing.
(function () {
  'use strict';

  function ready() {
    return window.Priora && typeof window.Priora.confirm === 'function';
  }

  function holdBack(e) {
    e.preventDefault();
    e.stopImmediatePropagation();
    document.documentElement.classList.add('page-loading');
  }

  document.addEventListener('submit', function (e) {
    if (ready()) { return; }
    var form = e.target;
    var submitter = e.submitter;
    if ((submitter && submitter.dataset.confirm) || (form && form.dataset && form.dataset.confirm)) { holdBack(e); }
  }, true);

  document.addEventListener('click', function (e) {
    if (ready() || !e.target || !e.target.closest) { return; }
    if (e.target.closest('a[data-confirm]')) { holdBack(e); }
  }, true);
}());
