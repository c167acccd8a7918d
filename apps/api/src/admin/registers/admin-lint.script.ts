import { createHash } from 'node:crypto';

/**
 * Progressive enhancement of the register edit page: while the admin types
 * (debounced), the textarea's text is posted to the page's lint endpoint and
 * the findings are shown in a live region. The page works fully without it
 * ("Check" does the same on the server). Built with textContent only: no HTML
 * from the server is inserted. Served as /admin/assets/admin-lint.js.
 */
export const ADMIN_LINT_SCRIPT = `(function () {
  'use strict';
  var area = document.getElementById('r-definition');
  var out = document.getElementById('live-findings');
  var form = area && area.form;
  if (!area || !out || !form || !window.fetch || !window.URLSearchParams) return;
  var url = form.getAttribute('data-lint-url');
  var token = form.querySelector('input[name="_csrf"]');
  var body = out.querySelector('.live-body');
  if (!url || !token || !body) return;
  var timer = null;
  var seq = 0;
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function show(data) {
    body.textContent = '';
    if (data.error) { body.appendChild(el('p', 'live-error', data.error)); return; }
    body.appendChild(el('p', null, data.summary));
    (data.groups || []).forEach(function (g) {
      body.appendChild(el('h4', null, g.label + ' (' + g.count + ')'));
      var ul = el('ul', 'finding-list');
      g.items.forEach(function (f) {
        var li = el('li', 'finding finding-' + g.severity);
        if (f.where) {
          li.appendChild(el('strong', 'where', f.where));
          if (f.refuses) li.appendChild(el('span', 'refuses', ' (' + f.refuses + ')'));
        }
        if (f.here) { li.appendChild(document.createTextNode(' ')); li.appendChild(el('span', 'flag', data.thisRegister)); }
        li.appendChild(el('br'));
        li.appendChild(document.createTextNode(f.title));
        if (f.detail) { li.appendChild(el('br')); li.appendChild(el('span', 'finding-detail', f.detail)); }
        li.appendChild(el('br'));
        var small = el('small');
        small.appendChild(el('code', null, f.code));
        small.appendChild(document.createTextNode(' '));
        small.appendChild(el('code', 'path', f.path));
        li.appendChild(small);
        ul.appendChild(li);
      });
      body.appendChild(ul);
    });
  }
  function check() {
    var mine = ++seq;
    var params = new URLSearchParams();
    params.set('_csrf', token.value);
    params.set('definition', area.value);
    fetch(url, { method: 'POST', body: params, credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data && mine === seq) show(data); })
      .catch(function () { /* the Check button still works */ });
  }
  out.hidden = false;
  area.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(check, 800);
  });
})();
`;

export const ADMIN_LINT_SCRIPT_URL = `/admin/assets/admin-lint.js?v=${createHash('sha256').update(ADMIN_LINT_SCRIPT).digest('hex').slice(0, 12)}`;
