from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "openecf.documents"
    verbose_name = "Documents: doc1 (attachment menu, receipt, the PDF), show_case_doc, the NEF's free look"
