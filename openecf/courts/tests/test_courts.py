"""The shipped court data, the go-live moment in each court's own time zone, and the operator's set_nextgen_date."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from openecf.audit.models import AuditEvent
from openecf.courts.models import Court

pytestmark = pytest.mark.django_db

COURTS_CSV = Path(__file__).resolve().parent.parent / "data" / "courts.csv"


def _shipped_rows() -> dict[str, dict[str, str]]:
    with COURTS_CSV.open(newline="", encoding="utf-8") as handle:
        return {row["id"]: row for row in csv.DictReader(handle)}


def _utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


# --- the shipped data, loaded by the migrations -------------------------------------------------------------------


def test_every_shipped_court_is_in_the_database_after_migrations() -> None:
    shipped = _shipped_rows()
    assert len(shipped) == 205
    assert set(Court.objects.values_list("id", flat=True)) == set(shipped)
    for court_id in ["wiwd", "wiwb", "wied", "ca7", "ca9", "gud", "nmid", "cacb", "nysd", "alnd"]:
        assert Court.objects.filter(pk=court_id).exists(), court_id


def test_each_court_matches_its_row_in_the_shipped_data() -> None:
    shipped = _shipped_rows()
    for court in Court.objects.all():
        row = shipped[court.id]
        expected_date = date.fromisoformat(row["nextgen_go_live"]) if row["nextgen_go_live"] else None
        assert (court.name, court.type, court.short_name, court.time_zone) == (
            row["name"],
            row["type"],
            row["short_name"],
            row["time_zone"],
        ), court.id
        assert court.nextgen_go_live == expected_date, court.id
        assert court.link_item_location == row["link_item_location"], court.id
        assert court.login_title == row["login_title"], court.id
        assert court.ecf_host == row["ecf_host"], court.id
        court.full_clean()  # every shipped court passes the model's own validation (valid IANA zone, choices...)


@pytest.mark.parametrize(
    ("court_id", "court_type"),
    [("wiwd", "district"), ("wiwb", "bankruptcy"), ("ca7", "appellate"), ("gud", "district"), ("cacb", "bankruptcy")],
)
def test_court_type(court_id: str, court_type: str) -> None:
    assert Court.objects.get(pk=court_id).type == court_type


@pytest.mark.parametrize(
    ("court_id", "zone"),
    [
        ("wiwd", "America/Chicago"),
        ("gud", "Pacific/Guam"),
        ("ca9", "America/Los_Angeles"),
        ("cacb", "America/Los_Angeles"),
        ("nmid", "Pacific/Saipan"),
    ],
)
def test_court_time_zone(court_id: str, zone: str) -> None:
    assert Court.objects.get(pk=court_id).time_zone == zone


@pytest.mark.parametrize(
    ("court_id", "go_live"),
    [
        ("wiwd", date(2022, 4, 25)),
        ("wiwb", date(2020, 3, 30)),
        ("wied", date(2019, 4, 8)),
        ("alnd", date(2022, 2, 28)),
        ("nysd", None),
        ("nmid", None),
    ],
)
def test_nextgen_go_live_dates(court_id: str, go_live: date | None) -> None:
    assert Court.objects.get(pk=court_id).nextgen_go_live == go_live


def test_where_the_link_item_sits() -> None:
    utilities = set(Court.objects.filter(link_item_location="utilities").values_list("id", flat=True))
    assert utilities == {"wied", "wiwd", "alnd"}
    for court_id in ["wiwb", "ca7", "gud", "cacb", "nysd"]:
        assert Court.objects.get(pk=court_id).link_item_location == "nextgen_menu", court_id


def test_login_titles() -> None:
    assert Court.objects.get(pk="wiwd").login_title == "Wisconsin Western District Court Login"
    assert Court.objects.get(pk="wiwb").login_title == "Wisconsin Western Bankruptcy Court NextGen Login"


# --- Court.is_live: from the first moment of the go-live date in the court's own time zone ---------------------


def test_wiwd_goes_live_at_midnight_central_daylight_time() -> None:
    wiwd = Court.objects.get(pk="wiwd")  # 2022-04-25, America/Chicago, CDT = UTC-5
    assert not wiwd.is_live(at=_utc(2022, 4, 25, 4, 59, 59))
    assert wiwd.is_live(at=_utc(2022, 4, 25, 5, 0, 0))
    assert wiwd.is_live(at=_utc(2030, 1, 1))


def test_alnd_goes_live_at_midnight_central_standard_time() -> None:
    alnd = Court.objects.get(pk="alnd")  # 2022-02-28, America/Chicago, CST = UTC-6 (winter: not UTC-5)
    assert not alnd.is_live(at=_utc(2022, 2, 28, 5, 59, 59))
    assert alnd.is_live(at=_utc(2022, 2, 28, 6, 0, 0))


def test_a_guam_court_goes_live_at_14_utc_the_day_before() -> None:
    gud = Court.objects.get(pk="gud")  # Pacific/Guam = UTC+10
    assert gud.nextgen_go_live is not None
    day_before = gud.nextgen_go_live.toordinal() - 1
    flip = date.fromordinal(day_before)
    assert not gud.is_live(at=_utc(flip.year, flip.month, flip.day, 13, 59, 59))
    assert gud.is_live(at=_utc(flip.year, flip.month, flip.day, 14, 0, 0))


def test_a_court_without_a_date_is_never_live() -> None:
    nysd = Court.objects.get(pk="nysd")
    assert not nysd.is_live(at=_utc(2099, 1, 1))
    assert not nysd.is_live()


# --- set_nextgen_date -----------------------------------------------------------------------------------------------


def _date_events() -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(event="court.nextgen_date_set").order_by("id"))


def test_set_nextgen_date_schedules_a_future_date() -> None:
    out = StringIO()
    call_command("set_nextgen_date", "wiwd", "2030-01-02", stdout=out)
    wiwd = Court.objects.get(pk="wiwd")
    assert wiwd.nextgen_go_live == date(2030, 1, 2)
    assert not wiwd.is_live()
    assert "wiwd" in out.getvalue() and "not yet live" in out.getvalue()
    assert "2030" in out.getvalue()
    [event] = _date_events()
    assert event.court_id == "wiwd"
    assert event.detail == {"previous": "2022-04-25", "go_live": "2030-01-02"}
    assert event.user_agent == "manage.py"


def test_set_nextgen_date_accepts_an_upper_case_court_id() -> None:
    call_command("set_nextgen_date", "NYSD", "2020-06-01", stdout=StringIO())
    nysd = Court.objects.get(pk="nysd")
    assert nysd.nextgen_go_live == date(2020, 6, 1)
    assert nysd.is_live()
    [event] = _date_events()
    assert event.detail == {"previous": None, "go_live": "2020-06-01"}


def test_set_nextgen_date_none_clears_the_date() -> None:
    out = StringIO()
    call_command("set_nextgen_date", "wiwd", "none", stdout=out)
    wiwd = Court.objects.get(pk="wiwd")
    assert wiwd.nextgen_go_live is None
    assert not wiwd.is_live()
    assert "not on NextGen" in out.getvalue()
    [event] = _date_events()
    assert event.court_id == "wiwd"
    assert event.detail == {"previous": "2022-04-25", "go_live": None}


def test_each_change_is_audited_with_the_date_it_replaced() -> None:
    call_command("set_nextgen_date", "wiwd", "2030-01-02", stdout=StringIO())
    call_command("set_nextgen_date", "wiwd", "none", stdout=StringIO())
    call_command("set_nextgen_date", "wiwd", "2022-04-25", stdout=StringIO())
    assert [e.detail for e in _date_events()] == [
        {"previous": "2022-04-25", "go_live": "2030-01-02"},
        {"previous": "2030-01-02", "go_live": None},
        {"previous": None, "go_live": "2022-04-25"},
    ]
    assert Court.objects.get(pk="wiwd").is_live()


def test_set_nextgen_date_unknown_court_exits_2_and_changes_nothing() -> None:
    before = AuditEvent.objects.count()
    with pytest.raises(CommandError) as raised:
        call_command("set_nextgen_date", "zzzz", "2030-01-02", stdout=StringIO())
    assert raised.value.returncode == 2
    assert "Unknown court id 'zzzz'" in str(raised.value)
    assert AuditEvent.objects.count() == before
    assert not Court.objects.filter(nextgen_go_live=date(2030, 1, 2)).exists()


@pytest.mark.parametrize("bad", ["2030-02-30", "02/01/2030", "next tuesday", ""])
def test_set_nextgen_date_bad_date_exits_2_and_changes_nothing(bad: str) -> None:
    before = AuditEvent.objects.count()
    with pytest.raises(CommandError) as raised:
        call_command("set_nextgen_date", "wiwd", bad, stdout=StringIO())
    assert raised.value.returncode == 2
    assert "Expected a date as YYYY-MM-DD or 'none'" in str(raised.value)
    assert Court.objects.get(pk="wiwd").nextgen_go_live == date(2022, 4, 25)
    assert AuditEvent.objects.count() == before


def test_refreshing_the_court_data_keeps_an_operators_date_unless_told_to_reset() -> None:
    call_command("set_nextgen_date", "wiwd", "2030-01-02", stdout=StringIO())
    call_command("load_courts", stdout=StringIO())
    assert Court.objects.get(pk="wiwd").nextgen_go_live == date(2030, 1, 2)
    call_command("load_courts", "--reset-dates", stdout=StringIO())
    assert Court.objects.get(pk="wiwd").nextgen_go_live == date(2022, 4, 25)
    assert Court.objects.count() == 205


@pytest.mark.django_db
def test_set_link_item_moves_the_item_on_the_utilities_page_and_is_audited() -> None:
    from conftest import make_pacer, pacer_login

    make_pacer("wiwbfiler", "Wanda Filer")
    client = Client()
    pacer_login(client, "wiwbfiler", court="wiwb")
    assert "Link a CM/ECF account to my PACER account" not in client.get("/ecf/wiwb/utilities/").content.decode()
    out = StringIO()
    call_command("set_link_item", "wiwb", "utilities", stdout=out)
    assert "now under Utilities" in out.getvalue()
    assert "Link a CM/ECF account to my PACER account" in client.get("/ecf/wiwb/utilities/").content.decode()
    event = AuditEvent.objects.get(event="court.link_item_moved")
    assert event.court_id == "wiwb" and event.detail == {"previous": "nextgen_menu", "location": "utilities"}
    with pytest.raises(CommandError) as raised:
        call_command("set_link_item", "nosuch", "utilities")
    assert raised.value.returncode == 2
