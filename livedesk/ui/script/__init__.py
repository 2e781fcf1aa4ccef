"""The script tab (直播脚本): the run of show as a table and a timeline, compliance, rehearsal, import/export."""
