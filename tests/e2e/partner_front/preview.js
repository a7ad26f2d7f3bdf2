// A partner's front-end as small as it gets: the admin opens it with ?token=...&id=...
// (HEADLESS_PREVIEW_URL carries ?api=<the API's origin>); it reads the draft from
// /api/v2/preview/ and shows its title, summary and body. Text only: nothing is parsed as HTML
// into this document.
(async () => {
  const query = new URLSearchParams(location.search);
  const status = document.getElementById('status');
  const address = new URL('/api/v2/preview/', query.get('api'));
  address.searchParams.set('token', query.get('token') || '');
  if (query.get('id')) address.searchParams.set('id', query.get('id'));
  let response;
  try {
    response = await fetch(address, {credentials: 'omit'});
  } catch (error) {
    status.textContent = `Preview unavailable (${error.message})`;
    status.dataset.status = 'network-error';
    return;
  }
  status.dataset.status = String(response.status);
  if (!response.ok) {
    status.textContent = `Preview unavailable (${response.status})`;
    return;
  }
  const page = await response.json();
  const article = document.querySelector('article');
  document.documentElement.lang = page.meta.locale;
  article.querySelector('h1').textContent = page.title;
  article.querySelector('.summary').textContent = page.summary || '';
  const parser = new DOMParser();
  for (const block of page.body || []) {
    if (typeof block.value !== 'string') continue;
    const paragraph = document.createElement('div');
    paragraph.textContent = parser.parseFromString(block.value, 'text/html').body.textContent;
    article.querySelector('.body').append(paragraph);
  }
  status.textContent = `Draft, not published (${page.meta.type})`;
  article.hidden = false;
})();
