"""PLACEHOLDER: owned by the articles work."""
import click


@click.command()
@click.argument("article")
def extract(article: str) -> None:
    """List the captions an article holds."""
    raise SystemExit(2)
