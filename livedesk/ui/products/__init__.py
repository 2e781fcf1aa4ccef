"""The product pool tab (选品池): products, their details, bulk edits, the 选品表 import and stream lineups."""
