"""Where filed PDFs are kept: Django's storage API, so any django-storages backend works by setting.

OPENECF_DOCUMENT_STORAGE names an entry of STORAGES (e.g. an S3 backend); empty, a filesystem storage under
OPENECF_DOCUMENT_ROOT (var/documents by default). The Document model's FileField takes the callable, so the
choice is made from the settings and never written into a migration.
"""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages


class DocumentFileStorage(FileSystemStorage):
    """Files under OPENECF_DOCUMENT_ROOT, read at each use: Django builds a field's storage once, at start-up, and
    the root must still follow the setting (each test keeps its documents in a directory of its own)."""

    @property
    def base_location(self) -> str:
        return str(settings.OPENECF_DOCUMENT_ROOT)

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)


def document_storage() -> Storage:
    alias = getattr(settings, "OPENECF_DOCUMENT_STORAGE", "")
    if alias:
        return storages[alias]
    return DocumentFileStorage()
