"""Service messages follow the UI's language once a translator is installed; the command line stays English."""

from __future__ import annotations

import datetime as dt

import pytest

from livedesk.services import messages, schedule
from livedesk.services.importers.values import parse_int


@pytest.fixture
def shouting_translator():
    messages.install_translator(lambda context, text: text.upper() if context == "Messages" else text)
    yield
    messages.install_translator(None)


def test_validation_messages_are_translated_and_keep_their_values(shouting_translator):
    data = schedule.StreamData(title="x", start_at=dt.datetime.now().astimezone(), planned_minutes=60, platform="tiktok")
    with pytest.raises(schedule.ValidationError, match="UNKNOWN PLATFORM tiktok"):
        schedule.validate(data)


def test_cell_reasons_are_translated(shouting_translator):
    with pytest.raises(ValueError, match="EXPECTED A NUMBER"):
        parse_int("abc")


def test_without_a_translator_messages_are_english():
    with pytest.raises(ValueError, match="expected a number"):
        parse_int("abc")
