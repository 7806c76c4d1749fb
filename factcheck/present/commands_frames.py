"""`factcheck frames`: every attribution frame found in a stored article."""
from __future__ import annotations

from .common import ArticleArg, JsonOption, app, console, friendly, open_store, print_json
from .render_frames import frames_table


@app.command()
@friendly
def frames(article: ArticleArg, json_: JsonOption = False) -> None:
    """List the attribution frames found in an article (source, cue, content and its kind); a frame
    whose content is a noun phrase or an action gives no claim its source. `--json` has offsets."""
    store = open_store()
    row = store.article(store.resolve_article(article))
    rows = store.frames(row["id"])
    print_json(rows) if json_ else console.print(frames_table(row, rows))
