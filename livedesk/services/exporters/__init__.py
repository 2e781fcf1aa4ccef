"""Writers for the files teams hand on: 选品表 workbooks and CSV, reports."""
