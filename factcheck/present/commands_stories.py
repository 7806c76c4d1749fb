"""Commands on stories: the reports of one event grouped, their propositions, corrections."""
from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.text import Text

from . import render_stories
from .inert import inert
from .common import JsonOption, app, choice_option, console, friendly, open_store, print_json

STORY_ONLY = ("contradictions", "agreements", "single")
_ACTIONS = ("merge", "split")


@app.command()
@friendly
def stories(json_: JsonOption = False) -> None:
    """Every story: the reports of one event, with their agreements and contradictions."""
    rows = open_store().stories()
    if json_:
        print_json(rows)
    else:
        console.print(render_stories.stories_table(rows))


@app.command()
@friendly
def story(
    target: Annotated[str, typer.Argument(help="A story id; or `merge KEEP OTHER`, or `split STORY --article ID`.")],
    more: Annotated[Optional[list[int]], typer.Argument(help="The story ids a merge or split works on.",
                                                        show_default=False)] = None,
    article: Annotated[Optional[int], typer.Option(help="For split: the article to move into a story of its own.")] = None,
    only: Annotated[Optional[str], choice_option(STORY_ONLY, "Show only these propositions.")] = None,
    json_: JsonOption = False,
) -> None:
    """One story's propositions (claims that agree, grouped; contradictions first), or a correction
    of the grouping: `story merge 3 7` moves story 7's articles into 3, `story split 3 --article 12`."""
    store = open_store()
    more = more or []
    if target in _ACTIONS:
        if target == "merge" and len(more) == 2:
            changed = store.merge_stories(more[0], more[1])
        elif target == "split" and len(more) == 1 and article is not None:
            changed = store.split_story(more[0], article)
        else:
            raise typer.BadParameter("use `story merge KEEP OTHER` or `story split STORY --article ID`")
        console.print(Text(f"story {changed}: ") + inert(store.story(changed)["title"]))
        return
    if not (target.isascii() and target.isdigit()) or more:
        raise typer.BadParameter(f"{target!r} is not a story id", param_hint="TARGET")
    found = store.story(int(target))
    propositions = [p for p in store.propositions(found["id"]) if _shown(p, only)]
    if json_:
        print_json({"story": found, "propositions": propositions})
        return
    for part in render_stories.story_view(found, propositions, console.width):
        console.print(part)


def _shown(proposition: dict, only: str | None) -> bool:
    if only == "contradictions":
        return bool(proposition["contradicts"])
    if only == "agreements":
        return proposition["articles"] > 1
    if only == "single":
        return proposition["articles"] == 1
    return True
