"""The live console tab (直播): checklist, run of show, shelf, quick metrics, alerts, incidents, host view."""
