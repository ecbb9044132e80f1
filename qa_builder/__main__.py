from .cli import app

app(prog_name="qa-builder")
