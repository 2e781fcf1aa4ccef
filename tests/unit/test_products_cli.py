"""`livedesk products import|export|list`: JSON output, exit code 3 on bad rows with nothing written, no Qt."""

from __future__ import annotations

import json

import pytest

FLAGS = {"below_margin_floor", "below_safety_stock", "short_for_lineups", "missing_qualification", "low_click_rate"}
HEADER = "商品名称,SKU编码,商品定位,直播价,成本价,佣金比例,库存,预警库存"


@pytest.fixture
def url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'cli.sqlite3'}"


def write(path, lines: list[str], encoding: str = "utf-8-sig") -> str:
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return str(path)


def test_import_then_list_as_json(cli, url, tmp_path):
    sheet = write(tmp_path / "选品表.csv", [
        "2026年11月选品表",
        HEADER,
        "氨基酸洁面乳,\t'LD-1,引流款,￥29.9,20,10%,\"1,200\",300",
        "羊毛大衣,LD-2,利润款,599,450,15%,40,50",
        "-,-,-,-,-,-,-,-",
    ], encoding="gbk")  # fmt: skip
    code, out, err = cli("--db", url, "products", "import", sheet, "--json")
    assert code == 0, err
    result = json.loads(out)
    assert (result["rows"], result["created"], result["updated"]) == (2, 2, 0)
    code, out, _ = cli("--db", url, "products", "import", sheet, "--json")
    assert json.loads(out)["created"] == 0 and json.loads(out)["updated"] == 0 and json.loads(out)["unchanged"] == 2
    code, out, _ = cli("--db", url, "products", "list", "--json")
    assert code == 0
    rows = {r["sku"]: r for r in json.loads(out)}
    assert set(rows) == {"LD-1", "LD-2"}
    first = rows["LD-1"]
    assert first["role"] == "traffic" and first["name"] == "氨基酸洁面乳"
    assert first["live_price"] == 29.9 and first["cost"] == 20.0 and first["list_price"] is None
    assert first["commission_rate"] == pytest.approx(0.1)
    assert first["gross_margin"] == pytest.approx((29.9 - 20 - 2.99) / 29.9)
    assert first["stock"] == 1200 and first["safety_stock"] == 300
    assert first["flags"] == ["missing_qualification"]
    second = rows["LD-2"]
    assert second["role"] == "profit"
    assert {"below_margin_floor", "below_safety_stock", "missing_qualification"} <= set(second["flags"])
    for row in rows.values():
        assert set(row["flags"]) <= FLAGS
        for key in ("sku", "name", "role", "list_price", "live_price", "cost", "commission_rate", "gross_margin",
                    "stock", "safety_stock", "flags"):
            assert key in row


def test_any_bad_row_exits_3_lists_every_bad_row_and_writes_nothing(cli, url, tmp_path):
    sheet = write(tmp_path / "bad.csv", [
        HEADER,
        "洁面乳,LD-1,引流款,29.9,20,10%,1200,300",
        "精华液,LD-2,利润款,abc,60,20%,800,100",
        "大衣,LD-3,利润款,599,260,15%,-5,50",
    ])  # fmt: skip
    code, out, err = cli("--db", url, "products", "import", sheet, "--json")
    assert code == 3
    assert out == ""
    assert "row 3" in err and "row 4" in err and "Nothing was written" in err
    code, out, _ = cli("--db", url, "products", "list", "--json")
    assert json.loads(out) == []


def test_missing_file_is_bad_input(cli, url, tmp_path):
    code, _, err = cli("--db", url, "products", "import", str(tmp_path / "nope.xlsx"))
    assert code == 3 and "no such file" in err


def test_sample_sheet_imports_with_expected_figures(cli, url, fixtures_dir):
    sample = fixtures_dir / "products" / "选品表_样例.xlsx"
    expected = json.loads((fixtures_dir / "products" / "选品表_样例.expected.json").read_text(encoding="utf-8"))
    code, out, err = cli("--db", url, "products", "import", str(sample), "--json")
    assert code == 0, err
    assert json.loads(out)["rows"] == len(expected) == json.loads(out)["created"]
    code, out, _ = cli("--db", url, "products", "list", "--json")
    rows = {r["sku"]: r for r in json.loads(out)}
    for item in expected:
        row = rows[item["sku"]]
        assert row["live_price"] == pytest.approx(item["live_price"])
        assert row["gross_margin"] == pytest.approx(item["gross_margin"], abs=1e-6)
        assert ("below_safety_stock" in row["flags"]) == item["below_stock_line"]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_then_import_changes_nothing(cli, url, tmp_path, suffix):
    code, _, _ = cli("--db", url, "demo")
    assert code == 0
    out_file = tmp_path / f"pool{suffix}"
    code, out, err = cli("--db", url, "products", "export", str(out_file))
    assert code == 0, err
    assert out_file.is_file() and "32" in out
    _, before, _ = cli("--db", url, "products", "list", "--json")
    code, out, err = cli("--db", url, "products", "import", str(out_file), "--json")
    assert code == 0, err
    result = json.loads(out)
    assert (result["rows"], result["created"], result["updated"]) == (32, 0, 0)
    _, after, _ = cli("--db", url, "products", "list", "--json")
    assert json.loads(after) == json.loads(before)


def test_export_refuses_other_suffixes(cli, url, tmp_path):
    code, _, err = cli("--db", url, "products", "export", str(tmp_path / "pool.txt"))
    assert code == 2 and ".xlsx or .csv" in err


def test_demo_pool_breaks_each_rule(cli, url):
    cli("--db", url, "demo")
    code, out, _ = cli("--db", url, "products", "list", "--json")
    rows = json.loads(out)
    assert len(rows) >= 30
    assert {r["role"] for r in rows} == {"traffic", "profit", "image", "welfare"}
    seen = {flag for r in rows for flag in r["flags"]}
    assert seen == FLAGS
    code, out, _ = cli("--db", url, "products", "list")
    assert code == 0 and "LD-0001" in out
