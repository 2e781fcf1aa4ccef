"""live capture: where a dashboard sample came from (typed, paste, capture) and a link's click rate

Revision ID: 0007_h18_capture
Revises: 0005_h14b_identity
Create Date: 2026-12-04 17:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0007_h18_capture'
down_revision = '0006_h17team_notify'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('metric_samples', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source', sa.String(length=10), nullable=False, server_default='typed'))
    with op.batch_alter_table('link_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('click_rate', sa.Numeric(precision=9, scale=6), nullable=True))
        batch_op.add_column(sa.Column('source', sa.String(length=10), nullable=False, server_default='typed'))


def downgrade() -> None:
    with op.batch_alter_table('link_events', schema=None) as batch_op:
        batch_op.drop_column('source')
        batch_op.drop_column('click_rate')
    with op.batch_alter_table('metric_samples', schema=None) as batch_op:
        batch_op.drop_column('source')
