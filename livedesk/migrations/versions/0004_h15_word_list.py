"""the team's word list: a severity per term and a change time (other laptops see the list change)

Revision ID: 0004_h15_word_list
Revises: 0003_h13s
Create Date: 2026-12-04 14:50:00
"""

from alembic import op
import sqlalchemy as sa
import livedesk.models.base


revision = '0004_h15_word_list'
down_revision = '0003_h13s'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('compliance_terms', schema=None) as batch_op:
        batch_op.add_column(sa.Column('severity', sa.String(length=10), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('updated_at', livedesk.models.base.UTCDateTime(), nullable=False,
                                      server_default=sa.text("'2026-12-04 00:00:00'")))


def downgrade() -> None:
    with op.batch_alter_table('compliance_terms', schema=None) as batch_op:
        batch_op.drop_column('updated_at')
        batch_op.drop_column('severity')
