"""Fixtures shared by the unit tests."""

import pytest

import articlekit as ak


@pytest.fixture(scope="session")
def article():
    """The seed article, parsed once per test process (its spaCy Doc is then built once too)."""
    return ak.load_article()
