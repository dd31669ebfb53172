"""Signals the tracker sends, so that other apps can follow the data without the tracker
knowing them."""

from django.dispatch import Signal

# Sent by the write path (mercwatch.store.writes.apply) inside the write's transaction, once the
# change has passed its checks, with `reason` and `snapshot` (the data as the write leaves
# it): whatever follows the data (the search index) updates in the same transaction, and a
# receiver that raises undoes the write.
data_changed = Signal()
