"""What a page shows (tags and query parameters, declared by its view) and which tags a change touches."""

from functools import wraps

from django.db.models.signals import m2m_changed, post_delete, post_save

from .versions import ANY_CONTENT, EVERYTHING, HOTLINE, bump


def _revision_tags(revision):
    # Readers only ever see published revisions: a draft saved, scheduled or rejected changes no page.
    if not revision.is_published:
        return ()
    return ("guidance", f"guidance-page:{revision.page_id}")


def _page_tags(guidance_page):
    return ("guidance", f"guidance-page:{guidance_page.pk}")


# What a change to each content model can change on public pages. A model absent from this table
# counts as a change to everything, unless its app is one of NOT_CONTENT_APPS; a model that no
# public page shows can be listed with no tags (e.g. anonymous feedback).
MODEL_TAGS = {
    "offices.city": ("directory",),
    "offices.formercityname": ("directory",),
    "offices.office": ("directory", HOTLINE),
    "partners.service": ("directory",),
    "partners.partner": ("directory",),
    "partners.branch": ("directory",),
    "partners.formerpartnername": ("directory",),
    "guidance.guidancepage": _page_tags,
    "guidance.revision": _revision_tags,
    "guidance.keyfigure": ("figures",),
    # Named in the page histories and the updates list, and beside directory entries and figures.
    "sources.source": ("guidance", "directory", "figures"),
    "sources.check": ("directory", "figures"),
    "offices.directorychange": ("directory",),
    # Derived from content whose own save already bumped its tags; no page shows a vote.
    "guidance.searchentry": (),
    "guidance.feedbackvote": (),
}
NOT_CONTENT_APPS = {"admin", "auth", "contenttypes", "sessions", "axes", "migrations", "history", "page_cache"}


def register_model(label, *tags):
    """Tell the page cache which tags a change to the model `app_label.modelname` touches."""
    MODEL_TAGS[label.lower()] = tags


# --- what a view depends on ------------------------------------------------------------------


def depends_on(*tags, query=()):
    """View decorator: the page shows only the content of these tags (and the hotline), and reads
    only these query parameters.

    The page cache keys the page by those parameters alone, and the view sees no other: a link
    shared with `?fbclid=…` or `?utm_source=…` is the same stored page as the plain one.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            declare(request, *tags)
            return view(request, *args, **kwargs)

        wrapped.page_cache_query = tuple(query)
        return wrapped

    return decorator


def declare(request, *tags):
    """Add tags this request's page depends on; call it with no tags for a page with no content."""
    request.cache_tags = getattr(request, "cache_tags", set()) | set(tags)


def valid_until(request, moment):
    """The page this request renders changes by itself at `moment` (an aware datetime), e.g. when a
    notice starts or ends: it is not served from the cache from then on, with no save in between."""
    if moment is None:
        return
    current = getattr(request, "cache_valid_until", None)
    request.cache_valid_until = moment if current is None else min(current, moment)


def changed_at(request, moment):
    """The page this request renders last changed by itself at `moment` (a notice started or ended):
    its Last-Modified is never older, so If-Modified-Since cannot hide that change."""
    if moment is None:
        return
    current = getattr(request, "cache_changed_at", None)
    request.cache_changed_at = moment if current is None else max(current, moment)


def keep_out_of_cache(request):
    """This render answers a query that is not one of the site's pages (a city that does not exist,
    a page number past the end): serve it, but never store it, so strangers cannot fill the cache."""
    request.cache_refused = True


def page_tags(request):
    declared = getattr(request, "cache_tags", None)
    tags = {ANY_CONTENT} if declared is None else set(declared)
    # Pages under a language prefix show the hotline in their header; sitemaps do not.
    return tags | ({EVERYTHING} if getattr(request, "page_cache_site_wide", False) else {EVERYTHING, HOTLINE})


# --- what a change touches -------------------------------------------------------------------


def tags_for(model, instance=None):
    """The tags a change to a row of `model` touches; None when no public page shows that model."""
    meta = model._meta
    if meta.app_label in NOT_CONTENT_APPS:
        return None
    tags = MODEL_TAGS.get(meta.label_lower, (EVERYTHING,))
    if callable(tags):
        return tags(instance) if instance is not None else (EVERYTHING,)
    return tags


def content_changed(sender, instance, **kwargs):
    tags = tags_for(sender, instance)
    if tags:  # None or (): no public page shows this change
        bump(*tags)


def rows_updated(model):
    """Rows of `model` were changed with QuerySet.update(), which sends no signal: refresh their pages."""
    content_changed(model, None)


def relation_changed(sender, instance, action, model, **kwargs):
    """A many-to-many link changed (a partner's services): both sides may show it.

    A link of a row that no page shows (a draft's sources) changes no page either.
    """
    own_tags = tags_for(type(instance), instance)
    if action.startswith("post_") and own_tags != ():
        tags = {*(own_tags or ()), *(tags_for(model) or ())}
        if tags:
            bump(*tags)


def connect_signals():
    post_save.connect(content_changed, dispatch_uid="page_cache.saved")
    post_delete.connect(content_changed, dispatch_uid="page_cache.deleted")
    m2m_changed.connect(relation_changed, dispatch_uid="page_cache.related")
