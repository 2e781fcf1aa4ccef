"""Alembic migrations. HEAD names the newest revision, so opening an up-to-date database needs no alembic
import (a test keeps it equal to the scripts' head)."""

HEAD = "0006_h17team_notify"
