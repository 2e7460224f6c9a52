"""PLACEHOLDER: owned by the demo-desk work."""
import click


@click.command()
def demo() -> None:
    """Build the demo desk."""
