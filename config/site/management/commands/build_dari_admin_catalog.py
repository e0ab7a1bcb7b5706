"""Build the Dari (prs) catalogs of the Django admin's own strings from Django's Persian (fa) ones.

Django ships no Dari translation. Dari and Iranian Persian share their script, grammar and nearly all
of the admin's words ("ذخیره", "حذف", "تاریخچه"), so the Persian catalogs of Django, its admin, auth and
the admin add-ons we use are the sound base; the few words where Afghan usage differs are replaced
(DARI_WORDS: the Gregorian month names Afghans say after English, not French; "رمز عبور" for password;
"ویب‌سایت" for website). The result is written to locale/django-admin/ (a LOCALE_PATHS entry after our
own catalogs, which win) and compiled.

Django's Persian catalogs have gaps (newer strings, the admin's JavaScript weekday names). The site's own
Dari translations of those are kept in locale/dari-admin-additions/{django,djangojs}.po (no LC_MESSAGES
folder, so Django never loads them on their own); every entry there that the Persian catalogs do not
already give is appended to what this command writes. Edit those files, never locale/django-admin/prs/,
which this command overwrites. Run again after upgrading Django or editing the additions:

    manage.py build_dari_admin_catalog
"""

import importlib
import re
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

# (package, domain) of each Persian catalog taken over.
SOURCES = [
    ("django", "conf/locale", "django"),
    ("django", "contrib/admin/locale", "django"),
    ("django", "contrib/admin/locale", "djangojs"),
    ("django", "contrib/auth/locale", "django"),
    ("django", "contrib/contenttypes/locale", "django"),
    ("django", "contrib/humanize/locale", "django"),
    ("django", "contrib/sessions/locale", "django"),
    ("import_export", "locale", "django"),
    ("axes", "locale", "django"),
]
# Iranian Persian word → the word Dari speakers use (whole words only; longest first).
DARI_WORDS = {
    "فعالیتهای": "فعالیت‌های",  # the zero-width non-joiner Dari (and Persian) spelling wants
    "گذرواژه‌ها": "رمزهای عبور",
    "گذرواژه‌های": "رمزهای عبور",
    "گذرواژهٔ": "رمز عبور",
    "گذرواژه": "رمز عبور",
    "وب‌سایت": "ویب‌سایت",
    "وبگاه": "ویب‌سایت",
    "ژانویه": "جنوری",
    "فوریه": "فبروری",
    "مارس": "مارچ",
    "آوریل": "اپریل",
    "مه": "می",
    "ژوئن": "جون",
    "ژوئیه": "جولای",
    "اوت": "اگست",
    "سپتامبر": "سپتمبر",
    "اکتبر": "اکتوبر",
    "نوامبر": "نومبر",
    "دسامبر": "دسمبر",
    "سه شنبه": "سه‌شنبه",  # Tuesday: one word, joined by the zero-width non-joiner, not "three" and "Saturday"
}
LETTER = "\u0600-\u06ff\u200c"  # Arabic-script letters and the zero-width non-joiner
WORD = re.compile(
    f"(?<![{LETTER}])(" + "|".join(sorted(map(re.escape, DARI_WORDS), key=len, reverse=True)) + f")(?![{LETTER}])"
)
TARGET = Path(settings.BASE_DIR) / "locale" / "django-admin" / "prs" / "LC_MESSAGES"
# Hand-made Dari entries for what Django's Persian catalogs lack, one file per domain.
ADDITIONS = Path(settings.BASE_DIR) / "locale" / "dari-admin-additions"


def to_dari(text):
    return WORD.sub(lambda match: DARI_WORDS[match.group(1)], text)


def source_catalog(package, folder, domain):
    root = Path(importlib.import_module(package).__file__).parent
    path = root / folder / "fa" / "LC_MESSAGES" / f"{domain}.po"
    return polib.pofile(str(path)) if path.exists() else None


class Command(BaseCommand):
    help = "Write locale/django-admin/: the Django admin's strings in Dari, from Django's Persian catalogs."

    def handle(self, *args, **options):
        catalogs = {}
        for package, folder, domain in SOURCES:
            source = source_catalog(package, folder, domain)
            if source is None:
                continue
            catalog = catalogs.setdefault(domain, self.new_catalog(source))
            known = {(entry.msgctxt, entry.msgid) for entry in catalog}
            for entry in source.translated_entries():
                if (entry.msgctxt, entry.msgid) in known or entry.obsolete:
                    continue
                catalog.append(polib.POEntry(
                    msgctxt=entry.msgctxt, msgid=entry.msgid, msgid_plural=entry.msgid_plural,
                    msgstr=to_dari(entry.msgstr),
                    msgstr_plural={key: to_dari(value) for key, value in entry.msgstr_plural.items()},
                ))
                known.add((entry.msgctxt, entry.msgid))
        for domain, catalog in catalogs.items():
            self.add_our_translations(catalog, ADDITIONS / f"{domain}.po")
        TARGET.mkdir(parents=True, exist_ok=True)
        for domain, catalog in catalogs.items():
            catalog.save(str(TARGET / f"{domain}.po"))
            self.stdout.write(f"{domain}: {len(catalog)} strings")
        call_command("compilemessages", locale=["prs"], verbosity=0, ignore_patterns=[".venv"])

    @staticmethod
    def add_our_translations(catalog, path):
        """Append the hand-translated entries of `path` that the Persian catalogs did not give."""
        if not path.exists():
            return
        known = {(entry.msgctxt, entry.msgid) for entry in catalog}
        for entry in polib.pofile(str(path)).translated_entries():
            if (entry.msgctxt, entry.msgid) not in known:
                catalog.append(entry)

    @staticmethod
    def new_catalog(source):
        catalog = polib.POFile(wrapwidth=100)
        catalog.header = "Django's Persian (fa) catalogs with Dari word use; made by manage.py build_dari_admin_catalog."
        catalog.metadata = {
            "Content-Type": "text/plain; charset=UTF-8",
            "Language": "prs",
            "Plural-Forms": source.metadata.get("Plural-Forms", "nplurals=2; plural=(n > 1);"),
        }
        return catalog
