"""`uv run python -m tools.gallery` regenerates the screenshots the READMEs and the guides embed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from tools import gallery

TABS = ["schedule", "products", "script", "live", "review"]


def test_one_command_renders_every_tab(tmp_path: Path, capsys):
    assert gallery.main(["--out", str(tmp_path), "--lang", "en"]) == 0
    written = sorted(p.stem for p in (tmp_path / "en").glob("*.png"))
    assert written == sorted(TABS)
    image = QImage(str(tmp_path / "en" / "live.png"))
    assert (image.width(), image.height()) == (1440, 900)
    assert str(tmp_path / "en" / "review.png") in capsys.readouterr().out


def test_by_default_it_writes_both_languages_into_the_docs_gallery(monkeypatch):
    calls = []
    monkeypatch.setattr(gallery, "render", lambda language, out, theme, home: calls.append((language, out, theme)) or [])
    assert gallery.main([]) == 0
    docs_gallery = Path(gallery.__file__).resolve().parents[1] / "docs" / "gallery"
    assert calls == [("en", docs_gallery, "light"), ("zh_CN", docs_gallery, "light")]
