"""Signals the tracker sends, so that other apps can follow the data without the tracker
knowing them."""

from django.dispatch import Signal

# Sent by `mercwatch load` once its transaction has committed, with `root` (the data directory).
data_loaded = Signal()

# Sent at the end of every write of the data, inside the writer's transaction and with no
# arguments, so that what is derived from the data is written with it: a receiver's writes commit
# or roll back with the data's, and a receiver that raises undoes the write.
data_changed = Signal()
