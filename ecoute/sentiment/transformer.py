"""The optional model backend: a local transformer sentiment classifier, for users who have one.

Point `$ECOUTE_SENTIMENT_MODEL` at a directory saved by Hugging Face
`save_pretrained` (e.g. a multilingual tweet sentiment model such as XLM-T's)
and install the extra: `pip install 'ecoute[model]'`. Nothing is downloaded:
the model loads with `local_files_only`. The dbt Python model
`int_mentions_model_scored` then scores every mention with it, in batches of
texts of similar length (less padding), and keeps the scores of mentions it
already scored with the same model, so a daily run scores only the new ones.

The model's labels must say what they mean: `negative`/`neutral`/`positive`
(any case, also `neg`/`neu`/`pos`), or star ratings (`1 star` … `5 stars`:
1–2 negative, 3 neutral, 4–5 positive). Anything else is refused with the
labels found, rather than guessed.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl

SCORE_SCHEMA = {
    "mention_id": pl.String,
    "sentiment_label": pl.String,
    "negative_probability": pl.Float64,
    "neutral_probability": pl.Float64,
    "positive_probability": pl.Float64,
    "sentiment_score": pl.Float64,
    "sentiment_model_version": pl.String,
}
_NAMED = {
    "negative": "negative",
    "neg": "negative",
    "neutral": "neutral",
    "neu": "neutral",
    "positive": "positive",
    "pos": "positive",
}


class ModelBackendError(RuntimeError):
    """The configured model cannot be used; the message says why and what to do."""


@dataclass(frozen=True)
class ModelSettings:
    model_dir: Path
    batch_size: int = 32
    max_length: int = 128


def model_version(model_dir: Path) -> str:
    """`model-<directory name>-<hash>` of its config and the names and sizes of its files."""
    digest = hashlib.sha256()
    for path in sorted(model_dir.iterdir()):
        if path.is_file():
            digest.update(f"{path.name}:{path.stat().st_size}".encode())
    config = model_dir / "config.json"
    if config.exists():
        digest.update(config.read_bytes())
    return f"model-{model_dir.name}-{digest.hexdigest()[:12]}"


def label_mapping(id2label: dict[int, str]) -> np.ndarray:
    """For each output of the model, its sentiment label; refuses labels that say nothing."""
    mapped = []
    for index in sorted(id2label):
        name = str(id2label[index]).strip().lower()
        stars = re.fullmatch(r"([1-5]) stars?", name)
        if name in _NAMED:
            mapped.append(_NAMED[name])
        elif stars:
            mapped.append(
                ("negative", "negative", "neutral", "positive", "positive")[int(stars[1]) - 1]
            )
        else:
            raise ModelBackendError(
                f"the model's labels {list(id2label.values())} do not say negative/neutral/positive"
                " (or 1–5 stars); set id2label in its config.json, e.g."
                ' {"0": "negative", "1": "neutral", "2": "positive"}'
            )
    return np.array(mapped)


class TransformerScorer:
    """A sequence-classification model loaded from a local directory, scoring texts in batches."""

    def __init__(self, settings: ModelSettings) -> None:
        try:
            import torch
            from transformers import AutoModelForSequenceClassification, AutoTokenizer
        except ImportError as error:
            raise ModelBackendError(
                "the model backend needs transformers and torch: pip install 'ecoute[model]'"
            ) from error
        if not (settings.model_dir / "config.json").exists():
            raise ModelBackendError(
                f"{settings.model_dir}: no config.json; ECOUTE_SENTIMENT_MODEL must name a"
                " directory saved with save_pretrained"
            )
        self.settings = settings
        self.torch = torch
        self.tokenizer = AutoTokenizer.from_pretrained(settings.model_dir, local_files_only=True)
        self.model = AutoModelForSequenceClassification.from_pretrained(
            settings.model_dir, local_files_only=True
        ).eval()
        self.labels = label_mapping(self.model.config.id2label)
        self.version = model_version(settings.model_dir)

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """One row per text: the probability of each of the model's outputs."""
        outputs = np.zeros((len(texts), len(self.labels)))
        # Similar lengths share a batch: less padding, the same results.
        order = np.argsort([len(text) for text in texts], kind="stable")
        size = self.settings.batch_size
        with self.torch.inference_mode():
            for start in range(0, len(order), size):
                rows = order[start : start + size]
                batch = self.tokenizer(
                    [texts[row] for row in rows],
                    padding=True,
                    truncation=True,
                    max_length=self.settings.max_length,
                    return_tensors="pt",
                )
                logits = self.model(**batch).logits
                outputs[rows] = self.torch.softmax(logits, dim=-1).numpy()
        return outputs

    def score(self, mentions: pl.DataFrame) -> pl.DataFrame:
        """`mentions` (mention_id, text) scored: label, probabilities per sentiment, score, version."""
        if mentions.is_empty():
            return pl.DataFrame(schema=SCORE_SCHEMA)
        raw = self.probabilities(mentions["text"].fill_null("").to_list())
        per_label = {
            label: raw[:, self.labels == label].sum(axis=1)
            for label in ("negative", "neutral", "positive")
        }
        stacked = np.column_stack(
            [per_label["negative"], per_label["neutral"], per_label["positive"]]
        )
        return pl.DataFrame(
            {
                "mention_id": mentions["mention_id"],
                "sentiment_label": np.array(["negative", "neutral", "positive"])[
                    stacked.argmax(axis=1)
                ],
                "negative_probability": per_label["negative"],
                "neutral_probability": per_label["neutral"],
                "positive_probability": per_label["positive"],
                "sentiment_score": per_label["positive"] - per_label["negative"],
                "sentiment_model_version": self.version,
            },
            schema=SCORE_SCHEMA,
        )


def score_new_mentions(
    mentions: pl.DataFrame | None, settings: ModelSettings | None, previous: pl.DataFrame | None
) -> pl.DataFrame:
    """Scores of every mention: kept from `previous` when the same model scored it, else computed.

    Without settings (no model configured) there are no scores: the lexicon and
    learned layers stand.
    """
    if settings is None or mentions is None:
        return pl.DataFrame(schema=SCORE_SCHEMA)
    scorer = TransformerScorer(settings)
    kept = (
        previous.filter(pl.col("sentiment_model_version") == scorer.version)
        .join(mentions.select("mention_id"), on="mention_id", how="semi")
        .select(list(SCORE_SCHEMA))
        .cast(SCORE_SCHEMA)
        if previous is not None and previous.height
        else pl.DataFrame(schema=SCORE_SCHEMA)
    )
    todo = mentions.join(kept.select("mention_id"), on="mention_id", how="anti")
    return pl.concat([kept, scorer.score(todo)])
