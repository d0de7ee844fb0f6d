"""Document pages of a court's CM/ECF site; config/urls.py serves them in the court site's ``cmecf`` namespace."""

from django.urls import URLPattern, path

from openecf.documents import views

urlpatterns: list[URLPattern] = [
    # No trailing slash: the addresses real dockets, NEFs and clients use (doc1/{document id}?caseid=...).
    path("doc1/<str:doc_id>", views.doc1, name="doc1"),
    path("cgi-bin/show_case_doc", views.show_case_doc, name="show_case_doc"),
    path("cgi-bin/show_temp.pl", views.show_temp, name="show_temp"),
]
