"""Tests for eventwire.geo.distance."""

import math

import pytest

from eventwire.geo.distance import EARTH_RADIUS_KM, haversine_km


def test_same_point_is_zero():
    assert haversine_km(36.2, 37.16, 36.2, 37.16) == 0.0


def test_one_degree_of_latitude_is_about_111_km():
    assert haversine_km(0.0, 0.0, 1.0, 0.0) == pytest.approx(111.19, abs=0.01)


def test_symmetric():
    assert haversine_km(50.45, 30.52, 48.0, 37.8) == pytest.approx(haversine_km(48.0, 37.8, 50.45, 30.52))


def test_antipodes_do_not_raise():
    assert haversine_km(0.0, 0.0, 0.0, 180.0) == pytest.approx(math.pi * EARTH_RADIUS_KM)


def test_known_city_pair():
    # Kyiv to Kharkiv is about 410 km
    assert 400 < haversine_km(50.45, 30.52, 49.99, 36.23) < 420
