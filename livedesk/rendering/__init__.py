"""Files people read: report PDFs and workbooks, chart images, the script PDF.

Used by the command line and the ui alike, above services and below both. It paints with Qt's painting
classes only (QImage, QPainter, QTextDocument, QPdfWriter), never a widget, so it runs on any thread.
"""
