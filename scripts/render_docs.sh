#!/usr/bin/env bash
# Regenerate the real command output quoted in docs/usage.md, on the seed reports, at 80 columns.
# Usage: bash scripts/render_docs.sh > docs/usage.md
set -euo pipefail
cd "$(dirname "$0")/.."
db=$(mktemp -d)/claims.db
export COLUMNS=80 FACTCHECK_DB="$db"
# show 'COMMAND': the command as written (quotes kept, so it can be copied), then its output.
show() { echo '```'; echo "\$ $1"; (set +o pipefail; eval "$1") 2>&1 || echo "(exit code $?)"; echo '```'; }
cat <<'TXT'
# Using factcheck

Every example below is real output on the bundled seed reports (`seeds/`), in an 80-column
terminal (regenerate with `bash scripts/render_docs.sh > docs/usage.md`). The database is
`./claims.db` unless `--db PATH` or `FACTCHECK_DB` says otherwise; only `ingest` and `demo`
create it, and a read-only database can still be read. Every listing command takes
`--json`. Articles are named by id, or by a unique prefix of their title or file name.
`-h` is `--help`; `factcheck --version`; `factcheck --install-completion` sets up completion
of commands and option values for your shell. `--color always` (before the command, or on
`show`) keeps colours when the output is piped, as into `less -R`; `--color never` drops them.
Kinds of source have one name everywhere (tables, `--kind`, JSON, the database):
`named_person`, `official_body`, `anonymous`, `witness`, `media`, `document`, and
`unattributed` (the writer says it). A `[N]` before a claim is its id, for `factcheck verify N`.
Text from articles is shown as it is: markup such as `[bold]` stays literal, and terminal
control characters appear as escapes like `\x1b`, bidi controls and zero-width characters
(which reorder or hide text) as escapes like `\u202e` (`--json` keeps the exact text).

## factcheck demo
Ingests `seeds/` (run it from the checkout) and shows the articles and the first article's claims.

## factcheck ingest
Files, folders (`.txt`, `.md`, `.html`) or `-` for standard input, where HTML and clear
Markdown are recognised too. HTML and Markdown are stored as the text a reader sees; a page's
own headline, date, canonical url and outlet are used unless given. A file whose content gives
no date takes it from its name or folders when that is unambiguous (`gazette_2015-11-11_budget.txt`,
`2015_11_11`, `20151111`, `news/2015/11/11/budget.txt`; never a day-first date, never two
different dates, never the text); `--published` goes before both. `pip install
'factcheck[html]'` reads pages through trafilatura, which leaves out more of a site's menus and
boxes than the built-in reader. Text is UTF-8 (a few bad bytes are replaced, with a warning
naming their offsets), UTF-16/32 with a byte-order mark, or Windows-1252 when it is clearly not
UTF-8; binary files are refused. Options: `--title`, `--outlet`, `--url`, `--published
YYYY-MM-DD`, `--force` (extract a stored article again), `--max-bytes` (default 5,000,000). The
same text is stored once. A changed text at the path or `--url` of a stored article is a new
revision of it (see `factcheck show --revisions`). `--force` extracts as `factcheck reextract`
does: claims found again keep their ids and verdicts, even on a verified article. Each article
is committed on its own: an interrupted folder leaves only whole articles. A bad file in a
folder is skipped with a message; the exit code is then 1. Every article is stored (and
searchable) first; then ingest matches the claims of what it stored with those of their
stories. `--no-link` leaves that to `factcheck link pending`, which matches every article
stored with matching off (or by an ingest interrupted before it matched).
TXT
show 'factcheck ingest seeds/'
show 'factcheck ingest seeds/montrouge.txt'
echo; echo '## factcheck articles'
show 'factcheck articles'
echo; echo '## factcheck claims'
echo 'Claims of one article or of all, with filters `--kind`, `--source` (part of a name) and `--status`; `--limit N` and `--offset N` page through many (`articles` takes them too).'
show 'factcheck claims montrouge --kind anonymous'
show 'factcheck claims --limit 2 --offset 30'
echo; echo '## factcheck sources'
echo 'Who is cited, merged across articles by normalised name ("prime minister Manuel Valls" = "Manuel Valls"), with every way it was written.'
show 'factcheck sources'
echo; echo '## factcheck frames'
echo 'Every attribution frame found in an article: the source as written (`→` the source it resolves to, where that is not inside the mention), the cue, the content, and what the content is: a `clause` or a `quote` (a proposition: the claims in it are the source'"'"'s) or a `noun_phrase` or an `action` (shown dim: "released photographs", "urged people to stay indoors" report an act, and the claim stays in the writer'"'"'s voice). Frames count every relation, as PolNeAR does; claims carry only the attribution of a proposition. `--json` gives one object per frame with the offsets of source, cue and each content piece into the text (`show --json`). Frames follow their article: a re-extraction replaces them, a revision has its own. An article stored before frames were kept (a database from an earlier factcheck) has none until `factcheck reextract`, which picks such articles by itself; until then `frames` says so.'
show 'factcheck frames Manhunt'
echo; echo '## factcheck show'
echo '`factcheck show 1 --highlight` prints the article with each claim underlined in the colour of its source kind, sources in reverse video and cues in bold italic; headings and credit lines are dimmed. `--json` gives the text, sentences and claims with offsets.'
echo; echo '## factcheck search'
echo 'Full-text search (SQLite FTS5, BM25 ranking, Porter stemming) over claim text. Words must all be there; `"a phrase"` keeps its words together and in order; `OR`, `NOT`, `AND` and parentheses combine them (capitals, as in SQLite); `polic*` is a prefix. A word also finds its irregular forms (`policewomen` finds "policewoman", `fled` finds "flee"). A query that cannot be read is refused in one line.'
show 'factcheck search "bullet-proof vest"'
show 'factcheck search "Renault OR Peugeot"'
show 'factcheck search "policewomen NOT shot"'
echo; echo '## factcheck compare'
echo 'Two reports side by side: aligned claims that agree (`=`, green) or contradict (`≠`, red, the conflicting words highlighted) or are about the same thing (`~`, yellow), each with who says it; then what only one of them reports. `--only contradictions|agreements|related|unique`; `--json` gives the same structure.'
show 'factcheck compare montrouge Gunman --only contradictions'
show 'factcheck compare montrouge Manhunt --only agreements'
echo; echo '## factcheck stories'
echo 'Articles join a story as they are ingested: the story of the stored article whose telling terms (names, numbers, long words, weighted by how rare they are in the store) are most alike, when it is alike enough and so, on average, are the story'"'"'s recent articles, and when the dates (if both are known) are within 7 days; otherwise a new story. Stored articles never move unless a person moves them. The title is the words most of its articles use. `=` and `≠` count the agreements and contradictions between its articles.'
show 'factcheck stories'
echo; echo '## factcheck story'
echo 'One story'"'"'s propositions: claims of different articles that agree are one proposition (never two claims of one article, never across a contradiction), with what each article says and who says it: one column per outlet when the outlets fit the terminal, else a line per outlet in each proposition; contradictions first, each version of a fact next to the others (`≠` names the propositions they conflict with), then what several articles agree on (`=N`), then what only one reports. `--only contradictions|agreements|single`, `--json`. Corrections: `factcheck story merge KEEP OTHER`, `factcheck story split STORY --article ID`; both stick. A merge matches the claims of the joined stories (each article of the smaller against those of the larger, as ingest would have); after a split the links stay (they are still true), but a story counts only the links inside it.'
show 'factcheck story 1 --only contradictions'
echo; echo '## factcheck match'
echo 'The links of an article'"'"'s claims to claims of other articles (made by ingest once its articles are stored, or by `factcheck link pending`: each claim against the closest claims of the articles of its story and of the two most alike articles of other stories, through `relate`). `--relation contradictions|agreements|related`, the words of `compare --only`.'
show 'factcheck match montrouge --relation contradictions'
echo; echo '## factcheck claims --corroboration'
echo 'Each claim with how many independent sources agree (`+`) and contradict (`-`); the same source relayed by two outlets counts once.'
show 'factcheck claims montrouge --corroboration --kind anonymous'
echo; echo '## factcheck links, link confirm, link reject'
echo 'Matching only suggests; a person decides. `factcheck links [ARTICLE]` lists agreements and contradictions between articles, each with its link id (the two claim ids) and status: `suggested` or `confirmed`. `--pending` lists those no one has decided, `--rejected` those rejected. `factcheck link confirm LINK_ID` and `factcheck link reject LINK_ID` (`--by` as for `verify`) append the decision to a history never rewritten. A rejected link is never shown again as agreement or contradiction (`match`, `compare`, `stories`, `story`, `--corroboration`, `review`), even when linking makes it again; the latest decision wins. `claims --corroboration` counts the confirmed sources apart: `+2 (1✓)`. `factcheck link pending` is the second matching pass, over articles stored with `ingest --no-link` (`links --pending` is about decisions, `link pending` about matching).'
show 'factcheck link confirm 8-29 --by alice'
show 'factcheck link reject 7-38 --by alice'
show 'factcheck links Manhunt --pending'
show 'factcheck claims Manhunt --corroboration --kind anonymous'
echo; echo '## factcheck relate'
echo 'One pair of claims, with the reasons.'
show 'factcheck relate "Twelve people were killed" "Eleven people died in the attack"'
show 'factcheck relate "The gunman wore a bullet-proof vest" "the attacker had been wearing a bullet-proof vest, police sources said"'
show 'factcheck relate "The gunman fled in a Renault Clio" "The gunman reportedly fled in a Renault Clio"'
echo; echo '## factcheck verify, history, export'
echo 'Statuses: `unverified` (default), `verified`, `disputed`, `false`, `misleading`, `unverifiable`. Every change is appended to a history that is never rewritten; the current status is the latest entry. The reviewer is `--by`, else `$FACTCHECK_REVIEWER`, else the login name. `claims --status`, `articles` (column "checked") and `compare` show statuses.'
show 'factcheck verify 7 --status verified --note "Confirmed by the prefecture" --evidence https://example.org/prefecture --by alice'
show 'factcheck verify 7 9 --status disputed --by bob'
show 'factcheck history 7'
show 'factcheck claims montrouge --status disputed'
echo 'Exports: `--format json` (default), `csv`, or `claimreview` (schema.org ClaimReview JSON-LD for the claims with a verdict; needs `--review-url`, the page where the reviews are published, and takes `--org`). Every JSON and CSV row names its article (`article_id`, `article_title`, `outlet`, `url`, `published`), so exports of several articles can be joined; an export with nothing in it says so on stderr. The JSON-LD can be pasted into a `<script type="application/ld+json">` block as it is (`<`, `>`, `&` are written `\u003c`, ...). In CSV a cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'"'"'` so that a spreadsheet shows it rather than running it; `--raw` writes the cells exactly as stored.'
show 'factcheck export montrouge --format csv | head -3'
show 'factcheck export montrouge --format claimreview --org "Example Desk" --review-url https://example.org/checks/montrouge | head -40'
echo; echo '## factcheck remove'
echo 'Removes an article with its claims and links. At a terminal it asks first; `--yes` (`-y`) skips the question, and without a terminal (a script) it is required. Refused once any of its claims has a verification record, so that no history is lost (re-extracting it is allowed: see `factcheck reextract`), and the verification history itself refuses UPDATE and DELETE in the database. The ids of a removed article and its claims are never given to another.'
show 'factcheck remove Manhunt --yes'
echo; echo '## Revisions: factcheck show --revisions'
echo 'News reports are updated. Ingesting a changed text with the same `--url`, or from the same path when it still holds or rewords at least one stored claim (a reused file name can be another article), stores a new revision of the same article: the old text is kept (every claim says which revision'"'"'s text its offsets index), a claim whose text is unchanged keeps its id and verdicts wherever it moved, a reworded or vanished claim is retired (kept with its text, history and `retired_at`; hidden unless `claims --retired`), and new claims get new ids and links. Ids are never reused, even after `remove`. `show ID --revision N` prints an old text; `history CLAIM` says what revisions did to a claim; `export` keeps retired claims that have a verdict.'
show 'sed -n 1,12p seeds/montrouge.txt | factcheck ingest - --title live --url https://example.org/live'
vest=$(factcheck claims live --json | python3 -c 'import json,sys; print(next(c["id"] for c in json.load(sys.stdin) if "vest" in c["text"]))')
show "factcheck verify $vest --status verified --by alice"
echo 'The report is updated (a sentence added at the top, a figure changed, one quote gone); the verified claim keeps its id and verdict:'
show '(echo "France raised its terror alert to the highest level, officials said."; sed -n 1,12p seeds/montrouge.txt | sed -e "s/around a dozen/around two dozen/" -e "/^Witnesses said/d") | factcheck ingest - --title live --url https://example.org/live'
show 'factcheck show live --revisions'
show 'factcheck claims live --status verified'
echo; echo '## factcheck edit'
echo 'Changes an article'"'"'s `--title`, `--outlet`, `--url` or `--published` date without extracting it again (`""` clears a value): claims and ids stay, `ingested_at` stays and `updated_at` records the change.'
show 'factcheck edit montrouge --outlet "Example Wire" --published 2015-01-08'
echo; echo '## factcheck reextract'
echo 'Extracts stored articles again with this version'"'"'s extractor (named and versioned, `factcheck.rules.v1`; every article records which one made its claims, `extractor` in `show --json`). Without arguments: every article an older (or unrecorded) extractor made, so after an upgrade one run brings the store up to date and a second does nothing; `--all` re-extracts every article; or name articles. The text is unchanged, so the revision is too. A claim found again (same text, wherever it now is) keeps its id, verdicts, links and link decisions; new claims get new ids and links; a claim no longer found is retired (kept with its text, history and `retired_at`, hidden unless `claims --retired`), never deleted, and comes back with its id if a later extractor finds it again; metadata stays. `ingest --force` does the same for the files it is given. A progress bar shows on stderr; `--json` gives the counts per article.'
show 'factcheck reextract montrouge'
show 'factcheck reextract'
echo; echo '## factcheck review'
echo 'A full-screen view (Textual) of one article: its title, outlet and date on top; the text on the left with each claim underlined in the colour of its status (`t` switches to source kinds; the line below the panes is the legend), the selected claim in reverse and always in view; the claims on the right; below, the selected claim in full with its source and cue, how many independent sources agree and contradict (confirmed and suggested apart), its agreements and contradictions in other articles, and its history. Keys: arrows or `j`/`k` move; `v` verified, `d` disputed, `f` false, `m` misleading, `x` unverifiable, `u` unverified (a verdict the claim already has is not recorded again); `n` note, `e` evidence (the details scroll to it); `[` and `]` choose a match, `c` confirms it, `r` rejects it (as `factcheck link confirm|reject`); `/` shows only the claims with these whole words; `q` quits. The two lines at the bottom list the keys. Each key writes to the database at once. Works at 80×24 and larger. Screenshot (120×36, regenerate with `python scripts/render_review_svg.py`): [review.svg](review.svg).'
echo; echo '![the review view on the seed article](review.svg)'
echo; echo '## factcheck extract'
echo 'The pipeline alone, nothing stored. `--json` prints one object per claim per line: the contract of `../shared/eval/polnear.py`; `--frames` adds one `{"frame": ...}` line per attribution frame (what `factcheck frames` stores).'
show 'factcheck extract seeds/montrouge.txt --json | head -3'
echo; echo '## Errors'
echo 'Bad input gets one line on stderr and exit code 1 (2 for bad usage); nothing stored changes.'
show 'factcheck claims 99'
show 'factcheck ingest /no/such/file.txt'
show 'factcheck claims --kind person'
show 'factcheck search "\"bullet-proof vest"'
