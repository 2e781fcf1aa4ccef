"""The ORM: one module per aggregate. Importing this package registers every table on Base.metadata."""

from livedesk.models.base import Base
from livedesk.models.identity import DatabaseIdentity
from livedesk.models.live import (
    Alert,
    ChecklistItem,
    Incident,
    LinkEvent,
    LiveSession,
    MetricSample,
    ResponseLine,
    SegmentTiming,
)
from livedesk.models.product import (
    LineupItem,
    Product,
    ProductFAQ,
    ProductRole,
    Qualification,
    QualificationDocument,
    SellingPoint,
)
from livedesk.models.review import (
    CurvePoint,
    ImportPreset,
    ImprovementItem,
    Moment,
    OrderLine,
    ProductResult,
    Review,
    ReviewImport,
    TrafficSource,
)
from livedesk.models.script import ComplianceTerm, Rehearsal, RehearsalTiming, Script, Segment, SegmentKind
from livedesk.models.stream import Person, Platform, Role, Stream, StreamPerson, StreamStatus, StreamType

__all__ = [
    "Alert", "Base", "ChecklistItem", "ComplianceTerm", "CurvePoint", "DatabaseIdentity", "ImportPreset", "ImprovementItem",
    "Incident", "LineupItem", "LinkEvent", "LiveSession", "MetricSample", "Moment", "OrderLine", "Person",
    "Platform", "Product", "ProductFAQ", "ProductResult", "ProductRole", "Qualification",
    "QualificationDocument", "Rehearsal", "RehearsalTiming", "ResponseLine", "Review", "ReviewImport", "Role",
    "Script", "Segment", "SegmentKind", "SegmentTiming", "SellingPoint", "Stream", "StreamPerson",
    "StreamStatus", "StreamType", "TrafficSource",
]
