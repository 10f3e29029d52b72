"""Signatories: the right title for the date, in the holder's gender and the letter's language."""
import datetime as dt

from circular_studio.core.model import officials


def test_title_follows_the_office_held_on_the_date():
    dbm = officials.official("doreen-bogdan-martin")
    assert dbm.title("fr", dt.date(2021, 10, 18)) == "Directrice"
    assert dbm.title("ar", dt.date(2021, 10, 18)) == "المديرة"
    assert dbm.title("fr", dt.date(2024, 10, 31)) == "Secrétaire générale"
    assert dbm.title("ar", dt.date(2023, 11, 6)) == "الأمينة العامة"
    assert officials.official("houlin-zhao").title("ar", dt.date(2019, 12, 6)) == "الأمين العام"


def test_picker_offers_only_officials_in_office():
    ids_2019 = {o.id for o in officials.in_office(dt.date(2019, 12, 6))}
    assert {"houlin-zhao", "doreen-bogdan-martin", "malcolm-johnson", "mario-maniewicz"} <= ids_2019
    assert "brahima-sanou" not in ids_2019 and "seizo-onoe" not in ids_2019
    ids_2024 = {o.id for o in officials.in_office(dt.date(2024, 1, 1))}
    assert "houlin-zhao" not in ids_2024 and {"doreen-bogdan-martin", "seizo-onoe"} <= ids_2024


def test_office_on_boundaries():
    zhao = officials.official("houlin-zhao")
    assert zhao.office_on(dt.date(2022, 12, 31)) == "SG"
    assert zhao.office_on(dt.date(2023, 1, 1)) is None
