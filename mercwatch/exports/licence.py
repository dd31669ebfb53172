"""The data licence every export states (see docs/data.md for why CC BY 4.0)."""

from __future__ import annotations

LICENCE_ID = "CC-BY-4.0"
LICENCE_TITLE = "Creative Commons Attribution 4.0 International"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
ATTRIBUTION = (
    "mercwatch – an evidence-based tracker of action against cyber mercenaries. "
    "Data licensed under CC BY 4.0: credit mercwatch and the sources it cites."
)
