"""Dates as printed in reports ("23 March 2016", "29 February-02 March 2016")."""
from __future__ import annotations

import datetime as dt
import re

MONTHS = {m.lower(): i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"], start=1)}
MONTHS.update({name[:3]: number for name, number in list(MONTHS.items())})
_MONTH = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"  # noqa: E501
DATE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"\s+(\d{4})\b", re.IGNORECASE)
MONTH_YEAR = re.compile(r"\b" + _MONTH + r"\s+(\d{4})\b", re.IGNORECASE)
RANGE = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+" + _MONTH + r")?(?:\s+(\d{4}))?\s*(?:-|–|—|to|and|until)\s*"
    r"(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"\s+(\d{4})\b", re.IGNORECASE)


def month_number(name: str) -> int:
    return MONTHS[name.lower()[:3]]


def parse_date(text: str) -> dt.date | None:
    """The first full date in ``text``."""
    match = DATE.search(text)
    if not match:
        return None
    try:
        return dt.date(int(match.group(3)), month_number(match.group(2)), int(match.group(1)))
    except ValueError:
        return None


def parse_range(text: str) -> tuple[dt.date, dt.date] | None:
    """A date range such as "29 February-02 March 2016" or "3 to 5 May 2017"."""
    match = RANGE.search(text)
    if not match:
        return None
    d1, m1, y1, d2, m2, y2 = match.groups()
    try:
        end = dt.date(int(y2), month_number(m2), int(d2))
        start = dt.date(int(y1 or y2), month_number(m1 or m2), int(d1))
    except ValueError:
        return None
    return (start, end) if start <= end else None


def parse_month_year(text: str) -> tuple[int, int] | None:
    match = MONTH_YEAR.search(text)
    return (int(match.group(2)), month_number(match.group(1))) if match else None
