"""Search: every guidance page is found in Russian, Kazakh, Arabic and English, best match first, safely shown."""

import re

import pytest
from django.db import connection

from config.site.models import SearchEntry
from config.site.search.query import PostgresSearch, SubstringSearch, backend_for, find
from config.site.search.text import parse_query
from guidance.models import GuidancePage
from tests.factories import QUERY_BUDGET, committed, draft_revision, published_revision
from tests.pages import page_html

pytestmark = pytest.mark.django_db

# Written for these tests: the real translations arrive through the content files later.
TRANSLATIONS = {
    "asylum-seekers": {
        "ru": ("Просители убежища: как попросить защиты в Казахстане", "Подайте заявление в течение 5 дней.",
               "## Где подать заявление\n\nВ управлении занятости вашего города.\n\n## Если вам отказали\n\nВы можете обжаловать решение в суде."),
        "kk": ("Баспана іздеушілер: Қазақстанда қорғауды қалай сұрауға болады", "Өтінішті 5 күн ішінде беріңіз.",
               "## Өтінішті қайда беру керек\n\nҚалаңыздағы жұмыспен қамту басқармасында.\n\n## Сізге бас тартылса\n\nШешімге сотқа шағымдана аласыз."),
        "ar": ("طالبو اللجوء: كيف تطلب الحماية في كازاخستان", "قدّم طلبك خلال ٥ أيام.",
               "## أين تقدّم طلبك\n\nفي مكتب التوظيف في مدينتك.\n\n## إذا رُفض طلبك\n\nيمكنك الطعن في القرار أمام المحكمة."),
    },
    "refugees": {
        "ru": ("Беженцы: ваши права в Казахстане", "Вы можете жить и работать в Казахстане.",
               "## Вид на жительство\n\nБеженцы получают вид на жительство на один год."),
        "kk": ("Босқындар: Қазақстандағы сіздің құқықтарыңыз", "Сіз Қазақстанда тұрып, жұмыс істей аласыз.",
               "## Тұруға ықтиярхат\n\nБосқындар бір жылға тұруға ықтиярхат алады."),
        "ar": ("اللاجئون: حقوقك في كازاخستان", "يمكنك أن تعيش وتعمل في كازاخستان.",
               "## تصريح الإقامة\n\nيحصل اللاجئون على تصريح إقامة لمدة سنة."),
    },
    "stateless": {
        "ru": ("Лица без гражданства: статус, документы и гражданство", "Вы можете получить документы.",
               "## Удостоверение лица без гражданства\n\nЕго выдаёт миграционная полиция."),
        "kk": ("Азаматтығы жоқ адамдар: мәртебе, құжаттар және азаматтық", "Сіз құжат ала аласыз.",
               "## Азаматтығы жоқ адамның куәлігі\n\nОны көші-қон полициясы береді."),
        "ar": ("عديمو الجنسية: الوضع والوثائق والجنسية", "يمكنك الحصول على وثائق.",
               "## شهادة عديم الجنسية\n\nتصدرها شرطة الهجرة."),
    },
}

# (language, words a reader types, the page they need): another form of the word than the page uses.
KEY_TERMS = [
    ("en", "asylum", "asylum-seekers"),
    ("en", "refugee rights", "refugees"),
    ("en", "stateless", "stateless"),
    ("ru", "убежище", "asylum-seekers"),
    ("ru", "беженец", "refugees"),
    ("ru", "без гражданства", "stateless"),
    ("kk", "баспана", "asylum-seekers"),
    ("kk", "босқын", "refugees"),
    ("kk", "азаматтығы жоқ", "stateless"),
    ("ar", "لجوء", "asylum-seekers"),
    ("ar", "لاجئ", "refugees"),
    ("ar", "الجنسية", "stateless"),
]


def publish_text(slug, **fields):
    """Publish a new revision of the page: its current text plus the given fields (title_ru=…)."""
    return published_revision(slug, keep_current_text=True, **{"change_note_en": "Test", **fields})


@pytest.fixture
def translated_pages():
    for slug, languages in TRANSLATIONS.items():
        fields = {}
        for language, (title, summary, body) in languages.items():
            fields.update({f"title_{language}": title, f"summary_{language}": summary, f"body_{language}": body})
        publish_text(slug, **fields)


@pytest.fixture(params=["substring", "postgresql"])
def backend(request):
    """Each search path this database can run: the portable one always, full-text search on PostgreSQL."""
    if request.param == "postgresql" and connection.vendor != "postgresql":
        pytest.skip("PostgreSQL full-text search runs in `make test-postgres`")
    return PostgresSearch() if request.param == "postgresql" else SubstringSearch()


def result_urls(html):
    return re.findall(r'<li>\s*<p class="result-kind">[^<]*</p>\s*<h2><a href="([^"]+)"', html)


@pytest.mark.parametrize("language, words, slug", KEY_TERMS)
def test_each_guidance_page_is_found_first_by_a_key_term(client, translated_pages, language, words, slug):
    response = client.get(f"/{language}/search/", {"q": words})
    assert response.status_code == 200
    urls = result_urls(response.content.decode())
    assert urls, f"nothing found for {words!r} in {language}"
    assert urls[0].startswith(f"/{language}/guidance/{slug}/")


@pytest.mark.parametrize("language, words, slug", KEY_TERMS)
def test_both_search_paths_find_each_page(translated_pages, backend, language, words, slug):
    results = find(parse_query(words, language), backend=backend)
    assert results[0].url.startswith(f"/{language}/guidance/{slug}/")


def test_the_database_picks_its_search_path():
    expected = PostgresSearch if connection.vendor == "postgresql" else SubstringSearch
    assert isinstance(backend_for(), expected)


def test_title_match_ranks_before_pages_that_only_mention_the_word(client, backend):
    # "Stateless" is in the stateless page's title and in the text of the two other pages.
    results = find(parse_query("stateless", "en"), backend=backend)
    assert results[0].url.startswith("/en/guidance/stateless/")
    assert {"/en/guidance/asylum-seekers/", "/en/guidance/refugees/"} <= {r.url.split("#")[0] for r in results}


def test_title_match_beats_many_mentions_in_the_text(backend):
    publish_text("refugees", body_en="## Quokka\n\n" + "Quokka quokka quokka. " * 30)
    publish_text("stateless", title_en="Stateless people and the quokka")
    results = find(parse_query("quokka", "en"), backend=backend)
    assert [r.url.split("#")[0] for r in results[:2]] == ["/en/guidance/stateless/", "/en/guidance/refugees/"]


def test_other_matching_sections_of_a_page_are_listed_under_it(backend):
    publish_text("stateless", body_en="## Ibex facts\n\nAn ibex.\n\n## Nothing\n\nNone.\n\n## More\n\nAnother ibex.")
    (result,) = find(parse_query("ibex", "en"), backend=backend)
    assert result.url == "/en/guidance/stateless/#ibex-facts"
    assert [section.url for section in result.other_sections] == ["/en/guidance/stateless/#more"]


def test_heading_match_links_to_its_section(client):
    html = page_html(client, "/en/search/", {"q": "rejected"})
    assert result_urls(html)[0] == "/en/guidance/asylum-seekers/#if-your-application-is-rejected"
    assert "Section: If your application is <mark>rejected</mark>" in html


def test_section_anchor_in_a_translation_is_the_one_the_page_uses(client, translated_pages):
    html = page_html(client, "/ru/search/", {"q": "отказали"})
    url = result_urls(html)[0]
    assert url == "/ru/guidance/asylum-seekers/#если-вам-отказали"
    page = page_html(client, "/ru/guidance/asylum-seekers/")
    assert 'id="если-вам-отказали"' in page


def test_excerpt_is_short_and_highlights_the_match(client):
    html = page_html(client, "/en/search/", {"q": "persecution"})
    excerpts = re.findall(r'<p class="excerpt">(.*?)</p>', html, re.S)
    assert excerpts and "<mark>persecution</mark>" in excerpts[0]
    assert all(len(re.sub(r"<[^>]+>", "", text)) <= 240 for text in excerpts)


def test_case_and_accents_do_not_matter(client, translated_pages):
    for words in ["УБЕЖИЩА", "убе́жище"]:  # capitals; a stress mark as in a textbook
        assert result_urls(page_html(client, "/ru/search/", {"q": words}))[0].startswith(
            "/ru/guidance/asylum-seekers/"
        )
    # Harakat, and a hamza on the alef, as a reader might type them.
    for words in ["لُجُوء", "اللّجوء", "ألجوء"]:
        urls = result_urls(page_html(client, "/ar/search/", {"q": words}))
        assert urls and urls[0].startswith("/ar/guidance/asylum-seekers/"), words


def test_kazakh_letters_are_not_folded_into_russian_ones(backend):
    publish_text("refugees", title_kk="Әке мен бала")
    assert find(parse_query("әке", "kk"), backend=backend)[0].url.startswith("/kk/guidance/refugees/")
    assert not any(r.url.startswith("/kk/guidance/refugees/") for r in find(parse_query("аке", "kk"), backend=backend))


def test_fallback_text_is_searched_and_marked_with_its_language(client):
    # The refugees page has no Kazakh text in this test: a Kazakh reader sees, and finds, the Russian.
    publish_text("refugees", title_ru="Беженцы: ваши права", body_ru="## Вид на жительство\n\nНа один год.")
    html = page_html(client, "/kk/search/", {"q": "жительство"})
    assert result_urls(html)[0] == "/kk/guidance/refugees/#вид-на-жительство"
    assert '<a href="/kk/guidance/refugees/#вид-на-жительство" lang="ru" dir="ltr">' in html


def test_a_reader_may_type_a_title_in_another_language(client, translated_pages):
    # On the Uzbek site, a reader types the Russian word for refugees.
    assert result_urls(page_html(client, "/uz/search/", {"q": "беженцы"}))[0].startswith(
        "/uz/guidance/refugees/"
    )


@pytest.mark.parametrize(
    "language, words, url",
    [
        ("en", "Almaty", "/en/cities/almaty/"),
        ("ru", "Алматы", "/ru/cities/almaty/"),
        ("kk", "Нұр-Сұлтан", "/kk/cities/astana/"),  # the city's former name
        ("en", "hotline", "/en/offices/unhcr-hotline/"),
        ("en", "Red Crescent", "/en/partners/red-crescent/"),
        ("en", "medical", "/en/partners/?service=medical-assistance"),
    ],
)
def test_cities_offices_partners_and_services_are_found(client, language, words, url):
    assert url in result_urls(page_html(client, f"/{language}/search/", {"q": words}))


@pytest.mark.parametrize("language, name", [("en", "Almaty"), ("ru", "алматы"), ("kk", "Талдықорған")])
def test_a_city_name_finds_the_city_first(client, language, name):
    assert result_urls(page_html(client, f"/{language}/search/", {"q": name}))[0].startswith(
        f"/{language}/cities/"
    )


def test_directory_changes_are_searchable_at_once(client):
    from offices.models import Office
    from partners.models import Partner

    office = Office.objects.get(slug="unhcr-hotline")
    office.name_en = "UNHCR helpline for Zhetisu"
    with committed():
        office.save()
    assert "/en/offices/unhcr-hotline/" in result_urls(page_html(client, "/en/search/", {"q": "Zhetisu"}))

    partner = Partner.objects.get(slug="red-crescent")
    partner.is_active = False
    with committed():
        partner.save()
    assert "/en/partners/red-crescent/" not in result_urls(
        page_html(client, "/en/search/", {"q": "Red Crescent"})
    )


def test_renamed_kind_of_help_is_found_with_the_partners_that_give_it(client):
    from partners.models import Partner, Service

    service = Service.objects.get(slug="medical-assistance")
    service.name_en = "Clinics and health care"
    with committed():
        service.save()
    urls = result_urls(page_html(client, "/en/search/", {"q": "clinics"}))
    assert "/en/partners/?service=medical-assistance" in urls
    assert "/en/partners/red-crescent/" in urls

    with committed():
        Partner.objects.get(slug="red-crescent").services.remove(service)
    assert "/en/partners/red-crescent/" not in result_urls(page_html(client, "/en/search/", {"q": "clinics"}))


def test_only_published_text_is_found(client):
    page = GuidancePage.objects.get(slug="refugees")
    draft_revision(page, title_en="Draft", body_en="Secret wombat plan")
    assert result_urls(page_html(client, "/en/search/", {"q": "wombat"})) == []
    publish_text("refugees", body_en="## Old\n\nMarmoset")
    publish_text("refugees", body_en="## New\n\nNothing here")
    assert result_urls(page_html(client, "/en/search/", {"q": "marmoset"})) == []


def test_no_results_page_helps_the_reader_on_in_their_language(client):
    response = client.get("/ru/search/", {"q": "zzxqv"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ru"' in html
    for slug in ("asylum-seekers", "refugees", "stateless"):
        assert f'href="/ru/guidance/{slug}/"' in html
    for city in ("astana", "almaty", "shymkent", "taldykorgan"):
        assert f'href="/ru/cities/{city}/"' in html
    assert 'href="tel:+77017447238"' in html


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "a" * 1000,
        "\x00\x01\x02\x7f",
        "\ufffd\ufffe\u202e",
        "' OR 1=1; DROP TABLE guidance_searchentry; --",
        "%_%_\\",
        "asylum & | ! ( ) : * ' \"",
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "{{ 7*7 }} {% debug %}",
        "😀" * 300,
    ],
)
def test_hostile_queries_get_a_normal_page(client, query):
    response = client.get("/en/search/", {"q": query})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "Search" in html
    assert SearchEntry.objects.exists()  # nothing was dropped


def test_binary_looking_query_string_is_a_normal_page(client):
    response = client.get("/en/search/?q=%00%FF%FE%C0%AF%ED%A0%80")
    assert response.status_code == 200


def test_hostile_query_is_shown_back_escaped(client):
    html = page_html(client, "/en/search/", {"q": "<script>alert(1)</script>"})
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' in html
    assert "<bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi>" in html


def test_long_query_is_cut_and_says_so(client):
    html = page_html(client, "/en/search/", {"q": "asylum " * 200})
    value = re.search(r'<input type="search"[^>]* value="([^"]*)"', html).group(1)
    assert len(value) <= 200
    assert "only its beginning was used" in html
    assert result_urls(html)[0].startswith("/en/guidance/asylum-seekers/")


def test_text_from_the_content_is_escaped_in_excerpts(client):
    publish_text("refugees", body_en="## Pangolin\n\nPangolin `<img src=x onerror=alert(1)>` here.")
    html = page_html(client, "/en/search/", {"q": "pangolin"})
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<img src=x" not in html


def test_search_page_runs_few_queries(client, django_assert_max_num_queries, translated_pages):
    with django_assert_max_num_queries(QUERY_BUDGET):
        assert result_urls(page_html(client, "/en/search/", {"q": "asylum refugees stateless Almaty"}))
    with django_assert_max_num_queries(QUERY_BUDGET):
        assert client.get("/kk/search/", {"q": "zzxqv"}).status_code == 200


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_public_page_has_a_search_box_that_needs_no_javascript(client, language):
    from .pages import public_paths

    for path in public_paths(language) + [f"/{language}/search/?q=x"]:
        html = page_html(client, path)
        form = re.search(r'<form class="site-search" role="search" method="post" action="([^"]+)" autocomplete="off">(.*?)</form>', html, re.S)
        assert form, path
        assert form.group(1) == f"/{language}/search/"
        assert '<label for="site-search-q">' in form.group(2)
        assert '<input type="search" id="site-search-q" name="q"' in form.group(2)
        assert '<button type="submit">' in form.group(2)


def test_search_results_are_not_indexed_by_search_engines(client):
    assert '<meta name="robots" content="noindex">' in page_html(client, "/en/search/?q=asylum")


def test_rebuilding_the_index_gives_the_same_results(client):
    from django.core.management import call_command

    before = result_urls(page_html(client, "/en/search/", {"q": "refugee"}))
    SearchEntry.objects.all().delete()
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))
    assert result_urls(page_html(client, "/en/search/", {"q": "refugee"})) == before


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_postgresql_uses_full_text_search_with_the_language_configuration():
    from django.db import connection as pg
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(pg) as captured:
        find(parse_query("убежище", "ru"))
    sql = captured.captured_queries[0]["sql"]
    assert "to_tsquery" in sql and "to_tsvector" in sql
    assert SearchEntry.objects.filter(language="ru", body_language="ru").exclude(text_search_config="russian").count() == 0


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_postgresql_stemming_finds_forms_a_prefix_cannot():
    publish_text("refugees", body_en="## Study\n\nThis study helps.")
    # "studies" and "study" share no 5-letter prefix, but share the English stem.
    assert not find(parse_query("studies", "en"), backend=SubstringSearch())
    assert find(parse_query("studies", "en"), backend=PostgresSearch())[0].url == "/en/guidance/refugees/#study"


def test_migrating_a_database_that_has_content_but_no_index_builds_it():
    from django.core.management import call_command

    SearchEntry.objects.all().delete()
    call_command("migrate", verbosity=0)
    assert SearchEntry.objects.filter(language="kk", kind="guidance").count() > 3


@pytest.mark.parametrize("lang, words, page", [
    ("ru", "апелляция", "/ru/guidance/asylum-seekers/"),  # the page says «обжалование»
    ("uz", "koʻchish", "/uz/guidance/asylum-seekers/"),  # the page says «koʻchganda»
])
def test_a_synonym_finds_the_page_that_answers_it(client, content, lang, words, page):
    response = client.get(f"/{lang}/search/", {"q": words})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<ol class="search-results">' in html  # results, not the "nothing found" page's own links
    results = html.split('<ol class="search-results">', 1)[1].split("</ol>", 1)[0]
    assert f'href="{page}' in results


def test_synonyms_widen_a_word_only_within_its_own_group():
    from config.site.search.text import parse_query

    (term,) = parse_query("апелляция", "ru").terms
    assert "обжало" in term.synonyms or "обжалов" in term.synonyms
    (unrelated,) = parse_query("больница", "ru").terms
    assert unrelated.synonyms == ()
