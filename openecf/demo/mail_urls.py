from django.urls import path

from openecf.demo import views_mail

app_name = "demo_mail"

urlpatterns = [
    path("", views_mail.inbox, name="inbox"),
    path("<str:key>/", views_mail.message, name="message"),
]
