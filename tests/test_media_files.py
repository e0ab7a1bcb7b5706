"""Recordings are served with Range requests (206, 416) and cached for good: their names never repeat."""

from http import HTTPStatus

import pytest

from .recordings import media_folder

pytestmark = pytest.mark.django_db
NAME = "recordings/" + "ab" * 16 + ".opus"
DATA = bytes(range(256)) * 40  # 10,240 bytes


@pytest.fixture
def stored(settings):
    with media_folder(settings) as folder:
        (folder / "recordings").mkdir()
        (folder / NAME).write_bytes(DATA)
        yield f"/media/{NAME}"


def test_a_whole_file_is_served_with_long_caching(client, stored):
    response = client.get(stored, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == HTTPStatus.OK
    assert response.content == DATA and response["Content-Type"] == "audio/ogg"
    assert response["Accept-Ranges"] == "bytes" and "Content-Encoding" not in response
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"


@pytest.mark.parametrize(("header", "first", "last"), [
    ("bytes=0-99", 0, 99), ("bytes=100-", 100, 10239), ("bytes=-50", 10190, 10239), ("bytes=10000-99999", 10000, 10239),
])
def test_a_range_request_answers_206_with_those_bytes(client, stored, header, first, last):
    response = client.get(stored, HTTP_RANGE=header, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == HTTPStatus.PARTIAL_CONTENT
    assert response.content == DATA[first:last + 1]
    assert response["Content-Range"] == f"bytes {first}-{last}/{len(DATA)}"
    assert response["Content-Length"] == str(last - first + 1)


@pytest.mark.parametrize("header", ["bytes=20000-", "bytes=50-10", "bytes=0-1,5-9", "items=0-1", "bytes=-0"])
def test_a_bad_range_answers_416(client, stored, header):
    response = client.get(stored, HTTP_RANGE=header)
    assert response.status_code == HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE
    assert response["Content-Range"] == f"bytes */{len(DATA)}"


@pytest.mark.parametrize("path", ["/media/recordings/missing.opus", "/media/../db.sqlite3", "/media/recordings/" + "cd" * 16 + ".opus"])
def test_anything_else_is_not_found(client, stored, path):
    assert client.get(path).status_code == HTTPStatus.NOT_FOUND
