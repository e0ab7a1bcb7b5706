"""Staff upload recordings of guidance sections here; each upload is converted once with ffmpeg.

Recordings are never changed or deleted: a new upload for the same section and language replaces
the one readers get and keeps it in the history. Imported (and so registered) from guidance/admin.py.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import recordings
from .models import GuidancePage, Recording


def unavailable_message():
    return gettext(
        "Recordings cannot be uploaded: ffmpeg, the program that converts them, is not installed on this "
        "server. Ask the administrator to install Debian's “ffmpeg” package. Nothing was saved."
    )


def section_choices():
    """One choice per section of every published page ("page id:heading segment id"), grouped by page."""
    groups = []
    for page in GuidancePage.objects.for_reading():
        options = [(f"{page.pk}:{sid}", text) for sid, _number, text in recordings.sections(page.current_revision)]
        if options:
            groups.append((page.current_revision.title, options))
    return groups


class RecordingForm(forms.ModelForm):
    section_of_page = forms.ChoiceField(label=_("Section"), choices=())
    upload = forms.FileField(
        label=_("Sound file"),
        help_text=_("MP3, M4A, Opus or WAV. It is converted once to a small Opus file for readers."),
    )

    class Meta:
        model = Recording
        fields = ["language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section_of_page"].choices = section_choices()
        self.order_fields(["section_of_page", "language", "upload"])

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        if not upload.name.lower().endswith(recordings.ACCEPTED_SUFFIXES):
            raise forms.ValidationError(gettext("Upload an MP3, M4A, Opus or WAV file."), code="format")
        limit = settings.RECORDING_MAX_UPLOAD_MB
        if upload.size > limit * 1024 * 1024:
            raise forms.ValidationError(
                gettext("The file is larger than %(limit)s MB.") % {"limit": limit},
                code="size",
            )
        return upload

    def clean(self):
        cleaned = super().clean()
        if not recordings.can_convert():
            raise forms.ValidationError(unavailable_message(), code="no-ffmpeg")
        if self.errors or "upload" not in cleaned:
            return cleaned
        try:
            cleaned["converted"], cleaned["duration"] = recordings.convert(cleaned["upload"])
        except recordings.ConversionUnavailable as error:
            raise forms.ValidationError(unavailable_message(), code="no-ffmpeg") from error
        except recordings.ConversionFailed as error:
            raise forms.ValidationError(
                gettext("This file could not be converted. Is it a sound file?"), code="conversion"
            ) from error
        return cleaned


@admin.register(Recording)
class RecordingAdmin(admin.ModelAdmin):
    form = RecordingForm
    list_display = ["page", "section", "language", "duration", "size", "uploaded_at", "uploaded_by", "superseded_by"]
    list_filter = ["language", "page"]
    list_select_related = ["page", "uploaded_by"]
    readonly_fields = ["page", "section", "language", "file", "duration", "size", "english_versions", "revision",
                       "uploaded_by", "uploaded_at", "superseded_by"]

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else []

    def has_change_permission(self, request, obj=None):
        return False  # a recording is the record of what was read: upload a new one instead

    def has_delete_permission(self, request, obj=None):
        return False

    def add_view(self, request, form_url="", extra_context=None):
        if request.method == "GET" and not recordings.can_convert():
            messages.error(request, unavailable_message())
        return super().add_view(request, form_url, extra_context)

    @transaction.atomic
    def save_model(self, request, obj, form, change):
        page_id, section = form.cleaned_data["section_of_page"].split(":", 1)
        page = GuidancePage.objects.select_related("current_revision").get(pk=page_id)
        converted = form.cleaned_data["converted"]
        obj.page, obj.section, obj.revision = page, section, page.current_revision
        obj.english_versions = recordings.versions_read(page.current_revision, section)
        obj.duration, obj.size, obj.uploaded_by = form.cleaned_data["duration"], converted.size, request.user
        obj.file.save(converted.name, converted, save=False)
        obj.save()
        Recording.objects.current().filter(page=page, section=section, language=obj.language).exclude(
            pk=obj.pk).update(superseded_by=obj)
