// Offline reading (served at /sw.js for the whole site): keeps the public pages a person opened and
// their static files; the offline page for the others. Never a search, a form answer, a preview, the
// admin, or a response marked private or no-store.
const CACHE = "help-site-v2", MAX_PAGES = 60;
// The reader pages of the URL contract, without a query string: nothing else is stored.
const PUBLIC = /^\/[a-z]{2,3}(-[a-z]+)?\/((guidance\/[\w-]+\/(history\/)?|(cities|offices|partners)\/([\w-]+\/)?|(about|updates|notices|offline|forget|check\/official)\/))?$/;

const offlinePage = (url) => "/" + ((/^\/([a-z]{2,3}(-[a-z]+)?)\//.exec(url.pathname) || [])[1] || "en") + "/offline/";
const ours = (url) => url.origin === location.origin && !url.pathname.startsWith("/admin/");
const isStatic = (url) => url.pathname.startsWith("/static/");
const allowed = (url) => !url.search && (isStatic(url) || PUBLIC.test(url.pathname));

async function keep(url, response) {
  if (!allowed(url) || !response.ok || response.redirected || response.type !== "basic") return;
  if (/private|no-store/.test(response.headers.get("Cache-Control"))) return;
  const cache = await caches.open(CACHE);
  await cache.put(url, response);
  const pages = (await cache.keys()).filter((key) => !isStatic(new URL(key.url)));
  await Promise.all(pages.slice(0, -MAX_PAGES).map((key) => cache.delete(key)));
}

async function store(path) {
  const url = new URL(path, location);
  if (allowed(url)) await keep(url, await fetch(url));
}

async function start() {
  for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
  await self.clients.claim();
  // The page that installed this worker was loaded before it.
  for (const client of await self.clients.matchAll({ type: "window", includeUncontrolled: true })) {
    const url = new URL(client.url);
    if (ours(url)) await Promise.all([store(url), store(offlinePage(url))]).catch(() => null);
  }
}

async function respond(event, url) {
  const offline = offlinePage(url), stored = isStatic(url) && (await caches.match(url));
  if (stored) return stored;  // hashed static names: a stored copy is always right
  try {
    // no-cache: else a browser may show a stale copy
    const response = await fetch(isStatic(url) ? event.request : new Request(event.request, {cache: "no-cache"}));
    event.waitUntil(keep(url, response.clone())
      .then(async () => isStatic(url) || (await caches.match(offline)) || store(offline)).catch(() => null));
    return response;
  } catch (error) {
    return (await caches.match(url)) || (!isStatic(url) && (await caches.match(offline))) || new Response("Offline", { status: 503 });
  }
}

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(start()));
self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method === "GET" && ours(url) && (isStatic(url) || event.request.mode === "navigate")) {
    event.respondWith(respond(event, url));
  }
});
