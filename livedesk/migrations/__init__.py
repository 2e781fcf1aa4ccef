"""Alembic migrations. HEAD names the newest revision, so opening an up-to-date database needs no alembic
import (a test keeps it equal to the scripts' head)."""

HEAD = "0007_h18_capture"
