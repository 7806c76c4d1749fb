"""Save docs/review.svg: the review view on the seed article, a few verdicts recorded.

    python scripts/render_review_svg.py
"""
import asyncio
from pathlib import Path

from factcheck import Store
from factcheck.present.review import ReviewApp

ROOT = Path(__file__).resolve().parents[1]


async def main() -> None:
    store = Store(":memory:")
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        store.ingest(path.read_text(encoding="utf-8"), name=path.stem)
    store.verify([3], "verified", note="Mayor confirmed on radio", reviewer="alice")
    store.verify([6], "disputed", note="Interior ministry says Peugeot", reviewer="alice")
    store.verify([7], "verified", reviewer="bob")
    app = ReviewApp(store, 1, reviewer="alice")
    async with app.run_test(size=(120, 36)) as pilot:
        for key in "jjjjj":
            await pilot.press(key)
        await pilot.pause()
        app.save_screenshot("review.svg", str(ROOT / "docs"))


if __name__ == "__main__":
    asyncio.run(main())
