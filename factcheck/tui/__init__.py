"""The interactive review view (Textual)."""
