// Offline reading: keeps the pages a person opened readable without a connection, and shows
// the offline page (in the page's language) for the others. Served at /sw.js to cover the site.
const CACHE = "help-site-v1", MAX_PAGES = 60;

const offlinePage = (url) => "/" + ((/^\/([a-z]{2,3}(-[a-z]+)?)\//.exec(url.pathname) || [])[1] || "en") + "/offline/";
const ours = (url) => url.origin === location.origin && !url.pathname.startsWith("/admin/");

async function keep(request, response) {
  if (response.ok && !response.redirected && response.type === "basic") {
    const cache = await caches.open(CACHE);
    await cache.put(request, response);
    const pages = (await cache.keys()).filter((key) => !key.url.includes("/static/"));
    await Promise.all(pages.slice(0, Math.max(0, pages.length - MAX_PAGES)).map((key) => cache.delete(key)));
  }
}

async function start() {
  for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
  await self.clients.claim();
  // The page that installed this worker was loaded before it: keep it, and its offline page.
  const cache = await caches.open(CACHE);
  for (const client of await self.clients.matchAll({ type: "window", includeUncontrolled: true })) {
    const url = new URL(client.url);
    if (ours(url)) await cache.addAll([...new Set([url.pathname + url.search, offlinePage(url)])]).catch(() => null);
  }
}

async function navigate(event) {
  const offline = offlinePage(new URL(event.request.url));
  try {
    const response = await fetch(event.request);
    event.waitUntil(keep(event.request, response.clone()).then(async () => {
      const cache = await caches.open(CACHE);
      if (!(await cache.match(offline))) await cache.add(offline);
    }).catch(() => null));
    return response;
  } catch (error) {
    return (await caches.match(event.request)) || (await caches.match(offline)) || new Response("Offline", { status: 503 });
  }
}

async function staticFile(event) {
  // Static files have a hash in their name: a stored copy is always right.
  const stored = await caches.match(event.request);
  if (stored) return stored;
  const response = await fetch(event.request);
  event.waitUntil(keep(event.request, response.clone()).catch(() => null));
  return response;
}

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(start()));
self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || !ours(url)) return;
  if (url.pathname.startsWith("/static/")) event.respondWith(staticFile(event));
  else if (event.request.mode === "navigate") event.respondWith(navigate(event));
});
