"""database identity: a stable id per database, so backups say which database they came from

Revision ID: 0005_h14b_identity
Revises: 0004_h15_word_list
Create Date: 2026-12-04 14:40:00
"""

import datetime as dt
import uuid
from pathlib import PurePath

import sqlalchemy as sa
from alembic import op

import livedesk.models.base

revision = '0005_h14b_identity'
down_revision = '0004_h15_word_list'
branch_labels = None
depends_on = None


def _label(bind) -> str:
    """The file name (SQLite) or database name (server) this database has now."""
    if bind.dialect.name == "sqlite":
        for _seq, name, file in bind.exec_driver_sql("PRAGMA database_list").fetchall():
            if name == "main":
                return PurePath(file).name if file else "in-memory"
        return ""
    return str(bind.exec_driver_sql("SELECT current_database()").scalar() or "")


def upgrade() -> None:
    table = op.create_table('database_identity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('created_at', livedesk.models.base.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_database_identity')),
    sa.UniqueConstraint('uid', name=op.f('uq_database_identity_uid'))
    )
    op.bulk_insert(table, [{
        "id": 1, "uid": uuid.uuid4().hex, "label": _label(op.get_bind())[:200],
        "created_at": dt.datetime.now(dt.timezone.utc),
    }])


def downgrade() -> None:
    op.drop_table('database_identity')
