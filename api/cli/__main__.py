"""``python -m sanad.api.cli`` runs the ``sanad`` command."""

from . import main

main()
