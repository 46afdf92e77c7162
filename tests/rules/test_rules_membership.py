"""Membership as of a day: accession counts that day, the exit day no longer counts."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factbox.rules import Body, MembershipUnknown, members_as_of, membership_known

DAY = dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("actor", "accession"),
    [("FI", dt.date(2023, 4, 4)), ("SE", dt.date(2024, 3, 7)), ("MK", dt.date(2020, 3, 27))],
)
def test_nato_accession_counts_from_that_day(
    shipped: dict[str, Body], actor: str, accession: dt.date
) -> None:
    nato = shipped["nato"]
    assert actor not in members_as_of(nato, accession - DAY)
    assert actor in members_as_of(nato, accession)


def test_nato_size_steps_at_finland_and_sweden(shipped: dict[str, Body]) -> None:
    nato = shipped["nato"]
    sizes = [len(members_as_of(nato, d)) for d in (
        dt.date(2023, 4, 3), dt.date(2023, 4, 4), dt.date(2024, 3, 6), dt.date(2024, 3, 7))]
    assert sizes == [30, 31, 31, 32]


def test_uk_is_in_the_eu_on_exit_day_and_out_the_day_after(shipped: dict[str, Body]) -> None:
    eu = shipped["eu-council"]
    on_exit_day = members_as_of(eu, dt.date(2020, 1, 31))
    after = members_as_of(eu, dt.date(2020, 2, 1))
    assert "GB" in on_exit_day and len(on_exit_day) == 28
    assert "GB" not in after and len(after) == 27


def test_croatia_makes_28_from_its_accession(shipped: dict[str, Body]) -> None:
    eu = shipped["eu-council"]
    assert len(members_as_of(eu, dt.date(2013, 6, 30))) == 27
    assert "HR" in members_as_of(eu, dt.date(2013, 7, 1))


def test_unsc_term_boundaries(shipped: dict[str, Body]) -> None:
    unsc = shipped["unsc"]
    assert "DE" in members_as_of(unsc, dt.date(2020, 12, 31))
    assert "DE" not in members_as_of(unsc, dt.date(2021, 1, 1))
    assert "IN" in members_as_of(unsc, dt.date(2021, 1, 1))


def test_unsc_outside_the_known_years_is_unknown(shipped: dict[str, Body]) -> None:
    unsc = shipped["unsc"]
    assert membership_known(unsc, dt.date(2026, 12, 31))
    assert not membership_known(unsc, dt.date(2027, 1, 1))
    assert membership_known(unsc, dt.date(2014, 1, 1))
    assert not membership_known(unsc, dt.date(2013, 12, 31))
    with pytest.raises(MembershipUnknown):
        members_as_of(unsc, dt.date(2013, 12, 31))


def test_unsc_split_term_of_italy_and_the_netherlands(shipped: dict[str, Body]) -> None:
    unsc = shipped["unsc"]
    assert "IT" in members_as_of(unsc, dt.date(2017, 12, 31))
    assert "NL" not in members_as_of(unsc, dt.date(2017, 12, 31))
    assert "NL" in members_as_of(unsc, dt.date(2018, 1, 1))
    assert "IT" not in members_as_of(unsc, dt.date(2018, 1, 1))


@settings(deadline=None)
@given(day=st.dates(min_value=dt.date(2014, 1, 1), max_value=dt.date(2026, 12, 31)))
def test_unsc_has_five_permanent_and_ten_elected_members_every_known_day(
    shipped: dict[str, Body], day: dt.date
) -> None:
    members = members_as_of(shipped["unsc"], day)
    assert len(members) == len(set(members)) == 15
    assert {"CN", "FR", "RU", "GB", "US"} <= set(members)


@settings(deadline=None)
@given(data=st.data())
def test_every_dated_member_counts_exactly_from_joined_until_left(
    shipped: dict[str, Body], data: st.DataObject
) -> None:
    body = shipped[data.draw(st.sampled_from(["nato", "eu-council"]))]
    membership = data.draw(st.sampled_from(body.memberships))
    assert membership.joined is not None
    assert membership.actor_id in members_as_of(body, membership.joined)
    assert membership.actor_id not in members_as_of(body, membership.joined - DAY)
    if membership.left is not None:
        assert membership.actor_id in members_as_of(body, membership.left - DAY)
        assert membership.actor_id not in members_as_of(body, membership.left)


@settings(deadline=None)
@given(day=st.dates(min_value=dt.date(1949, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_member_count_matches_the_dated_rows(shipped: dict[str, Body], day: dt.date) -> None:
    for body in (shipped["nato"], shipped["eu-council"]):
        expected = {
            m.actor_id for m in body.memberships
            if m.joined is not None and m.joined <= day and (m.left is None or day < m.left)
        }
        assert set(members_as_of(body, day)) == expected
