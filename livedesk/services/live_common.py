"""What every part of the live console shares: its error and the stream lookup."""

from __future__ import annotations

from sqlalchemy.orm import Session

from livedesk.models import Stream
from livedesk.services.errors import UserError
from livedesk.services.messages import translate


class LiveError(UserError, ValueError):
    """A console action that cannot be done now; the message says why."""


def get_stream(session: Session, stream_id: int) -> Stream:
    stream = session.get(Stream, stream_id)
    if stream is None:
        raise LiveError(translate("Messages", "This stream no longer exists (it may have been deleted)."))
    return stream
