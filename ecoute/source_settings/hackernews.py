"""`sources.hackernews` of `listening.yml`: Hacker News searches (Algolia) and the front page (Firebase).

Two public APIs, no credentials. A `search` query asks Algolia's HN search for
stories and/or comments matching words, newest first, and is incremental. A
`topstories` query reads the current front-page ranking from the official
Firebase API and fetches its first `max_items` items on every run: a ranking is
not a time line, so it has no cursor and each run refreshes scores and comment
counts of the stories it lists.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, model_validator

from ecoute.source_settings import ConnectorSettings, Name, StrictSettings

ALGOLIA_URL = "https://hn.algolia.com/api/v1"
FIREBASE_URL = "https://hacker-news.firebaseio.com/v0"


class QueryKind(StrEnum):
    search = "search"
    topstories = "topstories"


class SearchTags(StrEnum):
    """What a search returns: stories, comments, or both."""

    story = "story"
    comment = "comment"
    both = "both"


class HackerNewsQuery(StrictSettings):
    """One query: a full-text search (`q`, `tags`) or the front page (`max_items`)."""

    kind: QueryKind = QueryKind.search
    q: str = Field(default="", max_length=500)
    tags: SearchTags = SearchTags.both
    # The top stories list holds up to 500 ids; each item is one request.
    max_items: int = Field(default=30, ge=1, le=500)

    @model_validator(mode="after")
    def _fields_fit_the_kind(self) -> HackerNewsQuery:
        # A field that the kind ignores would silently do nothing: say so instead.
        if self.kind is QueryKind.search:
            if not self.q.strip():
                raise ValueError("a search query needs `q` (the words to search for)")
            if "max_items" in self.model_fields_set:
                raise ValueError(
                    "`max_items` is for kind `topstories`; a search is capped by `max_pages`"
                    " (100 hits a page)"
                )
        else:
            ignored = sorted({"q", "tags"} & self.model_fields_set)
            if ignored:
                raise ValueError(
                    f"kind `topstories` reads the front page: remove {', '.join(ignored)}"
                )
        return self


class HackerNewsSettings(ConnectorSettings):
    """Where the two APIs are, and the queries (name → query)."""

    base_url: str = Field(default=ALGOLIA_URL, pattern=r"^https?://\S+$")
    firebase_url: str = Field(default=FIREBASE_URL, pattern=r"^https?://\S+$")
    # Algolia allows 10,000 requests an hour per IP; Firebase states no limit.
    requests_per_minute: float = Field(default=150.0, gt=0, le=60_000)
    queries: dict[Name, HackerNewsQuery] = Field(default_factory=dict)
