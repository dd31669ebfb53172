"""Importers of published inventories of the market and of findings (docs/data.md, Imports)."""
