"""Readers for the files teams bring: platform exports, 选品表, scripts, schedules."""
