// Offline reading (at /sw.js): the public pages a person opened, their static files, and the offline page for
// the others; never a search, a form answer, the admin, or a private or no-store answer. Recordings: only
// those listen.js kept, served offline.
const CACHE = "help-site-v2", KEPT = "help-site-recordings-v1", MAX_PAGES = 60;
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

const store = async (path, url = new URL(path, location)) => allowed(url) && keep(url, await fetch(url));

async function start() {
  for (const name of await caches.keys()) if (name !== CACHE && name !== KEPT) await caches.delete(name);
  await clients.claim();
  // The page that installed this worker was loaded before it.
  for (const client of await clients.matchAll({type: "window", includeUncontrolled: true})) {
    const url = new URL(client.url);
    if (ours(url)) await Promise.all([store(url), store(offlinePage(url))]).catch(() => null);
  }
}

async function respond(event, url) {
  const offline = offlinePage(url), stored = isStatic(url) && (await caches.match(url));
  if (stored) return stored;  // hashed static names: a stored copy is always right
  try {  // no-cache: else a browser may show a stale copy
    const response = await fetch(isStatic(url) ? event.request : new Request(event.request, {cache: "no-cache"}));
    event.waitUntil(keep(url, response.clone())
      .then(async () => isStatic(url) || (await caches.match(offline)) || store(offline)).catch(() => null));
    return response;
  } catch (error) {
    return (await caches.match(url)) || (!isStatic(url) && (await caches.match(offline))) || new Response("Offline", {status: 503});
  }
}

// A kept recording: the bytes a Range request asks for (206), else the whole.
async function kept(request) {
  const stored = await caches.match(request.url, {cacheName: KEPT}), range = /^bytes=(\d+)-(\d*)/.exec(request.headers.get("Range"));
  if (!stored || !range) return stored || Response.error();
  const body = await stored.arrayBuffer(), size = body.byteLength, end = Math.min(range[2] ? +range[2] : size, size - 1);
  return new Response(body.slice(+range[1], end + 1), {status: 206,
    headers: {"Content-Type": stored.headers.get("Content-Type"), "Content-Range": `bytes ${range[1]}-${end}/${size}`}});
}

addEventListener("install", () => skipWaiting());
addEventListener("activate", (event) => event.waitUntil(start()));
addEventListener("fetch", (event) => {
  const request = event.request, url = new URL(request.url);
  if (request.method !== "GET" || !ours(url)) return;
  if (isStatic(url) || request.mode === "navigate") event.respondWith(respond(event, url));
  else if (url.pathname.startsWith("/media/recordings/")) event.respondWith(fetch(request).catch(() => kept(request)));
});
