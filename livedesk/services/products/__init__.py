"""The product pool (选品池): margins, warning flags, the pool listing, edits with undo, files and history.

No Qt here: the product tab, the command line and the tests call the same functions.
Every function takes an open session (one unit of work, see `Database.session`) and never commits.

* rules: vocabulary (roles, qualification words, editable fields), errors, margins and warning flags
* listing: the pool table's rows, upcoming lineup units, recent click figures
* edits: create, update, bulk changes, selling points and FAQ
* undo_state: snapshots for undo, restore, yours-versus-theirs after a conflict
* attachments: qualification documents and photos in the data folder
* history: how a product did across reviewed streams
"""

from livedesk.services.products.attachments import (
    DOCUMENT_SUFFIXES,
    IMAGE_SUFFIXES,
    OFFICE_SUFFIXES,
    AttachmentRefused,
    attach_document,
    attachment_file,
    openable_attachment,
    remove_document,
    set_photo,
)
from livedesk.services.products.edits import (
    bulk_set_values,
    bulk_update,
    check_version,
    clean_product_fields,
    create_product,
    find_product_by_sku,
    get_product,
    product_versions,
    replace_faqs,
    replace_selling_points,
    update_product,
)
from livedesk.services.products.history import (
    HistoryRow,
    product_history,
)
from livedesk.services.products.listing import (
    ProductRow,
    list_products,
    load_products_with_children,
    recent_click_stats,
    start_of_today,
    upcoming_units_by_product,
)
from livedesk.services.products.rules import (
    BULK_FIELDS,
    EDITABLE_FIELDS,
    FLAG_NAMES,
    QUALIFICATION_LABELS,
    ROLE_LABELS,
    ProductChangedError,
    ProductNotFoundError,
    Rules,
    check_product,
    gross_margin,
    list_categories,
    parse_qualification,
    parse_role,
    product_flags,
)
from livedesk.services.products.undo_state import (
    STATE_CHILDREN,
    STATE_FIELDS,
    STATE_NAMES,
    apply_parts,
    changed_parts,
    check_states,
    delete_product,
    delete_products,
    product_state,
    product_states,
    restore_product,
    snapshot_product,
    snapshot_products,
    snapshot_state,
)

__all__ = [
    "AttachmentRefused",
    "BULK_FIELDS",
    "DOCUMENT_SUFFIXES",
    "EDITABLE_FIELDS",
    "FLAG_NAMES",
    "HistoryRow",
    "IMAGE_SUFFIXES",
    "OFFICE_SUFFIXES",
    "ProductChangedError",
    "ProductNotFoundError",
    "ProductRow",
    "QUALIFICATION_LABELS",
    "ROLE_LABELS",
    "Rules",
    "STATE_CHILDREN",
    "STATE_FIELDS",
    "STATE_NAMES",
    "apply_parts",
    "attach_document",
    "attachment_file",
    "bulk_set_values",
    "bulk_update",
    "changed_parts",
    "check_product",
    "check_states",
    "check_version",
    "clean_product_fields",
    "create_product",
    "delete_product",
    "delete_products",
    "find_product_by_sku",
    "get_product",
    "gross_margin",
    "list_categories",
    "list_products",
    "load_products_with_children",
    "openable_attachment",
    "parse_qualification",
    "parse_role",
    "product_flags",
    "product_history",
    "product_state",
    "product_states",
    "product_versions",
    "recent_click_stats",
    "remove_document",
    "replace_faqs",
    "replace_selling_points",
    "restore_product",
    "set_photo",
    "snapshot_product",
    "snapshot_products",
    "snapshot_state",
    "start_of_today",
    "upcoming_units_by_product",
    "update_product",
]
