"""Presentation: the `factcheck` command, rich tables, the Textual review view, exports.

The only layer that prints or reads the keyboard. A command parses its options, calls one
library function and formats what comes back; no SQL and no matching here.

Never imports: sqlite_utils, rapidfuzz
"""
