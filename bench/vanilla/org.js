// The floor for the organization overview: every share of an organization's private
// repositories (all pages of repositories, then each list, six at a time, as the console
// does), the first 500 rows of the same five columns, a filter and three sort orders.
const SHOWN = 500;
const IN_FLIGHT = 6;
const q = new URLSearchParams(location.search);
const ns = q.get('namespace');
const token = JSON.parse(sessionStorage.getItem('swr-share.session') || '{}').token || '';
const body = document.querySelector('tbody');
const status = document.getElementById('status');
const filter = document.getElementById('ss-org-filter');
const sort = document.getElementById('ss-org-sort');
const headers = { 'content-type': 'application/json', 'x-auth-token': token };
let rows = [];

const ends = (r) => (r.deadline === 'forever' ? Infinity : Date.parse(`${r.deadline.slice(0, 10)}T00:00:00Z`));
const ORDERS = {
  '': (a, b) => (a.status === b.status ? ends(a) - ends(b) : a.status ? -1 : 1),
  repository: (a, b) => a.repo.localeCompare(b.repo) || a.access_domain.localeCompare(b.access_domain),
  account: (a, b) => a.access_domain.localeCompare(b.access_domain) || a.repo.localeCompare(b.repo),
};

function cell(tr, text, tag = 'td') {
  const c = document.createElement(tag);
  c.textContent = text;
  tr.appendChild(c);
  return c;
}

function render() {
  const f = filter.value.trim().toLowerCase();
  const shown = rows.filter((r) => !f || `${r.access_domain} ${r.repo} ${r.description}`.toLowerCase().includes(f))
    .sort(ORDERS[sort.value]).slice(0, SHOWN);
  const frag = document.createDocumentFragment();
  for (const r of shown) {
    const tr = document.createElement('tr');
    cell(tr, r.repo);
    cell(tr, r.access_domain, 'th').scope = 'row';
    cell(tr, r.deadline === 'forever' ? 'Forever' : r.deadline.slice(0, 10));
    cell(tr, r.status ? 'Valid' : 'Expired');
    cell(tr, r.description);
    frag.appendChild(tr);
  }
  body.replaceChildren(frag);
}

filter.addEventListener('input', render);
sort.addEventListener('change', render);
const config = await (await fetch('../config.json')).json();
const swr = config.regions[0].swr || '';
const repos = [];
for (let offset = 0; ; offset += 100) {
  const r = await fetch(`${swr}/v2/manage/repos?namespace=${ns}&is_public=false&limit=100&offset=${offset}&order_column=name&order_type=asc`, { headers });
  const page = await r.json();
  repos.push(...page.filter((p) => !p.is_public).map((p) => p.name));
  if (page.length === 0 || offset + page.length >= (page[0]?.total_range ?? 0)) break;
}
let next = 0;
async function worker() {
  while (next < repos.length) {
    const repo = repos[next++];
    const r = await fetch(`${swr}/v2/manage/namespaces/${ns}/repositories/${repo.replace(/\//g, '$')}/access-domains`, { headers });
    if (r.ok) for (const s of await r.json()) rows.push({ ...s, repo: `${ns}/${repo}` });
  }
}
await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
status.textContent = `${rows.length} shares across ${repos.length} private repositories.`;
render();
