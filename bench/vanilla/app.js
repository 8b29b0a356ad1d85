// The floor the console is measured against: a hand-written page that fetches the same
// share list through the same proxy and renders the same eight columns, with a filter
// and pages of 50. The token comes from the same tab storage the console keeps it in, the
// API base from the same config.json.
const PAGE = 50;
const q = new URLSearchParams(location.search);
const ns = q.get('namespace');
const repo = (q.get('repository') || '').replace(/\//g, '$');
const token = JSON.parse(sessionStorage.getItem('swr-share.session') || '{}').token || '';
const body = document.querySelector('tbody');
const status = document.getElementById('status');
const filter = document.getElementById('ss-filter');
let rows = [];

const fmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const when = (s) => { const d = new Date(s); return Number.isNaN(d.getTime()) ? s : fmt.format(d); };
const day = (s) => (s === 'forever' ? 'Forever' : s.slice(0, 10));

function cell(tr, text, tag = 'td') {
  const c = document.createElement(tag);
  c.textContent = text;
  tr.appendChild(c);
  return c;
}

function render() {
  const f = filter.value.trim().toLowerCase();
  const shown = rows.filter((r) => !f || `${r.access_domain} ${r.description} ${r.creator_name}`.toLowerCase().includes(f)).slice(0, PAGE);
  const frag = document.createDocumentFragment();
  for (const r of shown) {
    const tr = document.createElement('tr');
    cell(tr, r.access_domain, 'th').scope = 'row';
    cell(tr, r.permit === 'read' ? 'Pull' : r.permit);
    cell(tr, day(r.deadline));
    cell(tr, r.status ? 'Valid' : 'Expired');
    cell(tr, r.description);
    cell(tr, r.creator_name);
    cell(tr, when(r.created));
    cell(tr, when(r.updated));
    frag.appendChild(tr);
  }
  body.replaceChildren(frag);
}

filter.addEventListener('input', render);
// The same configuration the console reads: where the region's SWR proxy is.
const config = await (await fetch('../config.json')).json();
const swr = config.regions[0].swr || '';
const r = await fetch(`${swr}/v2/manage/namespaces/${ns}/repositories/${repo}/access-domains`, {
  headers: { 'content-type': 'application/json', 'x-auth-token': token },
});
if (r.ok) {
  rows = await r.json();
  status.textContent = `${ns}/${q.get('repository')} is shared with ${rows.length} accounts.`;
  render();
} else {
  status.textContent = `HTTP ${r.status}`;
}
