"""{% static %} from openecf_static gives Django's URL, for each script prefix and after a change of settings."""

from __future__ import annotations

from django.template import Context, Template
from django.test import override_settings
from django.urls import set_script_prefix

OURS = Template("{% load openecf_static %}{% static 'openecf/site.css' %}|{% static path as u %}{{ u }}")
DJANGOS = Template("{% load static %}{% static 'openecf/site.css' %}|{% static path as u %}{{ u }}")


def _both(path: str = "openecf/site.js") -> tuple[str, str]:
    context = {"path": path}
    return OURS.render(Context(context)), DJANGOS.render(Context(context))


def test_the_url_is_djangos() -> None:
    ours, djangos = _both()
    css, js = ours.split("|")
    assert ours == djangos and css.endswith("static/openecf/site.css") and js.endswith("static/openecf/site.js")
    spaced = _both("a b.css")
    assert spaced[0] == spaced[1] and spaced[0].endswith("static/a%20b.css")


def test_under_a_script_prefix_the_url_is_djangos() -> None:
    # Django adds the prefix to a relative STATIC_URL when the setting is first read in the process, so the tag's
    # key holds the prefix only for a STATIC_URL it reads anew; either way the URL must be Django's.
    root = _both()
    set_script_prefix("/pacer/")  # the STATIC_URL Django adds a prefix to was read above, under "/"
    try:
        ours, djangos = _both()
    finally:
        set_script_prefix("/")
    assert ours == djangos
    assert _both() == root


def test_a_change_of_static_url_shows_at_once() -> None:
    _both()
    with override_settings(STATIC_URL="https://static.example.org/s/"):
        ours, djangos = _both()
    assert (
        ours == djangos == "https://static.example.org/s/openecf/site.css|https://static.example.org/s/openecf/site.js"
    )
    assert _both()[0] == _both()[1] != ours
