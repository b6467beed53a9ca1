"""One HTTP client per service: retries, timeouts, a request rate, and no secret in any message.

Built on dlt's requests wrapper (`dlt.sources.helpers.requests.Client`), which
retries connection errors, timeouts, 429 and 5xx with exponential backoff and
waits what a `Retry-After` header asks (up to `max_retry_delay_seconds`).
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

import requests
from dlt.sources.helpers.requests import Client

REDACTED = "***"


class _SecretsFilter(logging.Filter):
    """Redacts the secrets of every `ServiceClient` from urllib3's debug lines.

    urllib3 logs each request's URL at DEBUG, query string included: a key sent
    as a query parameter (YouTube's `key=`) would otherwise reach any log set to DEBUG.
    """

    def __init__(self) -> None:
        super().__init__()
        self.secrets: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = message
        for secret in self.secrets:
            redacted = redacted.replace(secret, REDACTED)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


_SECRETS_FILTER = _SecretsFilter()
logging.getLogger("urllib3.connectionpool").addFilter(_SECRETS_FILTER)


class SourceError(RuntimeError):
    """A service could not be read; the message names the service and the URL, never a secret."""


class HttpError(SourceError):
    """The service answered 4xx/5xx (after retries): `status` and the start of the body, redacted.

    For a connector that must tell one refusal from another (an exhausted
    quota, comments turned off…) to say what to do about it.
    """

    def __init__(self, message: str, status: int, body: str) -> None:
        super().__init__(message)
        self.status = status
        self.body = body


class MalformedPayload(SourceError):
    """The service answered 2xx with a body that is not what it should be (truncated JSON…).

    `body` is the text received, for the quarantine.
    """

    def __init__(self, message: str, body: str) -> None:
        super().__init__(message)
        self.body = body


@dataclass(frozen=True)
class HttpSettings:
    """How hard to try and how fast to go, per service (see `listening.yml`, `sources.<service>`)."""

    timeout_seconds: float = 30.0
    max_attempts: int = 5
    max_retry_delay_seconds: float = 300.0
    backoff_factor: float = 1.0
    requests_per_minute: float = 60.0


@dataclass
class ServiceClient:
    """GET JSON or text from one service.

    `secrets` are values (tokens, API keys) that must never appear in a log or
    an error: they are replaced by `***` in every message this client makes,
    including the URLs of failed requests, whose query strings may carry them.

    `response_hooks` see every response, each retried one included, before the
    retry decides how long to wait: a service that says when to come back in a
    header of its own (X's `x-rate-limit-reset`) can set `Retry-After` there.
    """

    service: str
    base_url: str
    settings: HttpSettings = field(default_factory=HttpSettings)
    headers: Mapping[str, str] = field(default_factory=dict)
    secrets: Iterable[str] = ()
    response_hooks: Sequence[Callable[[requests.Response], None]] = ()
    requests_made: int = 0

    def __post_init__(self) -> None:
        self._secrets = tuple(secret for secret in self.secrets if secret)
        _SECRETS_FILTER.secrets.update(self._secrets)
        self._client = Client(
            request_timeout=self.settings.timeout_seconds,
            request_max_attempts=self.settings.max_attempts,
            request_backoff_factor=self.settings.backoff_factor,
            request_max_retry_delay=self.settings.max_retry_delay_seconds,
            respect_retry_after_header=True,
            raise_for_status=False,
        )
        self._interval = 60.0 / self.settings.requests_per_minute
        self._last_request = 0.0
        self._lock = threading.Lock()

    def url(self, path_or_url: str) -> str:
        """An absolute URL: `path_or_url` as is when absolute, else under `base_url`."""
        if path_or_url.startswith(("http://", "https://")):
            return path_or_url
        return urljoin(self.base_url.rstrip("/") + "/", path_or_url.lstrip("/"))

    def get(self, path_or_url: str, params: Mapping[str, Any] | None = None) -> requests.Response:
        """The response to a GET, after retries; a final 4xx/5xx raises `HttpError`, a network failure `SourceError`."""
        url = self.url(path_or_url)
        self._wait_for_rate_limit()
        try:
            response = self._client.session.get(
                url,
                params=params,
                headers=dict(self.headers),
                timeout=self.settings.timeout_seconds,
                hooks={"response": [_calling(hook) for hook in self.response_hooks]},
            )
        except requests.RequestException as error:
            raise SourceError(
                f"{self.service}: {self.redact(_request_url(url, params))}: "
                f"{type(error).__name__}: {self.redact(str(error))}"
            ) from None
        finally:
            self.requests_made += 1
        if response.status_code >= 400:
            raise HttpError(
                f"{self.service}: {self.redact(response.url)}: HTTP {response.status_code}"
                f" {response.reason} after {self.settings.max_attempts} attempt(s) at most:"
                f" {self.redact(response.text[:300])}",
                response.status_code,
                self.redact(response.text[:10_000]),
            )
        return response

    def get_json(self, path_or_url: str, params: Mapping[str, Any] | None = None) -> Any:
        """The decoded JSON body of a GET; a body that is not JSON raises `MalformedPayload`."""
        response = self.get(path_or_url, params)
        try:
            return response.json()
        except (json.JSONDecodeError, requests.JSONDecodeError) as error:
            raise MalformedPayload(
                f"{self.service}: {self.redact(response.url)}: the body is not valid JSON ({error})",
                self.redact(response.text),
            ) from None

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text

    def _wait_for_rate_limit(self) -> None:
        with self._lock:
            wait = self._last_request + self._interval - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self._last_request = time.monotonic()


def _calling(hook: Callable[[requests.Response], None]) -> Callable[..., None]:
    # requests calls response hooks with keyword arguments (timeout, proxies…) they do not need.
    def call(response: requests.Response, *args: Any, **kwargs: Any) -> None:
        hook(response)

    return call


def _request_url(url: str, params: Mapping[str, Any] | None) -> str:
    prepared = requests.Request("GET", url, params=params).prepare()
    return prepared.url or url
