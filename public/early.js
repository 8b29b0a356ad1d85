// Inlined into index.html (it is part of the first load: keep it small). Runs while the
// page is parsed: asks for config.json and, with a kept token, for the first list the view
// in the URL shows (a repository's shares, or the overview's repositories with shares),
// which src/api/early.rs hands to the console; warms the locale data.
(() => {
  const early = (window.__swrShareEarly = {});
  // Served by the page's preload of config.json (index.html), asked for before the styles
  // and the module.
  const config = fetch('config.json').then((r) => (r.ok ? r.text() : null)).catch(() => null);
  early.config = config;
  // The locale data (30–90 ms) while the page waits for the wasm; later it would delay the
  // first row. After the list is asked for: before, it held that request up.
  const warm = () => setTimeout(() => new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' }).format(0));
  const q = new URLSearchParams(location.search);
  const org = q.get('view') === 'org';
  early.list = askForList();
  // Settles when the share list's answer is read or failed (src/lib.rs waits for it,
  // briefly). Not the organization's: its view has a part to fetch first.
  if (early.list && !org) early.listRead = early.list.then((s) => s && s.answer).then(() => {}, () => {});
  Promise.resolve(early.list).finally(warm);

  function askForList() {
    // Embedded (the host gives the token) or another view: no list to ask for.
    if (q.get('embed') || (q.get('view') && !org)) return undefined;
    let token = '';
    try {
      token = String(JSON.parse(sessionStorage.getItem('swr-share.session') || '{}').token || '').trim();
    } catch {
      return undefined;
    }
    const namespace = (q.get('namespace') || '').trim();
    const repository = (q.get('repository') || '').trim();
    if (!token || (!org && (!namespace || !repository))) return undefined;
    // As src/api/requests.rs builds the URL and encodes a segment (`/` in a name is `$`).
    const keep = /[A-Za-z0-9\-._~$]/;
    const segment = (s) => Array.from(new TextEncoder().encode(s), (b) => {
      const c = String.fromCharCode(b);
      return keep.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    }).join('');
    return config.then((text) => {
      const base = String(JSON.parse(text).regions[0].swr || '').trim().replace(/\/+$/, '');
      const url = org
        ? `${base}/v2/manage/shared-repositories?center=self${namespace ? `&namespace=${segment(namespace)}` : ''}&limit=1000&offset=0`
        : `${base}/v2/manage/namespaces/${segment(namespace)}/repositories/${segment(repository.replaceAll('/', '$'))}/access-domains`;
      // Read whole here: when the console starts, it builds the rows in the same task as the
      // page around them, one layout instead of two.
      const answer = fetch(url, { headers: { 'Content-Type': 'application/json', 'X-Auth-Token': token } })
        .then((r) => r.text().then((text) => ({ status: r.status, text }), (e) => ({ status: r.status, cut: String(e) })));
      answer.catch(() => {}); // the console reports a failure when it takes the answer
      return { url, token, at: Date.now(), answer };
    }).catch(() => null);
  }
})();
