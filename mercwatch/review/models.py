"""Submissions of the review workflow, what is said about them, and every change of state.

The proposal is kept in the data files' shape (JSON): `sources` (each a source entry with its
`group`, the file it belongs in), `measures` (each a measure entry with its `actor` and
`family`) and `retract` (IDs of measures to take out). What is private (a contact, a victim's
identity) is in `Private`, a table of its own that no public page, export or feed reads.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    NEW_MEASURE = "new-measure", _("New measure")
    CORRECTION = "correction", _("Correction")
    NEW_SOURCE = "new-source", _("New source")
    RETRACTION = "retraction", _("Retraction")
    RIGHT_OF_REPLY = "right-of-reply", _("Right of reply")


class State(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    PREPARED = "prepared", _("Prepared by an editor")
    CHANGES_REQUESTED = "changes-requested", _("Changes requested")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class Submission(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    statement = models.TextField(_("statement"))
    proposal = models.JSONField(_("proposed records"), default=dict)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="submissions"
    )
    anonymous = models.BooleanField(_("credit me anonymously"), default=False)
    state = models.CharField(max_length=20, choices=State.choices, default=State.SUBMITTED)
    version = models.PositiveIntegerField(default=1)  # moved on by every change (409 if stale)
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="prepared_submissions", blank=True
    )  # everyone who edited the proposal besides its author: none of them may approve it
    created = models.DateTimeField(auto_now_add=True)
    changed = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created", "-id"]
        permissions = [
            ("prepare_submission", "Can prepare submissions (edit, ask the contributor)"),
            ("decide_submission", "Can decide submissions (approve, request changes, reject)"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def credit(self) -> str:
        """The name shown for the contributor."""
        return str(_("Anonymous contributor")) if self.anonymous else self.author.get_username()


class Private(models.Model):
    """What a contributor tells the editors only: never shown publicly, exported or fed."""

    submission = models.OneToOneField(Submission, on_delete=models.CASCADE, related_name="private")
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    note = models.TextField(_("private note"), blank=True)

    def __str__(self) -> str:
        return f"private fields of submission {self.submission_id}"


class Message(models.Model):
    """A question from an editor, or the contributor's answer."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    text = models.TextField(_("message"))
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "id"]

    def __str__(self) -> str:
        return f"message {self.pk} on submission {self.submission_id}"


class Transition(models.Model):
    """One change of a submission: its state before and after, who, when and why."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="transitions")
    action = models.CharField(max_length=20)
    source = models.CharField(max_length=20, choices=State.choices)
    target = models.CharField(max_length=20, choices=State.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    reason = models.TextField(blank=True)
    version = models.PositiveIntegerField()  # the submission's version after it
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.action} of submission {self.submission_id} (version {self.version})"
