"""The review tab (复盘)."""
