"""Hostile values a client can send, by kind: each is put in every path segment, query
parameter and form field of every route (tests/security/test_payloads.py)."""

from __future__ import annotations

PAYLOADS = {
    "sql-quote": "' OR '1'='1",
    "sql-union": "1 UNION SELECT username, password FROM auth_user--",
    "sql-stacked": "1; DROP TABLE store_dataversion; --",
    "xss-script": "<script>alert(1)</script>",
    "xss-attribute": '"><img src=x onerror=alert(1)>',
    "xss-single-quote": "'><svg onload=alert(1)>",
    "xss-url": "javascript:alert(1)",
    "template": "{{ 7|add:7 }}{% debug %}${7*7}",
    "control": "\x01\x07\x1b[31m\x7f\x9b",
    "crlf": "a\r\nSet-Cookie: injected=1",
    "rtl-override": "\u202egnp.exe\u202c",
    "null-byte": "a\x00b",
    "oversized": "A" * 20_000,
    "unicode": "ＮＳＯ 𝓟𝓮𝓰𝓪𝓼𝓾𝓼 \ufeff\u200b",
    "traversal": "../../../../etc/passwd",
    "format": "%s%n%x{0}",
}

# What a page must never hold as it was sent: a payload with markup in it, unescaped.
MARKUP = set("<>\"'")


def reflected(payload: str, body: str) -> bool:
    """Tell whether `body` (HTML) holds `payload` unescaped, where escaping matters."""
    return bool(MARKUP & set(payload)) and payload in body
