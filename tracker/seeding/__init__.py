"""Load the hand-checked seed files in ``seeds/`` through the service functions.

A seed file ``NNN_name.json`` describes one document (its text is the sibling
``.txt`` file it names) and the sources, events, claims and accounts found in
it; ``seeds/000_e57b2e8f9047b65a.json`` is the worked example. Loading happens
in two phases:

1. Parse every file without touching the database: JSON, vocabularies,
   intervals, file-local references, and every quote against its offsets. A
   bad file is refused before anything is written.
2. Apply all files in one transaction, looking each thing up by its natural
   key and creating only what is missing, so a second run changes nothing.
   Any error raised by a service rolls back the whole load.

Sources are referenced by name or alias (case-insensitively), so a later seed
file may use sources an earlier one defined; events and claims by an ``id``
local to their file. Existing rows are never modified: what an editor has
changed since the last load wins.
"""

from tracker.seeding.loading import load_seed_dir
from tracker.seeding.parsing import SeedError, parse_seed_file, seed_paths

__all__ = ["SeedError", "load_seed_dir", "parse_seed_file", "seed_paths"]
