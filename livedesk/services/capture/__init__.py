"""Live capture: the console reads the platform's dashboard off the screen.

The GUI grabs a region the user drew every N seconds and hands the PNG to a low-priority OCR process
(`worker`, running `ocr`). The text boxes it returns are mapped to figures by layout (`mapping`, pure Python,
vocabulary in `vocabulary`), checked against the last sample (`plausibility`) and logged like a typed entry
with source "capture" (`store`). Only the figures are kept; a screenshot is written only when the user turns
on the debug option. Nothing in this package imports Qt.
"""
