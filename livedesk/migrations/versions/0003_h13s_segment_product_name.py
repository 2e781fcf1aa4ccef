"""segments keep the product an imported script names when it is not in the pool yet

Revision ID: 0003_h13s
Revises: 0002_h13
Create Date: 2026-12-04 14:45:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0003_h13s'
down_revision = '0002_h13'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('segments') as batch:
        batch.add_column(sa.Column('product_name', sa.String(length=300), server_default='', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('segments') as batch:
        batch.drop_column('product_name')
