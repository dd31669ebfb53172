"""The e-mails of the review workflow: the submitter hears of each decision and question
(Django's e-mail framework: the console backend unless settings name SMTP)."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

logger = logging.getLogger(__name__)
WORDS = {
    "approve": gettext_lazy("approved"),
    "request-changes": gettext_lazy("sent back for changes"),
    "reject": gettext_lazy("rejected"),
}


def _send(submission: Any, subject: str, template: str, context: dict[str, Any]) -> None:
    address = submission.author.email
    if not address:
        return
    body = render_to_string(template, {"submission": submission, **context})
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
    except OSError:  # the decision stands (it is committed); the mail server's fault is logged
        logger.exception("could not e-mail %s about submission %s", address, submission.pk)


def decision(submission: Any, decision: str, reason: str) -> None:
    subject = _("Your submission “%(title)s” was %(what)s") % {
        "title": submission.title, "what": WORDS[decision]
    }  # fmt: skip
    _send(submission, subject, "review/mail/decision.txt",
          {"what": WORDS[decision], "reason": reason})  # fmt: skip


def question(submission: Any, message: Any) -> None:
    subject = _("A question about your submission “%(title)s”") % {"title": submission.title}
    _send(submission, subject, "review/mail/question.txt", {"message": message})
