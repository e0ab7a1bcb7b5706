"""Backups that are proven: the database dumped with pg_dump and restored with pg_restore into a
new database serves every public page of the sitemap with the same text as the original."""

import re
import tempfile
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .live_site import running_site
from .load import fetch
from .postgres_server import postgres_server

pytestmark = [pytest.mark.server, pytest.mark.xdist_group("backup-restore")]

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_paths(site):
    """Every page the sitemap lists (following a sitemap index, if it is one), as paths."""
    paths, pending = [], ["/sitemap.xml"]
    while pending:
        status, body, _seconds, _headers = fetch(site.url + pending.pop(), timeout=30)
        assert status == 200
        root = ET.fromstring(body)
        locations = [urlsplit(loc.text) for loc in root.iter(f"{SITEMAP}loc")]
        target = pending if root.tag == f"{SITEMAP}sitemapindex" else paths
        target.extend(url.path + (f"?{url.query}" if url.query else "") for url in locations)
    return paths


def page_text(site, path):
    status, body, _seconds, _headers = fetch(site.url + path, timeout=30)
    assert status == 200, (path, status)
    # The one difference allowed: each site names its own address in canonical and alternate links.
    return re.sub(rf"{re.escape(site.url)}\b", "SITE", body.decode())


# Both sites wait for the database as long as a busy test machine needs: failing fast (config/database) is
# tested in tests/test_faults_database.py, and a 503 here would say nothing of the backup.
PATIENT = {"WEB_CONCURRENCY": "2", "DATABASE_CONNECT_TIMEOUT": "10", "DATABASE_STATEMENT_TIMEOUT": "30000"}


def test_a_restored_dump_serves_every_sitemap_page_with_the_same_text():
    with postgres_server() as postgres, tempfile.TemporaryDirectory() as workdir, \
            running_site(PATIENT, postgres.url) as original:
        dump = Path(workdir) / "help-site.dump"
        postgres.tool("pg_dump", "--format=custom", f"--file={dump}", "postgres")
        postgres.tool("createdb", "restored")
        postgres.tool("pg_restore", "--no-owner", "--dbname=restored", str(dump))
        with running_site(PATIENT, postgres.url_of("restored"), prepare=False) as copy:
            paths = sitemap_paths(original)
            assert len(paths) > 100 and "/ru/cities/almaty/" in paths
            assert sitemap_paths(copy) == paths
            with ThreadPoolExecutor(4) as pool:  # both sites render at once: four readers in all
                texts = list(pool.map(lambda path: (page_text(original, path), page_text(copy, path)), paths))
        different = [path for path, (before, after) in zip(paths, texts, strict=True) if before != after]
        assert not different, different[:5]
