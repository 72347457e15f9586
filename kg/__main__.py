"""Allow ``python -m kg`` as well as the ``kotakg`` command."""

from kg.cli import cli

if __name__ == "__main__":
    cli()
