"""The document score's model: a logistic regression over standardised features, read
from a small JSON file inside the package (``lintnews/models/mtscore-v2.json``) on first
use.  Pure Python; nothing is downloaded.  ``training/train_mtscore.py`` writes the file.
"""

from __future__ import annotations

import json
import math
import operator
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import repeat
from pathlib import Path
from typing import Any

from lintnews.analyses.mtscore.features import describe_feature

MODEL_NAME = "mtscore-v2.json"


class ModelError(Exception):
    """The packaged model file is missing or malformed."""


@dataclass
class Model:
    """A logistic regression over standardised features, as stored in the JSON file."""

    features: list[str]
    means: list[float]
    scales: list[float]
    weights: list[float]
    intercept: float
    threshold: float
    meta: dict[str, Any]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Model:
        try:
            model = cls(
                features=list(data["features"]),
                means=[float(x) for x in data["means"]],
                scales=[float(x) for x in data["scales"]],
                weights=[float(x) for x in data["weights"]],
                intercept=float(data["intercept"]),
                threshold=float(data["threshold"]),
                meta=dict(data.get("meta", {})),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"malformed model: {exc}") from None
        n = len(model.features)
        if not (len(model.means) == len(model.scales) == len(model.weights) == n):
            raise ModelError("malformed model: features, means, scales and weights differ in length")
        return model

    @cached_property
    def vocabulary(self) -> tuple[str, ...]:
        return tuple(self.features)

    @cached_property
    def _slopes(self) -> list[float]:
        """weight / scale per feature: a feature's contribution is (value - mean) * slope."""
        return [w / sd for sd, w in zip(self.scales, self.weights)]

    @cached_property
    def reason_parts(self) -> list[tuple[str, str, str, str]]:
        """Per feature, the words of a reason (see :func:`score_text`): the direction when
        the value is above the mean and when not, the feature's description, the mean."""
        return [
            ("more", "fewer", describe_feature(name), f"{mean:.3g}")
            if name.startswith("tag:")
            else ("higher", "lower", describe_feature(name), f"{mean:.3g}")
            for name, mean in zip(self.features, self.means)
        ]

    def contributions(self, features: dict[str, float]) -> list[float]:
        """Each feature's share of the logit: weight times its standardised value."""
        return self.contributions_of(map(features.get, self.features, repeat(0.0)))

    def contributions_of(self, values: Iterable[float]) -> list[float]:
        """:meth:`contributions` of the features' values in the model's order."""
        return list(map(operator.mul, map(operator.sub, values, self.means), self._slopes))

    def probability(self, features: dict[str, float], contributions: list[float] | None = None) -> float:
        if contributions is None:
            contributions = self.contributions(features)
        return self.probability_of(contributions)

    def probability_of(self, contributions: list[float]) -> float:
        """:meth:`probability` from the features' :meth:`contributions`."""
        logit = self.intercept + math.fsum(contributions)
        logit = max(-60.0, min(60.0, logit))
        return 1.0 / (1.0 + math.exp(-logit))




def model_path() -> Path:
    return Path(__file__).resolve().parent.parent.parent / "models" / MODEL_NAME


@lru_cache(maxsize=None)
def load_model(path: str | None = None) -> Model:
    """The packaged model (read once per process), or the one at ``path``."""
    where = Path(path) if path else model_path()
    try:
        data = json.loads(where.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{where}: cannot read the model: {exc}") from None
    return Model.from_dict(data)

