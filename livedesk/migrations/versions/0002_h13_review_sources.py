"""review figures keep their source; orders keep 流量体裁 and 取消原因; per-minute ad spend and buyers

Revision ID: 0002_h13
Revises: 0001
Create Date: 2026-12-04 14:30:00
"""

from alembic import op
import sqlalchemy as sa
import livedesk.models.base


revision = '0002_h13'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('reviews') as batch:
        batch.add_column(sa.Column('units', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('orders_gmv', sa.Numeric(precision=14, scale=2), nullable=True))
        batch.add_column(sa.Column('seeding_conversion_rate', sa.Numeric(precision=9, scale=6), nullable=True))
        batch.add_column(sa.Column('sources_json', sa.Text(), server_default='{}', nullable=False))
    with op.batch_alter_table('review_imports') as batch:
        batch.add_column(sa.Column('details_json', sa.Text(), server_default='{}', nullable=False))
    with op.batch_alter_table('curve_points') as batch:
        batch.add_column(sa.Column('ad_spend', sa.Numeric(precision=14, scale=2), nullable=True))
        batch.add_column(sa.Column('buyers', sa.Integer(), nullable=True))
    with op.batch_alter_table('order_lines') as batch:
        batch.add_column(sa.Column('cancel_reason', sa.String(length=200), server_default='', nullable=False))
        batch.add_column(sa.Column('content_type', sa.String(length=50), server_default='', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('order_lines') as batch:
        batch.drop_column('content_type')
        batch.drop_column('cancel_reason')
    with op.batch_alter_table('curve_points') as batch:
        batch.drop_column('buyers')
        batch.drop_column('ad_spend')
    with op.batch_alter_table('review_imports') as batch:
        batch.drop_column('details_json')
    with op.batch_alter_table('reviews') as batch:
        batch.drop_column('sources_json')
        batch.drop_column('seeding_conversion_rate')
        batch.drop_column('orders_gmv')
        batch.drop_column('units')
