"""Django admin phrases that put a model's name into a sentence, worded again in our catalogs.

Django's Russian catalog builds "Изменить %s" and "Выберите %s для изменения" around a model's name
in the nominative, so a feminine name reads wrongly: "Изменить версия", "Выберите памятка". Ukrainian
has the same fault, and Kazakh, Uyghur and Uzbek lack some of these phrases. Our catalogs
(LOCALE_PATHS win over Django's own) word them so that the name stands on its own, after a colon:
"Изменение: версия". Nothing imports this module: it marks the phrases so that `makemessages`
keeps them in every catalog.
"""

from django.utils.translation import gettext_noop

ADMIN_PHRASES = (
    gettext_noop("Add %s"),
    gettext_noop("Change %s"),
    gettext_noop("View %s"),
    gettext_noop("Select %s"),
    gettext_noop("Select %s to change"),
    gettext_noop("Select %s to view"),
    gettext_noop("Add %(name)s"),
    gettext_noop("Add another %(verbose_name)s"),
    gettext_noop("The {name} “{obj}” was added successfully."),
    gettext_noop("The {name} “{obj}” was added successfully. You may add another {name} below."),
    gettext_noop("The {name} “{obj}” was changed successfully."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may edit it again below."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may add another {name} below."),
    gettext_noop("The %(name)s “%(obj)s” was deleted successfully."),
    gettext_noop(
        'Are you sure you want to delete the %(object_name)s "%(escaped_object)s"? '
        "All of the following related items will be deleted:"
    ),
    gettext_noop("Added {name} “{object}”."),
    gettext_noop("Deleted {name} “{object}”."),
)
