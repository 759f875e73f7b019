"""Data lifecycle and the rights of the person (issue 5), free of Qt.

- :mod:`.backup`: encrypted ``.cepbak`` backups and verified restores into a new folder;
- :mod:`.exchange`: the versioned JSON exchange format (export, all-or-nothing import);
- :mod:`.rights`: access copy, erasure, retention and purge;
- :mod:`.notice`: the RGPD information notice and its hand-over date;
- :mod:`.stats`: anonymised activity statistics and their CSV.
"""
