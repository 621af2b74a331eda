"""Checks of lesson 4, reading critically (being written)."""
