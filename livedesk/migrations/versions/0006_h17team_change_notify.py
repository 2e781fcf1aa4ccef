"""team changes pushed: on PostgreSQL every table tells listeners it changed (pg_notify per statement)

On SQLite this revision does nothing: the watcher reads `PRAGMA data_version` there.

Revision ID: 0006_h17team_notify
Revises: 0005_h14b_identity
Create Date: 2026-12-04 17:20:00
"""

from alembic import op

from livedesk.services.changes import NOTIFY_FUNCTION, NOTIFY_FUNCTION_SQL, TRIGGER_PREFIX, trigger_sql

revision = '0006_h17team_notify'
down_revision = '0005_h14b_identity'
branch_labels = None
depends_on = None

# Every table at this revision except the bookkeeping ones. A later revision that adds a table adds its
# trigger too (tests/integration/test_team_changes.py checks that every table has one).
TABLES = (
    "alerts", "checklist_items", "compliance_terms", "curve_points", "import_presets", "improvement_items",
    "incidents", "lineup_items", "link_events", "live_sessions", "metric_samples", "moments", "order_lines",
    "people", "product_faqs", "product_results", "products", "qualification_documents", "rehearsal_timings",
    "rehearsals", "response_lines", "review_imports", "reviews", "scripts", "segment_timings", "segments",
    "selling_points", "stream_people", "streams", "traffic_sources",
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    op.execute(NOTIFY_FUNCTION_SQL)
    for table in TABLES:
        op.execute(trigger_sql(table))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f'DROP TRIGGER IF EXISTS {TRIGGER_PREFIX}{table} ON "{table}"')
    op.execute(f"DROP FUNCTION IF EXISTS {NOTIFY_FUNCTION}()")
