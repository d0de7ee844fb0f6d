"""Where filed PDFs are kept: Django's storage API, so any django-storages backend works by setting.

OPENECF_DOCUMENT_STORAGE names an entry of STORAGES (e.g. an S3 backend); empty, a filesystem storage under
OPENECF_DOCUMENT_ROOT (var/documents by default). A callable, so tests and deployments can change the setting
without a migration.
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages


def document_storage() -> Storage:
    alias = getattr(settings, "OPENECF_DOCUMENT_STORAGE", "")
    if alias:
        return storages[alias]
    return FileSystemStorage(location=str(settings.OPENECF_DOCUMENT_ROOT))
