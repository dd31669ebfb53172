"""Signals the tracker sends, so that other apps can follow the data without the tracker
knowing them."""

from django.dispatch import Signal

# Sent by `mercwatch load` once its transaction has committed, with `root` (the data directory).
data_loaded = Signal()
