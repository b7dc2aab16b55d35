// Mock AWRA client (served as /app.js): SPA navigation, action buttons, in-place row updates,
// and optional live polling on /sync-hub?live=1. Plain browser JS, no dependencies.
(() => {
  'use strict';
  const RETRY_DELAY_MS = 600;
  const LIVE_INTERVAL_MS = 500;
  const BIG_LIST = 1000;
  const ENDPOINTS = {
    retry: '/api/retry',
    reconnect: '/api/reconnect',
    'fix-mapping': '/api/mappings/fix',
    'post-record': '/api/post-record',
  };
  let liveTimer = null;
  let navSeq = 0;

  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const mainEl = () => document.querySelector('main');
  const liveKey = (n) => (n.nodeType === 1 ? n.getAttribute('data-live') : null);

  function parse(html) {
    const t = document.createElement('template');
    t.innerHTML = html;
    return t.content;
  }

  // --- morph: update the live DOM to match new markup, keeping element identity where possible
  function sameKind(a, b) {
    return a.nodeType === b.nodeType && a.nodeName === b.nodeName && liveKey(a) === liveKey(b);
  }
  function morph(a, b) {
    if (a.nodeType === 3 || a.nodeType === 8) {
      if (a.data !== b.data) a.data = b.data;
      return;
    }
    if (a.isEqualNode(b)) return;
    for (const { name } of [...a.attributes]) if (!b.hasAttribute(name)) a.removeAttribute(name);
    for (const { name, value } of [...b.attributes]) {
      if (a.getAttribute(name) !== value) a.setAttribute(name, value);
    }
    if (a.nodeName === 'BUTTON') a.disabled = b.hasAttribute('disabled');
    morphChildren(a, b);
  }
  function morphChildren(a, b) {
    const keyed = new Map();
    for (const k of a.childNodes) {
      const key = liveKey(k);
      if (key) keyed.set(key, k);
    }
    let ref = a.firstChild;
    for (const nb of [...b.childNodes]) {
      const key = liveKey(nb);
      let match = null;
      if (key) {
        match = keyed.get(key) || null;
        keyed.delete(key);
      } else if (ref && !liveKey(ref) && sameKind(ref, nb)) {
        match = ref;
      }
      if (match) {
        if (match === ref) ref = ref.nextSibling;
        else a.insertBefore(match, ref);
        morph(match, nb);
      } else {
        a.insertBefore(nb, ref);
      }
    }
    while (ref) {
      const next = ref.nextSibling;
      a.removeChild(ref);
      ref = next;
    }
  }

  // --- navigation
  function sameOriginUrl(href) {
    try {
      const url = new URL(href, location.href);
      if (url.origin !== location.origin) return null;
      if (/^\/(api\/|app\.(js|css)|favicon)/.test(url.pathname)) return null;
      return url;
    } catch {
      return null;
    }
  }
  function applyChrome(data) {
    document.title = data.title;
    const crumb = document.querySelector('nav[aria-label="Breadcrumb"]');
    if (crumb) crumb.innerHTML = data.breadcrumb;
    for (const a of document.querySelectorAll('nav[aria-label="Main"] a[data-nav]')) {
      const on = a.getAttribute('data-nav') === data.section;
      a.classList.toggle('active', on);
      if (on) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
  }
  async function fetchPartial(url) {
    const res = await fetch(url, { headers: { 'X-Partial': '1' }, cache: 'no-store' });
    const type = res.headers.get('content-type') || '';
    if (!type.startsWith('application/json')) throw new Error('not a partial');
    return res.json();
  }
  async function navigate(url, push) {
    const seq = ++navSeq;
    let data;
    try {
      data = await fetchPartial(url.href);
    } catch {
      location.href = url.href;
      return;
    }
    if (seq !== navSeq) return;
    if (push) history.pushState({ spa: true }, '', url.href);
    mainEl().innerHTML = data.html;
    applyChrome(data);
    if (url.hash) document.getElementById(url.hash.slice(1))?.scrollIntoView();
    else window.scrollTo(0, 0);
    setupLive();
  }
  async function refresh(unit) {
    // Big lists: re-fetch only the row that changed; otherwise the whole <main>.
    const key = unit ? liveKey(unit) : null;
    const view = unit && unit.closest('[data-view]');
    if (
      key &&
      key.startsWith('row:') &&
      view &&
      document.querySelectorAll('[data-live^="row:"]').length > BIG_LIST
    ) {
      const params = new URLSearchParams({
        record: key.slice(4),
        view: view.getAttribute('data-view'),
        index: unit.getAttribute('aria-rowindex') || '',
      });
      const res = await fetch('/api/fragment?' + params, { cache: 'no-store' });
      const data = await res.json();
      const wrap = unit.nodeName === 'TR' ? ['<table><tbody>', '</tbody></table>'] : ['', ''];
      const next = data.ok && parse(wrap[0] + data.html + wrap[1]).querySelector('[data-live]');
      if (next) return morph(unit, next);
    }
    const data = await fetchPartial(location.href);
    morphChildren(mainEl(), parse(data.html));
    applyChrome(data);
  }

  // --- actions (Retry, Resend, Reconnect, Fix mapping, Post)
  async function runAction(btn) {
    const action = btn.getAttribute('data-action');
    const endpoint = ENDPOINTS[action];
    if (!endpoint || btn.disabled) return;
    const body = {};
    for (const [k, v] of Object.entries(btn.dataset)) if (k !== 'action') body[k] = v;
    btn.disabled = true;
    const unit = btn.closest('[data-live]');
    if (action === 'retry') {
      const target = unit || mainEl();
      for (const c of target.querySelectorAll('.status-current')) {
        c.textContent = 'Retrying';
        c.className = 'chip chip-retrying status-current';
      }
    }
    const started = Date.now();
    try {
      await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    } catch {
      // the refresh below shows whatever state the server has
    } finally {
      if (action === 'retry') await sleep(Math.max(0, RETRY_DELAY_MS - (Date.now() - started)));
      try {
        await refresh(unit);
      } catch {
        location.reload();
      }
      btn.disabled = false;
    }
  }

  // --- live mode: /sync-hub?live=1 asks the server for one change every 500 ms
  function setupLive() {
    clearInterval(liveTimer);
    liveTimer = null;
    const params = new URLSearchParams(location.search);
    if (location.pathname !== '/sync-hub' || params.get('live') !== '1') return;
    let busy = false;
    liveTimer = setInterval(async () => {
      if (busy) return;
      busy = true;
      try {
        const res = await fetch('/api/mutate', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ query: location.search }),
        });
        const change = await res.json();
        const row =
          change &&
          change.html &&
          document.querySelector(`[data-live="row:${CSS.escape(change.record)}"]`);
        const next =
          row && parse(`<table><tbody>${change.html}</tbody></table>`).querySelector('tr');
        if (row && next) morph(row, next);
      } catch {
        // server gone: keep the page as it is
      } finally {
        busy = false;
      }
    }, LIVE_INTERVAL_MS);
  }

  document.addEventListener('click', (ev) => {
    const target = ev.target instanceof Element ? ev.target : null;
    const btn = target?.closest('button[data-action]');
    if (btn) {
      ev.preventDefault();
      runAction(btn);
      return;
    }
    const a = target?.closest('a[href]');
    if (!a || ev.defaultPrevented || ev.button !== 0) return;
    if (ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    if (a.target && a.target !== '_self') return;
    if (a.hasAttribute('download')) return;
    const url = sameOriginUrl(a.href);
    if (!url) return;
    if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
    ev.preventDefault();
    navigate(url, true);
  });

  document.addEventListener('submit', (ev) => {
    const form = ev.target;
    if (!(form instanceof HTMLFormElement) || (form.method || 'get').toLowerCase() !== 'get')
      return;
    const url = sameOriginUrl(form.action);
    if (!url) return;
    ev.preventDefault();
    url.search = new URLSearchParams(new FormData(form)).toString();
    navigate(url, true);
  });

  window.addEventListener('popstate', () => navigate(new URL(location.href), false));
  setupLive();
})();
